import type { Deadline } from '../reminders';
import type { CountUnit, DeadlineStatus } from './types';
import { RULES, defaultCalendar, parseIsoDate, weekdayOf, type Calendar, type IsoDate } from '../timescales';
import { plural } from '../plural';

/**
 * How far off a deadline is, counted the way its rule counts: working days for a
 * working-day rule (T2, T6, T7...), calendar days otherwise, hours for a target set in hours
 * (T8). The dashboard shows this number beside the date, and a word, so colour never carries
 * the meaning alone.
 */

export const DEADLINE_STATUS_WORDS: Readonly<Record<DeadlineStatus, string>> = {
  done: 'Done',
  overdue: 'Overdue',
  due_today: 'Due today',
  due_this_week: 'Due this week',
  upcoming: 'Upcoming',
};



export interface DaysLeft {
  /** Negative when overdue. */
  readonly amount: number;
  readonly unit: CountUnit;
  /** "3 working days left", "overdue by 2 days", "due today", "5 hours left". */
  readonly text: string;
}

const HOUR = 3_600_000;

/** The unit a deadline is counted in: its rule's, or calendar days for an agreed date. */
export function countUnitOf(d: Pick<Deadline, 'ruleId' | 'dueAt'>): CountUnit {
  if (d.dueAt !== undefined) return 'hours';
  return d.ruleId !== undefined && RULES[d.ruleId].unit === 'workingDays' ? 'working_days' : 'days';
}

export function daysLeft(d: Pick<Deadline, 'ruleId' | 'due' | 'dueAt'>, today: IsoDate, now: Date, calendar: Calendar = defaultCalendar): DaysLeft {
  const unit = countUnitOf(d);
  if (unit === 'hours' && d.dueAt !== undefined) {
    const ms = new Date(d.dueAt).getTime() - now.getTime();
    const hours = ms >= 0 ? Math.ceil(ms / HOUR) : -Math.ceil(-ms / HOUR);
    return { amount: hours, unit, text: ms >= 0 ? `${plural(hours, 'hour', 'hours')} left` : `overdue by ${plural(-hours, 'hour', 'hours')}` };
  }
  const from = parseIsoDate(today);
  const to = parseIsoDate(d.due);
  if (to === from) return { amount: 0, unit, text: 'due today' };
  let amount = to - from;
  let word: [string, string] = ['day', 'days'];
  if (unit === 'working_days') {
    try {
      amount = calendar.workingDaysBetween(from, to);
      word = ['working day', 'working days'];
    } catch {
      // Beyond the calendar's trusted years: the calendar-day count is still true.
    }
  }
  const text = amount >= 0 ? `${plural(amount, word[0], word[1])} left` : `overdue by ${plural(-amount, word[0], word[1])}`;
  return { amount, unit, text };
}

/** Sunday of the Monday-to-Sunday week that holds `today`. */
export function endOfWeek(today: IsoDate): number {
  const day = parseIsoDate(today);
  return day + ((7 - weekdayOf(day)) % 7);
}

export interface StatusInput {
  readonly due: IsoDate;
  readonly dueAt?: string;
  readonly open: boolean;
}

/**
 * Done, overdue (past its date, or its hour for T8), due today, due by Sunday of this week,
 * or later. "This week" is the Monday-to-Sunday week, so on a Friday it covers the weekend only:
 * the filter that uses it also shows overdue items.
 */
export function deadlineStatus(d: StatusInput, today: IsoDate, now: Date): DeadlineStatus {
  if (!d.open) return 'done';
  if (d.dueAt !== undefined && new Date(d.dueAt).getTime() < now.getTime()) return 'overdue';
  const due = parseIsoDate(d.due);
  const day = parseIsoDate(today);
  if (due < day) return 'overdue';
  if (due === day) return 'due_today';
  return due <= endOfWeek(today) ? 'due_this_week' : 'upcoming';
}
