import {
  civilFromDayNumber,
  dayNumberFromCivil,
  formatDayNumber,
  isoFromDayNumber,
  isWeekend,
  parseIsoDate,
  type DayNumber,
  type IsoDate,
} from './dates';
import { TimescaleError } from './errors';
import { englandAndWalesHolidays } from './holidays';

export interface ExtraNonWorkingDay {
  readonly date: IsoDate;
  /** Shown in explanations, e.g. "State funeral". */
  readonly name: string;
}

/**
 * How to count "N working days after E" when E itself is not a working day (domain docs/rules.md#counting-days).
 * - `countFromNextWorkingDay` (default): E is excluded and the next working day is day 1,
 *   so Sat 2 May 2026 + 3 WD = Thu 7 May 2026.
 * - `deemedReceivedNextWorkingDay`: E is treated as happening on the next working day, which
 *   is then excluded, so Sat 2 May 2026 + 3 WD = Fri 8 May 2026.
 */
export type NonWorkingTriggerPolicy = 'countFromNextWorkingDay' | 'deemedReceivedNextWorkingDay';

export interface YearRange {
  readonly from: number;
  readonly to: number;
}

export interface CalendarOptions {
  /** Days proclaimed as extra bank holidays after this package's data was published. */
  readonly extraNonWorkingDays?: readonly (IsoDate | ExtraNonWorkingDay)[];
  /**
   * Holidays the bundled data predicts but a proclamation moved away (as happened to the
   * early May holiday in 2020 and the spring holiday in 2022). Those days become working days.
   */
  readonly workingDayOverrides?: readonly IsoDate[];
  /** Years whose bank holidays are trusted. A computation that reaches another year fails. */
  readonly trustedYears?: YearRange;
  readonly nonWorkingTrigger?: NonWorkingTriggerPolicy;
}

export type NonWorkingReason = { readonly kind: 'weekend' } | { readonly kind: 'holiday'; readonly name: string };

export interface NamedNonWorkingDay {
  readonly date: IsoDate;
  readonly name: string;
}

/**
 * date-holidays computes GB holidays from rules for any year, but a rule only predicts: it
 * cannot know a future one-off proclamation. 2020-2035 covers every case the product will
 * see and keeps the known one-off days (2020, 2022, 2023) inside the range.
 */
export const DEFAULT_TRUSTED_YEARS: YearRange = { from: 2020, to: 2035 };

// Day status bytes; 0 means the day's year has not been loaded yet.
const WORKING = 1;
const NON_WORKING = 2;

/**
 * The England and Wales working-day calendar. Day status is kept in one byte per day over
 * the trusted years and filled a whole year at a time on first use, so a lookup in the hot
 * path is a single typed-array read.
 */
export class Calendar {
  readonly trustedYears: YearRange;
  readonly nonWorkingTrigger: NonWorkingTriggerPolicy;
  private readonly firstDay: DayNumber;
  private readonly lastDay: DayNumber;
  private readonly status: Uint8Array;
  private readonly names = new Map<DayNumber, string>();
  private readonly extraDays: ReadonlyMap<DayNumber, string>;
  private readonly overrides: ReadonlySet<DayNumber>;

  constructor(options: CalendarOptions = {}) {
    const range = options.trustedYears ?? DEFAULT_TRUSTED_YEARS;
    if (
      !Number.isInteger(range.from) ||
      !Number.isInteger(range.to) ||
      range.from > range.to ||
      range.from < 1900 ||
      range.to > 2199
    ) {
      throw new TimescaleError(
        'INVALID_CALENDAR',
        `The trusted years must be whole years between 1900 and 2199, first year not after the last (got ${range.from} to ${range.to}).`,
      );
    }
    this.trustedYears = { from: range.from, to: range.to };
    this.nonWorkingTrigger = options.nonWorkingTrigger ?? 'countFromNextWorkingDay';
    this.firstDay = dayNumberFromCivil(range.from, 1, 1);
    this.lastDay = dayNumberFromCivil(range.to, 12, 31);
    this.status = new Uint8Array(this.lastDay - this.firstDay + 1);

    const extra = new Map<DayNumber, string>();
    for (const entry of options.extraNonWorkingDays ?? []) {
      const date = typeof entry === 'string' ? entry : entry.date;
      const name = typeof entry === 'string' ? 'additional bank holiday' : entry.name.trim() || 'additional bank holiday';
      extra.set(parseIsoDate(date, 'extra non-working day'), name);
    }
    this.extraDays = extra;
    this.overrides = new Set((options.workingDayOverrides ?? []).map((d) => parseIsoDate(d, 'working-day override')));
  }

  // ---- day-number API (used by the engine; fast) ----

  /** Throws when the day lies outside the trusted years. */
  assertTrusted(day: DayNumber): void {
    if (day < this.firstDay || day > this.lastDay) {
      throw new TimescaleError(
        'OUT_OF_RANGE',
        `${formatDayNumber(day)} is outside the years whose bank holidays this calendar trusts ` +
          `(${this.trustedYears.from} to ${this.trustedYears.to}), so no deadline is worked out from it.`,
      );
    }
  }

  isWorking(day: DayNumber): boolean {
    const s = this.status[day - this.firstDay];
    if (s === WORKING) return true;
    if (s === NON_WORKING) return false;
    this.assertTrusted(day);
    this.loadYear(civilFromDayNumber(day).year);
    return this.status[day - this.firstDay] === WORKING;
  }

