import { formatLondonDateTime, londonDate } from '../londonTime';
import { defaultCalendar, formatDate, parseIsoDate, type Calendar } from '../timescales';
import type { Deadline } from './deadline';
import { plural } from '../plural';

/**
 * The words a reminder uses for "by when": always with the weekday (a date alone is too easy
 * to misread), and how far off it is, counted in working days where that is how the rule counts.
 */

const MINUTE = 60_000;

/** "Thu 24 Dec 2026", or "Fri 18 Dec 2026 at 14:05" for a target counted in hours. */
export function dueText(d: Pick<Deadline, 'due' | 'dueAt'>): string {
  return d.dueAt === undefined ? formatDate(d.due) : formatLondonDateTime(new Date(d.dueAt));
}

function hoursText(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / MINUTE);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return plural(Math.max(1, m), 'minute', 'minutes');
  return m === 0 ? plural(h, 'hour', 'hours') : `${plural(h, 'hour', 'hours')} ${plural(m, 'minute', 'minutes')}`;
}

/**
 * "today", "tomorrow", "in 9 days (7 working days)", "overdue by 2 days", or for an instant
 * "in 5 hours 20 minutes" / "overdue by 2 hours".
 */
export function timeLeftText(d: Pick<Deadline, 'due' | 'dueAt'>, now: Date, calendar: Calendar = defaultCalendar): string {
  if (d.dueAt !== undefined) {
    const left = new Date(d.dueAt).getTime() - now.getTime();
    return left >= 0 ? `in ${hoursText(left)}` : `overdue by ${hoursText(left)}`;
  }
  const today = parseIsoDate(londonDate(now));
  const due = parseIsoDate(d.due);
  const days = due - today;
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days < 0) return `overdue by ${plural(-days, 'day', 'days')}`;
  try {
    return `in ${plural(days, 'day', 'days')} (${plural(calendar.workingDaysBetween(today, due), 'working day', 'working days')})`;
  } catch {
    // A date beyond the calendar's trusted years: the plain count is still right.
    return `in ${plural(days, 'day', 'days')}`;
  }
}

/** Said only when the due date is not a working day (weeks and months do not roll forward, docs/rules.md#counting-days). */
export function lastWorkingDayNote(d: Pick<Deadline, 'due' | 'lastWorkingDay' | 'dueAt'>): string | undefined {
  if (d.dueAt !== undefined || d.lastWorkingDay === d.due) return undefined;
  return `${formatDate(d.due)} is not a working day and the date does not move: the last working day before it is ${formatDate(d.lastWorkingDay)}.`;
}
