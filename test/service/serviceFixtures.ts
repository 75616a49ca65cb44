import { addParty, type Case, type NewCaseFormValues } from '../../domain/cases';
import type { Certificate } from '../../domain/certificate';
import type { ActionInput, Meeting } from '../../domain/meeting';
import type { OutcomeRecord } from '../../domain/outcome';
import type { ServiceData } from '../../domain/service';
import { createCalendar } from '../../domain/timescales';
import { afterMediation, issued } from '../outcome/certificateFixtures';
import { closedMeeting, LEAD, makeCase, NOW, ok, PARENT, publishedFixture } from '../outcome/outcomeFixtures';

export const calendar = createCalendar();

let counter = 0;

/** A statutory case (M-ASSESS unless said) with a parent and the dates given; the reference is unique. */
export function caseWith(form: NewCaseFormValues): Case {
  counter += 1;
  const c = makeCase({ caseType: 'M-ASSESS', caseReference: `SV-${String(counter).padStart(4, '0')}`, ...form });
  return ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
}

/** A session of `c` started at `start` and closed two hours later with `outcome`. */
export function heldMeeting(c: Case, start: string, outcome: 'full' | 'partial' | 'none' | 'ended_early' | 'adjourned' = 'none', previous: Meeting | null = null, actions: readonly ActionInput[] = []): Meeting {
  const at = new Date(start);
  const decision =
    outcome === 'adjourned'
      ? { outcome, nextDate: new Date(at.getTime() + 7 * 86_400_000).toISOString().slice(0, 10) }
      : outcome === 'ended_early'
        ? { outcome, reason: 'party_left' as const }
        : { outcome };
  return closedMeeting(c, { start: at, closeAt: new Date(at.getTime() + 2 * 3_600_000), decision, previous, actions });
}

export function certificateFor(c: Case, meeting: Meeting, issuedAt: string): Certificate {
  return issued(c, afterMediation(meeting), new Date(issuedAt)).cert;
}

/** A published outcome record for `c` whose first version went out at `publishedAt`. */
export function outcomeFor(c: Case, meeting: Meeting, publishedAt: string | undefined, amendedPlanAt?: string): OutcomeRecord {
  const { record } = publishedFixture();
  const first = record.versions[0]!;
  return {
    ...record,
    caseId: c.id,
    meetingId: meeting.meetingId,
    versions: publishedAt ? [{ ...first, publishedAt }] : [],
    amendedPlans: amendedPlanAt ? [{ kind: 'link', url: 'https://example.sharepoint.com/plan', suppliedAt: amendedPlanAt, suppliedBy: c.createdBy }] : [],
  };
}

export function data(parts: Partial<ServiceData>): ServiceData {
  return { cases: [], meetings: [], certificates: [], outcomes: [], actions: [], feedback: [], ...parts };
}
