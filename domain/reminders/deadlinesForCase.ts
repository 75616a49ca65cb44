import { CASE_TYPES } from '../caseTypes';
import type { Case, CaseState } from '../cases';
import type { Meeting } from '../meeting';
import { defaultCalendar, type Calendar } from '../timescales';
import type { Deadline, DeadlineFacts } from './deadline';
import { actionDeadlines, practiceDeadlines } from './meetingDeadlines';
import { ruleDeadlines, type OnSkipped } from './ruleDeadlines';

/** A case in one of these states has nothing left to remind anyone about. */
const FINISHED_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['CLOSED', 'CANCELLED', 'DRS_DECLINED']);

export interface DeadlineOptions {
  /** A clock that could not be worked out (a date outside the calendar's trusted years). */
  readonly onSkipped?: OnSkipped;
}

/**
 * Every deadline the bot tracks for a case, sorted by due date: the statutory clocks of the
 * case timeline, T8/T9 after the close, and each due date of each agreed action. Pure: the
 * same case, meeting and facts always give the same records with the same ids, so the stored
 * set is updated rather than duplicated, and deadlines that no longer apply (a closed case,
 * a removed action, T10 once the meeting has started) are simply not returned.
 *
 * `meeting` is the case's latest session. `facts` are dates held outside the case record.
 */
export function deadlinesForCase(
  c: Case,
  meeting?: Meeting | null,
  facts: DeadlineFacts = {},
  calendar: Calendar = defaultCalendar,
  options: DeadlineOptions = {},
): Deadline[] {
  if (FINISHED_STATES.has(c.state)) return [];
  const onSkipped: OnSkipped = options.onSkipped ?? (() => {});
  // Disagreement resolution has no statutory clocks; only the dates its parties agreed are followed (never escalated).
  const all = CASE_TYPES[c.caseType].isDrs
    ? actionDeadlines(c, meeting, calendar, onSkipped, facts)
    : [...ruleDeadlines(c, meeting, facts, calendar, onSkipped), ...practiceDeadlines(c, meeting, facts), ...actionDeadlines(c, meeting, calendar, onSkipped, facts)];
  return all.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : a.deadlineId < b.deadlineId ? -1 : a.deadlineId > b.deadlineId ? 1 : 0));
}
