import { civilFromDayNumber, monthName, parseIsoDate, weekdayOf, type IsoDate } from '../timescales/dates';

/**
 * "Friday 2 January 2026": the long en-GB form for a document the family keeps and may hand
 * to the Tribunal, where a short "Fri 2 Jan 2026" reads as a note. Built from the date
 * itself, not a time zone, so it never shifts by a day.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

export function formatLongDate(date: IsoDate): string {
  const dayNumber = parseIsoDate(date);
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${WEEKDAYS[weekdayOf(dayNumber)] ?? ''} ${day} ${monthName(month)} ${year}`;
}