  reason(day: DayNumber): NonWorkingReason | null {
    if (this.isWorking(day)) return null;
    // A holiday that falls at a weekend (Boxing Day on a Saturday) is reported as weekend:
    // the weekend is why the day does not count, and its substitute carries the name.
    if (isWeekend(day)) return { kind: 'weekend' };
    return { kind: 'holiday', name: this.names.get(day) ?? 'bank holiday' };
  }

  nextWorking(day: DayNumber): DayNumber {
    let d = day;
    while (!this.isWorking(d)) d += 1;
    return d;
  }

  lastWorking(day: DayNumber): DayNumber {
    let d = day;
    while (!this.isWorking(d)) d -= 1;
    return d;
  }

  /** The Nth working day after `day`, not counting `day` itself. */
  plusWorkingDays(day: DayNumber, count: number): DayNumber {
    assertCount(count);
    this.assertTrusted(day);
    let d = day;
    if (this.nonWorkingTrigger === 'deemedReceivedNextWorkingDay') d = this.nextWorking(d);
    let left = count;
    while (left > 0) {
      d += 1;
      if (this.isWorking(d)) left -= 1;
    }
    return d;
  }

  /** The Nth working day before `day`, not counting `day` itself. */
  minusWorkingDays(day: DayNumber, count: number): DayNumber {
    assertCount(count);
    this.assertTrusted(day);
    let d = day;
    let left = count;
    while (left > 0) {
      d -= 1;
      if (this.isWorking(d)) left -= 1;
    }
    return d;
  }

  /**
   * Working days after `from` up to and including `to`: how many working days away `to` is.
   * Negative when `to` is earlier. Throws beyond the trusted years, like `isWorking`.
   */
  workingDaysBetween(from: DayNumber, to: DayNumber): number {
    let n = 0;
    for (let d = Math.min(from, to) + 1; d <= Math.max(from, to); d += 1) if (this.isWorking(d)) n += 1;
    return to >= from ? n : -n;
  }

  /** Non-working days strictly between `after` and `before`, in order. */
  nonWorkingBetween(after: DayNumber, before: DayNumber): { day: DayNumber; reason: NonWorkingReason }[] {
    const out: { day: DayNumber; reason: NonWorkingReason }[] = [];
    for (let d = after + 1; d < before; d += 1) {
      const reason = this.reason(d);
      if (reason) out.push({ day: d, reason });
    }
    return out;
  }

  // ---- date-string API (for the rest of the product) ----

  isWorkingDay(date: IsoDate): boolean {
    return this.isWorking(parseIsoDate(date));
  }

  addWorkingDays(date: IsoDate, count: number): IsoDate {
    return isoFromDayNumber(this.plusWorkingDays(parseIsoDate(date), count));
  }

  subtractWorkingDays(date: IsoDate, count: number): IsoDate {
    return isoFromDayNumber(this.minusWorkingDays(parseIsoDate(date), count));
  }

  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
    return isoFromDayNumber(this.nextWorking(parseIsoDate(date)));
  }

  lastWorkingDayOnOrBefore(date: IsoDate): IsoDate {
    return isoFromDayNumber(this.lastWorking(parseIsoDate(date)));
  }

  /** Why a date is not a working day (`'weekend'` or the holiday's name), or null if it is one. */
  nonWorkingReason(date: IsoDate): string | null {
    const reason = this.reason(parseIsoDate(date));
    if (!reason) return null;
    return reason.kind === 'weekend' ? 'weekend' : reason.name;
  }

  /**
   * The named non-working days of a year that fall on weekdays: the days this calendar
   * removes on top of weekends (bank holidays, substitutes, extra days).
   */
  holidays(year: number): NamedNonWorkingDay[] {
    const start = dayNumberFromCivil(year, 1, 1);
    this.assertTrusted(start);
    const end = dayNumberFromCivil(year, 12, 31);
    const out: NamedNonWorkingDay[] = [];
    for (let d = start; d <= end; d += 1) {
      const reason = this.reason(d);
      if (reason?.kind === 'holiday') out.push({ date: isoFromDayNumber(d), name: reason.name });
    }
    return out;
  }

  private loadYear(year: number): void {
    const start = dayNumberFromCivil(year, 1, 1);
    const end = dayNumberFromCivil(year, 12, 31);
    for (let d = start; d <= end; d += 1) {
      this.status[d - this.firstDay] = isWeekend(d) ? NON_WORKING : WORKING;
    }
    const mark = (day: DayNumber, name: string): void => {
      this.status[day - this.firstDay] = NON_WORKING;
      if (!this.names.has(day)) this.names.set(day, name);
    };
    for (const h of englandAndWalesHolidays(year)) {
      if (!this.overrides.has(h.day)) mark(h.day, h.name);
    }
    for (const [day, name] of this.extraDays) {
      if (day >= start && day <= end) mark(day, name);
    }
  }
}

function assertCount(count: number): void {
  if (!Number.isInteger(count) || count < 0) {
    throw new TimescaleError('INVALID_INPUT', `A number of working days must be a whole number of 0 or more (got ${count}).`);
  }
}

export function createCalendar(options: CalendarOptions = {}): Calendar {
  return new Calendar(options);
}

/** The calendar used when a caller passes none: bundled holidays, 2020-2035, default counting. */
export const defaultCalendar: Calendar = createCalendar();

/** Label for an explanation: `weekend` or the holiday's name. */
export function reasonLabel(reason: NonWorkingReason): string {
  return reason.kind === 'weekend' ? 'weekend' : reason.name;
}
