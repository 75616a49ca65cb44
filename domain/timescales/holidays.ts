import Holidays from 'date-holidays';
import { parseIsoDate, type DayNumber } from './dates';

export interface NamedDay {
  readonly day: DayNumber;
  readonly name: string;
}

/**
 * England and Wales public holidays as date-holidays 3.x computes them from its bundled
 * rules (no network). Only `type === 'public'` counts: its GB data also carries
 * observances such as Mother's Day and Easter Sunday, which are not holidays.
 * Christmas Day and Good Friday are in the public set, so the statutory definition
 * (weekends, Christmas Day, Good Friday, bank holidays) is covered by this one source.
 */
let source: Holidays | undefined;
const byYear = new Map<number, readonly NamedDay[]>();

function holidaysLibrary(): Holidays {
  // Built on first use only: loading the country rules costs a few milliseconds.
  source ??= new Holidays('GB', 'ENG', { languages: ['en'] });
  return source;
}

/** date-holidays says "Boxing Day (substitute day)"; people say "Boxing Day substitute". */
function productName(raw: string): string {
  return raw
    .replace(/\u2019/g, "'")
    .replace(/\s*\(substitute day\)\s*$/i, ' substitute')
    .trim();
}

export function englandAndWalesHolidays(year: number): readonly NamedDay[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  const list = holidaysLibrary()
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ day: parseIsoDate(h.date.slice(0, 10)), name: productName(h.name) }))
    .sort((a, b) => a.day - b.day);
  byYear.set(year, list);
  return list;
}
