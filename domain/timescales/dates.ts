import { TimescaleError } from './errors';

/**
 * A Europe/London local date written `YYYY-MM-DD`. Statutory deadlines are dates, not
 * instants, so the engine never touches `Date` objects or time zones: a date is turned into
 * a day number (days since 1970-01-01 in the proleptic Gregorian calendar) and all
 * arithmetic is integer arithmetic on that number. Clock changes cannot shift a result.
 */
export type IsoDate = string;

/** Days since 1970-01-01. Internal currency of the engine; never shown to people. */
export type DayNumber = number;

export interface CivilDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
const WEEKDAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every Gregorian date and
// several times faster than building Date objects, which matters for the bulk benchmark.
export function dayNumberFromCivil(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = month > 2 ? month - 3 : month + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDayNumber(dayNumber: DayNumber): CivilDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return { year, month, day };
}

/** 0 = Sunday ... 6 = Saturday (1970-01-01 was a Thursday). */
export function weekdayOf(dayNumber: DayNumber): number {
  return (((dayNumber + 4) % 7) + 7) % 7;
}

export function isWeekend(dayNumber: DayNumber): boolean {
  const w = weekdayOf(dayNumber);
  return w === 0 || w === 6;
}

const FORMAT_HINT = 'Write dates as YYYY-MM-DD, for example 2026-12-24.';

function digit(text: string, index: number): number {
  const c = text.charCodeAt(index) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Strict parser: exactly `YYYY-MM-DD`, a real calendar date, year 1000-9999. Anything else
 * (`2026-2-3`, `26-12-2026`, `2026-02-30`, trailing spaces) is refused with a message that
 * says what was wrong, because a silently "corrected" date would move a legal deadline.
 */
export function parseIsoDate(text: unknown, what = 'date'): DayNumber {
  if (typeof text !== 'string') {
    throw new TimescaleError('INVALID_DATE', `The ${what} is missing. ${FORMAT_HINT}`);
  }
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) {
    throw new TimescaleError('INVALID_DATE', `"${text}" is not a date in the form YYYY-MM-DD. ${FORMAT_HINT}`);
  }
  const d0 = digit(text, 0);
  const d1 = digit(text, 1);
  const d2 = digit(text, 2);
  const d3 = digit(text, 3);
  const m0 = digit(text, 5);
  const m1 = digit(text, 6);
  const a0 = digit(text, 8);
  const a1 = digit(text, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) {
    throw new TimescaleError('INVALID_DATE', `"${text}" is not a date in the form YYYY-MM-DD. ${FORMAT_HINT}`);
  }
  const year = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const month = m0 * 10 + m1;
  const day = a0 * 10 + a1;
  if (year < 1000) {
    throw new TimescaleError('INVALID_DATE', `"${text}" has an impossible year. ${FORMAT_HINT}`);
  }
  if (month < 1 || month > 12) {
    throw new TimescaleError('INVALID_DATE', `"${text}" is not a real date: there is no month ${month}.`);
  }
  const limit = daysInMonth(year, month);
  if (day < 1 || day > limit) {
    throw new TimescaleError(
      'INVALID_DATE',
      `"${text}" is not a real date: ${monthName(month)} ${year} has ${limit} days.`,
    );
  }
  return dayNumberFromCivil(year, month, day);
}

/** True when `text` is a real `YYYY-MM-DD` date (no exception). */
export function isIsoDate(text: unknown): text is IsoDate {
  try {
    parseIsoDate(text);
    return true;
  } catch {
    return false;
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoFromDayNumber(dayNumber: DayNumber): IsoDate {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** `Thu 24 Dec 2026`: every date the product shows carries its weekday. */
export function formatDayNumber(dayNumber: DayNumber): string {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  return `${WEEKDAY_SHORT[weekdayOf(dayNumber)] ?? ''} ${day} ${MONTH_SHORT[month - 1] ?? ''} ${year}`;
}

/** `formatDate('2026-12-24')` gives `Thu 24 Dec 2026`. Throws TimescaleError on a bad date. */
export function formatDate(date: IsoDate): string {
  return formatDayNumber(parseIsoDate(date));
}

/**
 * Two or more dates in one phrase without repeating the shared month and year:
 * `Sat 26 and Sun 27 Dec 2026`, `Sat 31 Jan and Sun 1 Feb 2026`,
 * `Sat 31 Dec 2033 and Sun 1 Jan 2034`.
 */
export function formatDayNumberRun(days: readonly DayNumber[]): string {
  const parts = days.map((d) => ({ civil: civilFromDayNumber(d), weekday: WEEKDAY_SHORT[weekdayOf(d)] ?? '' }));
  const words = parts.map((p, i) => {
    const next = parts[i + 1];
    const sameYear = next !== undefined && next.civil.year === p.civil.year;
    const sameMonth = sameYear && next.civil.month === p.civil.month;
    let text = `${p.weekday} ${p.civil.day}`;
    if (!sameMonth) text += ` ${MONTH_SHORT[p.civil.month - 1] ?? ''}`;
    if (!sameYear) text += ` ${p.civil.year}`;
    return text;
  });
  return joinWithAnd(words);
}

/** `a`, `a and b`, `a, b and c`. */
export function joinWithAnd(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function addDays(dayNumber: DayNumber, days: number): DayNumber {
  return dayNumber + days;
}

/**
 * Corresponding-date rule (Dodds v Walker): the period ends on the same day-number N
 * months later; if the target month is too short it ends on that month's last day.
 */
export function addCalendarMonths(dayNumber: DayNumber, months: number): DayNumber {
  const { year, month, day } = civilFromDayNumber(dayNumber);
  const zeroBased = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(zeroBased / 12);
  const targetMonth = zeroBased - targetYear * 12 + 1;
  return dayNumberFromCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}
