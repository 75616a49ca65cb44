import type { Case } from '../domain/cases';
import { londonTime } from '../domain/londonTime';
import { agreementDateOf, type Meeting } from '../domain/meeting';
import { formatDate, type IsoDate } from '../domain/timescales';

/** Small pieces the meeting view builders share. */

export function mediatorName(c: Case, aadObjectId: string): string {
  return c.mediators.find((m) => m.aadObjectId.toLowerCase() === aadObjectId.toLowerCase())?.displayName ?? 'a former mediator';
}

/** "14:05", Europe/London. */
export function timeOf(instant: string): string {
  return londonTime(new Date(instant));
}

/** "Thu 17 Dec 2026 (today; final when the meeting closes)", or the closing date once closed. */
export function agreementText(meeting: Meeting, today: IsoDate): string {
  const date = formatDate(agreementDateOf(meeting, today));
  return meeting.close ? date : `${date} (today; final when the meeting closes)`;
}
