import type Holidays from 'date-holidays';
import { parseIsoDate, type DayNumber } from './dates';

export interface NamedDay {
  readonly day: DayNumber;
  readonly name: string;
}

let source: Holidays | undefined;

function holidaysLibrary(): Holidays {
  // Loaded on first use only, and only for a year outside the generated table (holidayTable.ts):
  // date-holidays carries every country's rules, 22 MB resident and 70 ms to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Library = require('date-holidays') as typeof Holidays;
  source ??= new Library('GB', 'ENG', { languages: ['en'] });
  return source;
}

/** date-holidays says "Boxing Day (substitute day)"; people say "Boxing Day substitute". */
function productName(raw: string): string {
  return raw
    .replace(/\u2019/g, "'")
    .replace(/\s*\(substitute day\)\s*$/i, ' substitute')
    .trim();
}

/**
 * England and Wales public holidays as date-holidays 3.x computes them from its bundled
 * rules (no network). Only `type === 'public'` counts: its GB data also carries
 * observances such as Mother's Day and Easter Sunday, which are not holidays.
 * Christmas Day and Good Friday are in the public set, so the statutory definition
 * (weekends, Christmas Day, Good Friday, bank holidays) is covered by this one source.
 */
export function holidaysFromLibrary(year: number): NamedDay[] {
  return holidaysLibrary()
    .getHolidays(year)
    .filter((h) => h.type === 'public')
    .map((h) => ({ day: parseIsoDate(h.date.slice(0, 10)), name: productName(h.name) }))
    .sort((a, b) => a.day - b.day);
}
