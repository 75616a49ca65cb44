import { londonDate, londonTime } from '../londonTime';
import { formatDate, type IsoDate } from '../timescales';
import type { Case } from './caseSchema';

/**
 * The meeting happens when it happens (docs/rules.md#the-meeting-date). The case record's
 * `dates.meetingDate` is the one source of truth every view and deadline reads (case card,
 * `my cases`, the dashboard, the deadlines and so the reminders). Once a session starts, the
 * day it started replaces the planned day there, and the planned day is kept beside it.
 */

/** "Thu 10 Dec 2026" without the year when both days share it: "Wed 2 Dec". */
function shortDay(date: IsoDate): string {
  return formatDate(date).replace(/ \d{4}$/, '');
}

/**
 * The question asked when a meeting starts on another day than planned, or undefined when the
 * planned day is today (or none was set). "The meeting was planned for Thu 10 Dec 2026. Start it today, Wed 2 Dec?"
 */
export function offPlanStartQuestion(c: Pick<Case, 'dates'>, today: IsoDate): string | undefined {
  const planned = c.dates.meetingDate;
  if (planned === undefined || planned === today) return undefined;
  const todayText = planned.slice(0, 4) === today.slice(0, 4) ? shortDay(today) : formatDate(today);
  return `The meeting was planned for ${formatDate(planned)}. Start it today, ${todayText}?`;
}

/**
 * The case once a session started at `startedAt`: the meeting date and time are the real
 * ones, and the date that was planned for this session is kept beside them
 * (`plannedMeetingDate`) so the record can say the meeting moved. A start on the planned day
 * changes nothing.
 */
export function withMeetingHeld(c: Case, startedAt: Date): Case {
  const date = londonDate(startedAt);
  if (c.dates.meetingDate === date) return c;
  const { plannedMeetingDate: _earlier, ...dates } = c.dates;
  const planned = c.dates.meetingDate;
  return { ...c, dates: { ...dates, meetingDate: date, meetingTime: londonTime(startedAt), ...(planned !== undefined ? { plannedMeetingDate: planned } : {}) } };
}

/** The planned day to show beside the meeting date: only once the meeting was held, and only when it differs. */
export function plannedDayShown(c: Pick<Case, 'dates'>, held: boolean): IsoDate | undefined {
  const planned = c.dates.plannedMeetingDate;
  return held && planned !== undefined && planned !== c.dates.meetingDate ? planned : undefined;
}

/** "planned 2026-12-10, held 2026-12-02" for the audit detail (dates only, never names). */
export function meetingHeldDetail(before: Case, after: Case): string | undefined {
  if (before.dates.meetingDate === after.dates.meetingDate) return undefined;
  return `planned ${before.dates.meetingDate ?? 'none'}, held ${after.dates.meetingDate ?? 'none'}`;
}
