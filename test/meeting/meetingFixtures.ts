import { addParty, isCaseError, partyFor, type Case, type CaseError } from '../../domain/cases';
import { startMeeting, type Meeting, type StartGuards } from '../../domain/meeting';
import { ADVOCATE, CO, LEAD, NOW, OFFICER, PARENT, makeCase, seqRandom } from '../domain/caseFixtures';

export { ADVOCATE, CO, LEAD, OFFICER, PARENT } from '../domain/caseFixtures';

/** The meeting day of the fixture case (17 Dec 2026), 10:00 in London (GMT in December). */
export const MEETING_START = new Date('2026-12-17T10:00:00Z');
export const MEETING_DAY = '2026-12-17';

export const GUARDS_OK: StartGuards = { termsAgreed: true, authorityConfirmed: true, changesReviewed: true };

export function ok<T>(r: T | CaseError | Error): T {
  if (isCaseError(r) || r instanceof Error) throw r;
  return r;
}

export function later(minutes: number, from: Date = MEETING_START): Date {
  return new Date(from.getTime() + minutes * 60_000);
}

/** A plan-content case (in PREPARATION) with a parent, an advocate, an LA officer and a school. */
export function meetingCase(reference = 'SM-2026/014'): Case {
  let c = makeCase({ caseReference: reference });
  c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'advocate', ...ADVOCATE, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
  c = ok(addParty(c, { role: 'school', displayName: 'Sam School', how: 'mediator' }, LEAD.aadObjectId, NOW));
  // A co-mediator, so "another mediator" can act in tests.
  return { ...c, mediators: [...c.mediators, { aadObjectId: CO.aadObjectId, displayName: CO.displayName, lead: false, addedBy: LEAD.aadObjectId, addedAt: NOW.toISOString() }] };
}

export function partyId(c: Case, aadObjectId: string): string {
  const p = partyFor(c, aadObjectId);
  if (!p) throw new Error(`no party ${aadObjectId}`);
  return p.partyId;
}

export function runningMeeting(c: Case = meetingCase(), at: Date = MEETING_START): Meeting {
  return ok(startMeeting(c, null, LEAD.aadObjectId, { guards: GUARDS_OK }, at, seqRandom()));
}
