import { defaultCalendar, type Calendar } from './calendar';
import { addCalendarMonths, civilFromDayNumber, isoFromDayNumber, parseIsoDate, type DayNumber, type IsoDate } from './dates';

/**
 * Why the appeal limit moved:
 * - `none`: the limit is a working day outside the closures and stands.
 * - `august`: it ended in August, so it moves to the first working day of September.
 * - `christmas`: it ended between 25 December and 1 January, so it moves to the first
 *   working day in January.
 * - `nonWorkingDay`: it ended on a weekend or bank holiday, so it moves to the next working
 *   day (never into August or 25 Dec-1 Jan: the Tribunal does not count those days).
 */
export type AppealAdjustment = 'none' | 'august' | 'christmas' | 'nonWorkingDay';

export interface AppealComputation {
  readonly decisionLimit: DayNumber;
  readonly certificateLimit: DayNumber;
  /** The later of the two limbs, before any roll-forward. */
  readonly limit: DayNumber;
  readonly due: DayNumber;
  readonly adjustment: AppealAdjustment;
}

export const APPEAL_DECISION_MONTHS = 2;
export const APPEAL_CERTIFICATE_MONTHS = 1;

/** Days HESC Rules r.12(3) says are not counted in SEN cases: all of August, 25 Dec-1 Jan. */
export function isTribunalClosedDay(day: DayNumber): boolean {
  const { month, day: dom } = civilFromDayNumber(day);
  return month === 8 || (month === 12 && dom >= 25) || (month === 1 && dom === 1);
}

/**
 * HESC Rules r.20(1)(c): the appeal must be made by the later of 2 months after the
 * decision notice was sent and 1 month after the certificate was issued. The roll-forward
 * (r.12 as IPSEA applies it) is one rule: the first day on or after the limit that is a
 * working day and not a closed day. That single rule reproduces "August → first working
 * day of September" and "25 Dec-1 Jan → next working day in January" exactly, and keeps a
 * limit that ends on, say, Sun 24 Dec from landing on 27 Dec, a day the Tribunal does not count.
 */
export function computeAppeal(decisionSent: DayNumber, certificateIssued: DayNumber, calendar: Calendar): AppealComputation {
  const decisionLimit = addCalendarMonths(decisionSent, APPEAL_DECISION_MONTHS);
  const certificateLimit = addCalendarMonths(certificateIssued, APPEAL_CERTIFICATE_MONTHS);
  const limit = Math.max(decisionLimit, certificateLimit);
  calendar.assertTrusted(decisionSent);
  calendar.assertTrusted(certificateIssued);

  const { month, day } = civilFromDayNumber(limit);
  let adjustment: AppealAdjustment;
  if (month === 8) adjustment = 'august';
  else if ((month === 12 && day >= 25) || (month === 1 && day === 1)) adjustment = 'christmas';
  else if (!calendar.isWorking(limit)) adjustment = 'nonWorkingDay';
  else adjustment = 'none';

  let due = limit;
  if (adjustment !== 'none') {
    while (isTribunalClosedDay(due) || !calendar.isWorking(due)) due += 1;
  }
  return { decisionLimit, certificateLimit, limit, due, adjustment };
}

export interface AppealDeadline {
  readonly decisionLimit: IsoDate;
  readonly certificateLimit: IsoDate;
  readonly limit: IsoDate;
  readonly due: IsoDate;
  readonly adjustment: AppealAdjustment;
}

/** Date-string form of computeAppeal, for cards that show both limbs. */
export function computeAppealDeadline(
  decisionSent: IsoDate,
  certificateIssued: IsoDate,
  calendar: Calendar = defaultCalendar,
): AppealDeadline {
  const a = computeAppeal(parseIsoDate(decisionSent, 'decision notice date'), parseIsoDate(certificateIssued, 'certificate date'), calendar);
  return {
    decisionLimit: isoFromDayNumber(a.decisionLimit),
    certificateLimit: isoFromDayNumber(a.certificateLimit),
    limit: isoFromDayNumber(a.limit),
    due: isoFromDayNumber(a.due),
    adjustment: a.adjustment,
  };
}

export function isTribunalClosedDate(date: IsoDate): boolean {
  return isTribunalClosedDay(parseIsoDate(date));
}
