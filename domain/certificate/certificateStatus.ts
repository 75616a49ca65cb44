import { CASE_TYPES } from '../caseTypes';
import type { Case } from '../cases';
import { londonDate } from '../londonTime';
import type { Meeting } from '../meeting';
import { formatDate, isTimescaleError, type Calendar, defaultCalendar } from '../timescales';
import { certificateDue, certificateTimeliness } from './certificateDue';
import type { Certificate } from './certificateSchema';

/**
 * One line for the case card about the certificate (T7 and its siblings): once issued, its
 * number, date and whether it met its 3-working-day due date; before, when it is due once
 * the mediation has concluded, and whether that date has passed. DRS cases get none.
 */
export function certificateStatusLine(
  c: Case,
  meeting: Meeting | null | undefined,
  certificates: readonly Certificate[],
  now: Date,
  calendar: Calendar = defaultCalendar,
): string | undefined {
  if (CASE_TYPES[c.caseType].isDrs) return undefined;
  const first = [...certificates].sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : 1))[0];
  if (first) {
    const timeliness = certificateTimeliness(first.due.due, first.originalIssueDate);
    return `Certificate ${first.number} issued ${formatDate(first.originalIssueDate)}: ${timeliness.status === 'met' ? 'on time' : 'late'}. ${timeliness.text}`;
  }
  const close = meeting?.close;
  if (!close || close.outcome === 'adjourned') return undefined;
  try {
    const due = certificateDue('after_mediation', close.agreementDate, calendar);
    const overdue = londonDate(now) > due;
    return `Certificate due by ${formatDate(due)} (3 working days after the mediation)${overdue ? ': OVERDUE, not issued yet' : ''}.`;
  } catch (error) {
    if (isTimescaleError(error)) return `Certificate due date unknown: ${error.message}`;
    throw error;
  }
}
