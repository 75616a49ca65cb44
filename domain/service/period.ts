import { daysInMonth, formatDate, isoFromDayNumber, parseIsoDate, type IsoDate } from '../timescales';
import type { ServicePeriodKind } from './types';

/** A chosen period, both ends included, Europe/London dates. */
export interface ServicePeriod {
  readonly kind: ServicePeriodKind;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly label: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Longest custom period: three years of months keeps the flow chart readable. */
export { CUSTOM_MAX_DAYS } from './types';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function ymd(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

/**
 * The month, quarter (calendar: Jan-Mar ...) or year that contains `anchor`, or `anchor` to
 * `to` for a custom period. Callers validate the dates first (bot/tab/serviceQuery.ts).
 */
export function resolvePeriod(kind: ServicePeriodKind, anchor: IsoDate, to?: IsoDate): ServicePeriod {
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7));
  switch (kind) {
    case 'month':
      return { kind, from: ymd(year, month, 1), to: ymd(year, month, daysInMonth(year, month)), label: `${LONG_MONTHS[month - 1]} ${year}` };
    case 'quarter': {
      const q = Math.floor((month - 1) / 3);
      const first = q * 3 + 1;
      return {
        kind,
        from: ymd(year, first, 1),
        to: ymd(year, first + 2, daysInMonth(year, first + 2)),
        label: `Q${q + 1} ${year} (${MONTHS[first - 1]}-${MONTHS[first + 1]})`,
      };
    }
    case 'year':
      return { kind, from: ymd(year, 1, 1), to: ymd(year, 12, 31), label: `${year}` };
    case 'custom': {
      const end = to ?? anchor;
      return { kind, from: anchor, to: end, label: `${formatShort(anchor)} to ${formatShort(end)}` };
    }
  }
}

/** "1 Jan 2026" (formatDate without the weekday). */
function formatShort(date: IsoDate): string {
  return formatDate(date).replace(/^[A-Za-z]{3} /, '');
}

export function inPeriod(date: IsoDate | undefined, period: Pick<ServicePeriod, 'from' | 'to'>): date is IsoDate {
  return date !== undefined && date >= period.from && date <= period.to;
}

/** The months the period touches, as `YYYY-MM`, first to last. */
export function monthsOf(period: Pick<ServicePeriod, 'from' | 'to'>): string[] {
  const out: string[] = [];
  let y = Number(period.from.slice(0, 4));
  let m = Number(period.from.slice(5, 7));
  const last = period.to.slice(0, 7);
  for (;;) {
    const key = `${y}-${pad(m)}`;
    out.push(key);
    if (key >= last) return out;
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
}

/** "Nov 2026". */
export function monthLabel(key: string): string {
  return `${MONTHS[Number(key.slice(5, 7)) - 1]} ${key.slice(0, 4)}`;
}

/** Whole calendar days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return parseIsoDate(b) - parseIsoDate(a);
}

export function shiftDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(parseIsoDate(date) + days);
}
