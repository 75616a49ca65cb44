import { defaultCalendar, type Calendar } from './calendar';
import { addCalendarMonths, civilFromDayNumber, isoFromDayNumber, parseIsoDate, type DayNumber, type IsoDate } from './dates';

/**
 * Why the appeal limit moved:
 * - `none`: the limit is a working day outside the closures and stands.
 * - `august`: it ended in August, so it moves to the first working day of September.
 * - `christmas`: it ended between 25 December and 1 January, so it moves to the first
 *   working day in January.
 * - `nonWorkingDay`: it ended on a weekend or bank holiday outside the closed periods, so it
 *   moves to the next working day (r.12(2)), even when that day is inside a closed period.
 */
export type AppealAdjustment = 'none' | 'august' | 'christmas' | 'nonWorkingDay';

export interface AppealComputation {
  readonly decisionLimit: DayNumber;
  readonly certificateLimit: DayNumber;
  /** The later of the two limbs, before any roll-forward. */
  readonly limit: DayNumber;
  readonly due: DayNumber;
  readonly adjustment: AppealAdjustment;
  /**
   * The later date another reading gives, when it differs: skipping the closed periods too
   * after a limit that ended on a non-working day just before them. Named in the explanation.
   */
  readonly laterReading?: DayNumber;
}

export const APPEAL_DECISION_MONTHS = 2;
export const APPEAL_CERTIFICATE_MONTHS = 1;

/** Days HESC Rules r.12(3) says are not counted in SEN cases: all of August, 25 Dec-1 Jan. */
export function isTribunalClosedDay(day: DayNumber): boolean {
  const { month, day: dom } = civilFromDayNumber(day);
  return month === 8 || (month === 12 && dom >= 25) || (month === 1 && dom === 1);
}

/** The first day on or after `day` that is a working day and not a closed day. */
function firstOpenWorkingDay(day: DayNumber, calendar: Calendar): DayNumber {
  let due = day;
  while (isTribunalClosedDay(due) || !calendar.isWorking(due)) due += 1;
  return due;
}

/**
 * HESC Rules r.20(1)(c): the appeal must be made by the later of 2 months after the
 * decision notice was sent and 1 month after the certificate was issued. Then r.12, read to
 * give the earlier date where it can be read two ways (docs/rules.md#counting-days): missing
 * a Tribunal limit is worse for a family than filing early.
 * - A limit that itself ends in August or 25 Dec-1 Jan (the days r.12(3) does not count in
 *   SEN cases) moves to the first working day after the closed period.
 * - A limit that ends on any other non-working day moves to the next working day (r.12(2)),
 *   even when that day is inside a closed period: Sat 24 Dec 2033 gives Wed 28 Dec 2033, not
 *   Tue 3 Jan 2034 (the later reading, kept as `laterReading` for the explanation).
 */
export function computeAppeal(decisionSent: DayNumber, certificateIssued: DayNumber, calendar: Calendar): AppealComputation {
  const decisionLimit = addCalendarMonths(decisionSent, APPEAL_DECISION_MONTHS);
  const certificateLimit = addCalendarMonths(certificateIssued, APPEAL_CERTIFICATE_MONTHS);
  const limit = Math.max(decisionLimit, certificateLimit);
  calendar.assertTrusted(decisionSent);
  calendar.assertTrusted(certificateIssued);

  const { month, day } = civilFromDayNumber(limit);
  if (month === 8) return { decisionLimit, certificateLimit, limit, due: firstOpenWorkingDay(limit, calendar), adjustment: 'august' };
  if ((month === 12 && day >= 25) || (month === 1 && day === 1)) {
    return { decisionLimit, certificateLimit, limit, due: firstOpenWorkingDay(limit, calendar), adjustment: 'christmas' };
  }
  if (calendar.isWorking(limit)) return { decisionLimit, certificateLimit, limit, due: limit, adjustment: 'none' };
  let due = limit;
  while (!calendar.isWorking(due)) due += 1;
  const later = firstOpenWorkingDay(limit, calendar);
  return { decisionLimit, certificateLimit, limit, due, adjustment: 'nonWorkingDay', ...(later !== due ? { laterReading: later } : {}) };
}

export interface AppealDeadline {
  readonly decisionLimit: IsoDate;
  readonly certificateLimit: IsoDate;
  readonly limit: IsoDate;
  readonly due: IsoDate;
  readonly adjustment: AppealAdjustment;
  /** The later date another reading of r.12 gives, when it differs (see computeAppeal). */
  readonly laterReading?: IsoDate;
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
    ...(a.laterReading !== undefined ? { laterReading: isoFromDayNumber(a.laterReading) } : {}),
  };
}

export function isTribunalClosedDate(date: IsoDate): boolean {
  return isTribunalClosedDay(parseIsoDate(date));
}
