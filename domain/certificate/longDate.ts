import { parseIsoDate, type IsoDate } from '../timescales';

/**
 * "Friday 2 January 2026": the long en-GB form for a document the family keeps and may hand
 * to the Tribunal, where a short "Fri 2 Jan 2026" reads as a note. Built from the date
 * itself, not a time zone, so it never shifts by a day.
 */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

export function formatLongDate(date: IsoDate): string {
  parseIsoDate(date);
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return `${WEEKDAYS[weekday] ?? ''} ${d} ${MONTHS[m - 1] ?? ''} ${y}`;
}
