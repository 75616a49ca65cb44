import { formatDate, type CaseDates } from '../timescales';
import type { Case } from './caseSchema';

/** The case's known dates in the shape the timeline engine takes. */
export function caseDatesOf(c: Pick<Case, 'dates' | 'caseType'>): CaseDates {
  const { decisionNoticeSent, laInformed, meetingDate } = c.dates;
  return {
    caseType: c.caseType,
    ...(decisionNoticeSent ? { decisionNoticeSent } : {}),
    ...(laInformed ? { laInformed } : {}),
    ...(meetingDate ? { meetingDate } : {}),
  };
}

/** "Thu 17 Dec 2026 at 10:00", or the date alone when no time is set; undefined when no date is. */
export function meetingWhenText(dates: Pick<Case['dates'], 'meetingDate' | 'meetingTime'>): string | undefined {
  if (!dates.meetingDate) return undefined;
  return dates.meetingTime ? `${formatDate(dates.meetingDate)} at ${dates.meetingTime}` : formatDate(dates.meetingDate);
}
