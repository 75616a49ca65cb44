import type { Case } from '../../domain/cases';
import { addAction, closeMeeting, type ActionInput, type CloseDecision, type Meeting } from '../../domain/meeting';
import { deadlinesForCase, reminderSchedules, remindersFor, type Deadline, type DeadlineFacts, type TrackedDeadline } from '../../domain/reminders';
import { defaultCalendar } from '../../domain/timescales';
import { LEAD, later, meetingCase, MEETING_START, ok, runningMeeting } from '../meeting/meetingFixtures';

export { LEAD, OFFICER, PARENT } from '../meeting/meetingFixtures';

/**
 * The fixture case: M-CONTENT, decision notice sent Thu 1 Oct 2026, LA informed Fri 20 Nov
 * 2026, meeting Thu 17 Dec 2026 at 10:00 (GMT), with a parent, an advocate, an LA officer
 * and a school.
 */
export function reminderCase(reference = 'SM-2026/014', dates: Partial<Case['dates']> = {}): Case {
  const c = meetingCase(reference);
  return { ...c, dates: { ...c.dates, ...dates } };
}

export const AMEND: ActionInput = { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan with the agreed section F wording.', category: 'amend_plan' };
export const ASSESS: ActionInput = { owner: { kind: 'body', body: 'local_authority' }, what: 'Carry out an EHC needs re-assessment.', category: 'assess' };
export const VISIT: ActionInput = { owner: { kind: 'role', role: 'school' }, what: 'Arrange an EP visit.', category: 'other_agreed_date', agreedDueDate: '2027-01-20' };

export const ACTION_IDS = { amend: 'action-amend-0001', assess: 'action-assess-001', visit: 'action-visit-0001' } as const;

/** The meeting of the fixture case, closed at 12:00 on Thu 17 Dec 2026 with three agreed actions. */
export function closedMeeting(c: Case, decision: CloseDecision = { outcome: 'partial' }, actions: readonly [string, ActionInput][] = defaultActions()): Meeting {
  let m = runningMeeting(c);
  for (const [id, input] of actions) m = ok(addAction(c, m, LEAD.aadObjectId, id, input, later(30)));
  return ok(closeMeeting(c, m, LEAD.aadObjectId, decision, CLOSED_AT));
}

export function defaultActions(): [string, ActionInput][] {
  return [
    [ACTION_IDS.amend, AMEND],
    [ACTION_IDS.assess, ASSESS],
    [ACTION_IDS.visit, VISIT],
  ];
}

/** 12:00 on the meeting day (GMT). */
export const CLOSED_AT = later(120, MEETING_START);

export const SCHEDULES = reminderSchedules();

export function deadlinesOf(c: Case, meeting?: Meeting | null, facts: DeadlineFacts = {}): Deadline[] {
  return deadlinesForCase(c, meeting, facts, defaultCalendar);
}

/** The plan storage's syncCase takes: every reminder (past ones too) under the default schedules. */
export const PLAN = (d: TrackedDeadline) => remindersFor(d, SCHEDULES, defaultCalendar);

export function byId(deadlines: readonly Deadline[]): Map<string, Deadline> {
  return new Map(deadlines.map((d) => [d.deadlineId, d]));
}
