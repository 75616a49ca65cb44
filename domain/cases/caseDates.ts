import type { CaseDates } from '../timescales';
import type { Case } from './caseSchema';

/** The case's known dates in the shape the timeline engine takes. */
export function caseDatesOf(c: Case): CaseDates {
  const { decisionNoticeSent, laInformed, meetingDate } = c.dates;
  return {
    caseType: c.caseType,
    ...(decisionNoticeSent ? { decisionNoticeSent } : {}),
    ...(laInformed ? { laInformed } : {}),
    ...(meetingDate ? { meetingDate } : {}),
  };
}
