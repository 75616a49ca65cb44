import { CASE_TYPES } from '../caseTypes';
import { CaseError } from '../cases/caseError';
import type { Case } from '../cases/caseSchema';
import type { CaseState } from '../cases/lifecycle';
import { londonDate, londonTime } from '../londonTime';

/**
 * States in which the meeting is still ahead. ADJOURNED prepares the next session; DEEMED_CERT
 * keeps the case open for a family who still want to mediate (docs/rules.md#case-lifecycle).
 */
const BEFORE_MEETING: ReadonlySet<CaseState> = new Set<CaseState>([
  'INTAKE',
  'ADVICE',
  'MEDIATION_REQUESTED',
  'SCHEDULING',
  'DEEMED_CERT',
  'PREPARATION',
  'ADJOURNED',
  'DRS_REFERRAL',
  'DRS_AGREED',
]);

/**
 * Whether the meeting has started: the case has moved on, or the clock (Europe/London) has
 * reached the meeting's date and start time. Without a start time the whole meeting day
 * counts as started: the safe side for "until the meeting starts" rules.
 */
export function meetingStarted(c: Case, now: Date): boolean {
  if (!BEFORE_MEETING.has(c.state)) return true;
  const date = c.dates.meetingDate;
  if (!date) return false;
  const today = londonDate(now);
  if (today !== date) return today > date;
  return c.dates.meetingTime === undefined || londonTime(now) >= c.dates.meetingTime;
}

/** Why requested changes cannot be entered, edited or reviewed now, or undefined if they can. */
export function changesClosed(c: Case, now: Date): CaseError | undefined {
  if (!CASE_TYPES[c.caseType].planContent) {
    return new CaseError('invalid_input', `Case ${c.caseReference} is not about what the plan says, so there are no requested changes to the plan.`);
  }
  if (c.state === 'CLOSED' || c.state === 'CANCELLED' || c.state === 'WITHDRAWN' || c.state === 'CERT_NO_MEDIATION') {
    return new CaseError('invalid_transition', `Case ${c.caseReference} is no longer heading to a meeting, so requested changes cannot be changed.`);
  }
  if (meetingStarted(c, now)) {
    return new CaseError('invalid_transition', 'The meeting has started, so requested changes are now dealt with at the meeting.');
  }
  return undefined;
}
