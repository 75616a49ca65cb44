import type { CaseTypeCode } from '../../domain/caseTypes';
import { addParty, type Case } from '../../domain/cases';
import { addAction, closeMeeting, setChangeResult, startMeeting, type ActionInput, type CloseDecision, type Meeting } from '../../domain/meeting';
import { draftOutcome, publishOutcome, startOutcomeRecord, validateOutcomeDraftSubmission, type OutcomeContent, type OutcomeRecord } from '../../domain/outcome';
import type { RequestedChange } from '../../domain/preparation';
import type { Acknowledgement } from '../../domain/terms';
import { NOW, seqRandom } from '../domain/caseFixtures';
import { GUARDS_OK, LEAD, MEETING_START, later, meetingCase, ok } from '../meeting/meetingFixtures';
import { storedChange } from '../preparation/prepFixtures';

export { ADVOCATE, CO, LEAD, OFFICER, PARENT, MEETING_START, later, meetingCase, ok } from '../meeting/meetingFixtures';
export { STRANGER, YP, NOW, makeCase, seqRandom } from '../domain/caseFixtures';

/** Thu 17 Dec 2026, 12:30 in London (GMT): the meeting closes. Certificate due Tue 22 Dec 2026 (T7). */
export const CLOSE_AT = later(150);
export const CLOSE_DAY = '2026-12-17';

/** Three changes sent before the meeting (F, B, A) and one draft never sent (section I). */
export function planChanges(c: Case): RequestedChange[] {
  const sent = new Date('2026-12-05T10:00:00Z');
  return [
    storedChange(c, 1, { sentAt: sent, input: { section: 'F', location: 'paragraph 3' } }),
    storedChange(c, 2, { sentAt: sent, input: { section: 'B', location: 'communication needs' } }),
    storedChange(c, 3, { sentAt: sent, input: { section: 'A', location: 'aspirations' } }),
    storedChange(c, 4, { input: { section: 'I', location: 'school named' } }),
  ];
}

export const amendPlan: ActionInput = { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan with the agreed wording', category: 'amend_plan' };
export const epVisit: ActionInput = {
  owner: { kind: 'body', body: 'local_authority' },
  what: 'Arrange an EP visit',
  category: 'other_la_icb',
  agreedDueDate: '2027-01-08',
};

export interface ClosedMeetingSetup {
  readonly actions?: readonly ActionInput[];
  /** Result per change, by the change's position in `changes`. */
  readonly results?: readonly (readonly [RequestedChange, 'agreed' | 'agreed_as_amended' | 'not_agreed' | 'deferred'])[];
  readonly decision?: CloseDecision;
  readonly closeAt?: Date;
  readonly start?: Date;
  readonly previous?: Meeting | null;
}

/** A meeting of `c` run and closed by the lead mediator. */
export function closedMeeting(c: Case, setup: ClosedMeetingSetup = {}): Meeting {
  const random = seqRandom();
  let m = ok(startMeeting(c, setup.previous ?? null, LEAD.aadObjectId, { guards: GUARDS_OK }, setup.start ?? MEETING_START, random));
  (setup.actions ?? []).forEach((a, i) => {
    m = ok(addAction(c, m, LEAD.aadObjectId, `action-${String(i).padStart(4, '0')}`, a, later(30, setup.start ?? MEETING_START)));
  });
  for (const [change, result] of setup.results ?? []) {
    const wording = result === 'agreed' || result === 'agreed_as_amended' ? { agreedWording: `Agreed wording for change ${change.number}` } : {};
    m = ok(setChangeResult(c, m, LEAD.aadObjectId, { changeId: change.changeId, result, ...wording }, later(60, setup.start ?? MEETING_START)));
  }
  return ok(closeMeeting(c, m, LEAD.aadObjectId, setup.decision ?? { outcome: 'partial' }, setup.closeAt ?? CLOSE_AT));
}

/** The plan-content fixture: M-CONTENT, decision notice Thu 1 Oct 2026, partial agreement on Thu 17 Dec 2026. */
export function planFixture(): { c: Case; changes: RequestedChange[]; meeting: Meeting } {
  const c = meetingCase();
  const changes = planChanges(c);
  const [f, b, a] = changes;
  if (!f || !b || !a) throw new Error('fixture');
  const meeting = closedMeeting(c, { actions: [amendPlan, epVisit], results: [[f, 'agreed_as_amended'], [b, 'not_agreed'], [a, 'deferred']] });
  return { c, changes, meeting };
}

/** The fixture case as another case type (same parties and dates). */
export function caseOfType(caseType: CaseTypeCode, reference = 'SM-2026/020'): Case {
  return { ...meetingCase(reference), caseType };
}

/** The case without a recorded decision notice date. */
export function withoutDecisionDate(c: Case): Case {
  const { decisionNoticeSent: _gone, ...dates } = c.dates;
  return { ...c, dates };
}

export function draftOf(c: Case, meeting: Meeting, changes: readonly RequestedChange[] = [], acknowledgements: readonly Acknowledgement[] = []): OutcomeContent {
  return ok(draftOutcome({ case: c, meeting, changes, acknowledgements, providerName: 'Example Mediation Service' }, LEAD.aadObjectId));
}

export const OVERVIEW = 'The family and the local authority met to discuss the plan. Speech and language therapy was agreed; the other points remain open.';

/** The draft with an overview, ready to publish. */
export function publishable(draft: OutcomeContent, extra: Record<string, string> = {}): OutcomeContent {
  const v = validateOutcomeDraftSubmission(draft, { overview: OVERVIEW, ...extra });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  return v.value;
}

/** The record opened at the close and version 1 published an hour later. */
export function publishedFixture(): { c: Case; changes: RequestedChange[]; meeting: Meeting; record: OutcomeRecord; content: OutcomeContent } {
  const { c, changes, meeting } = planFixture();
  const opened = ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT));
  const content = publishable(draftOf(c, meeting, changes));
  const record = ok(publishOutcome(c, opened, LEAD.aadObjectId, content, 1, later(60, CLOSE_AT)));
  return { c, changes, meeting, record, content };
}

/** A second case with its own parties, for "a party of another case". */
export function otherCase(): Case {
  return ok(addParty(meetingCase('SM-2026/099'), { role: 'parent_carer', aadObjectId: '00000000-0000-0000-0000-0000000000d1', displayName: 'Other Parent', how: 'roster' }, LEAD.aadObjectId, NOW));
}
