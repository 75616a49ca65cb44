/**
 * The periods the service view offers: calendar months, quarters (Jan-Mar is Q1) and years,
 * counted back from today, each as the YYYY-MM-DD first and last day the API takes. Pure, so
 * the choices are tested without a browser; the server still names the period it answered.
 */
import { CUSTOM_MAX_DAYS, type ServicePeriodKind } from '../../domain/service/types';

export interface PeriodChoice {
  readonly from: string;
  readonly to: string;
  readonly label: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = MONTHS.map((m) => m.slice(0, 3));
/** How far back each picker reaches. */
const HOW_MANY: Readonly<Record<Exclude<ServicePeriodKind, 'custom'>, number>> = { month: 12, quarter: 8, year: 5 };

function ymd(year: number, month0: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function lastDay(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** `count` months of `length` each, the first containing today, then back in time. */
function spans(today: string, length: number, count: number, label: (year: number, month0: number) => string): PeriodChoice[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const start = Math.floor((y * 12 + (m - 1)) / length) * length;
  const out: PeriodChoice[] = [];
  for (let i = 0; i < count; i++) {
    const first = start - i * length;
    const last = first + length - 1;
    const [fy, fm] = [Math.floor(first / 12), first % 12];
    const [ly, lm] = [Math.floor(last / 12), last % 12];
    out.push({ from: ymd(fy, fm, 1), to: ymd(ly, lm, lastDay(ly, lm)), label: label(fy, fm) });
  }
  return out;
}

export function periodChoices(kind: Exclude<ServicePeriodKind, 'custom'>, today: string): PeriodChoice[] {
  const count = HOW_MANY[kind];
  if (kind === 'month') return spans(today, 1, count, (y, m) => `${MONTHS[m]} ${y}`);
  if (kind === 'quarter') return spans(today, 3, count, (y, m) => `Q${m / 3 + 1} ${y} (${SHORT[m]}-${SHORT[m + 2]})`);
  return spans(today, 12, count, (y) => String(y));
}

/** A custom period is usable when both ends are dates and the first is not after the last. */
export function customProblem(from: string, to: string): string | undefined {
  const date = /^\d{4}-\d{2}-\d{2}$/;
  if (!date.test(from) || !date.test(to)) return 'Enter both dates of the period.';
  if (from > to) return 'The period must start on or before the day it ends.';
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > CUSTOM_MAX_DAYS) return 'A custom period can be at most three years long.';
  return undefined;
}
