import { londonDate } from '../londonTime';
import { computeRule, defaultCalendar, type Calendar, type IsoDate } from '../timescales';
import type { RequestedChange } from './requestedChange';

/**
 * When requested changes should reach the LA officer (T10, rule REQUESTED_CHANGES): ideally
 * 7 calendar days before the meeting, and at least 3 working days before it.
 */
export interface ChangeDates {
  /** 7 calendar days before the meeting. */
  readonly ideal: IsoDate;
  /** 3 working days before the meeting: sent after this day is late. */
  readonly latest: IsoDate;
}

export interface SendTiming extends ChangeDates {
  readonly sentDate: IsoDate;
  readonly status: 'on_time' | 'late';
  /** Sent on or before the ideal date. */
  readonly byIdeal: boolean;
}

export function changeDates(meetingDate: IsoDate, calendar: Calendar = defaultCalendar): ChangeDates {
  const r = computeRule('REQUESTED_CHANGES', meetingDate, undefined, calendar);
  // REQUESTED_CHANGES always carries its ideal date; the fallback only satisfies the type.
  return { ideal: r.ideal ?? r.due, latest: r.due };
}

/** Whether changes sent on `sentDate` (a Europe/London date) reached the LA in time. */
export function sendTiming(meetingDate: IsoDate, sentDate: IsoDate, calendar: Calendar = defaultCalendar): SendTiming {
  const dates = changeDates(meetingDate, calendar);
  return { ...dates, sentDate, status: sentDate <= dates.latest ? 'on_time' : 'late', byIdeal: sentDate <= dates.ideal };
}

/** The London date a change was (last) sent, or undefined for a draft. */
export function sentDateOf(change: Pick<RequestedChange, 'sentAt'>): IsoDate | undefined {
  return change.sentAt === undefined ? undefined : londonDate(new Date(change.sentAt));
}

/**
 * From this day on, a sent change with no LA position is a warning (docs/rules.md#preparation-and-requested-changes: WD-1 before the
 * meeting): the working day before the meeting.
 */
export function unsetWarningDue(meetingDate: IsoDate, calendar: Calendar = defaultCalendar): IsoDate {
  return calendar.subtractWorkingDays(meetingDate, 1);
}
