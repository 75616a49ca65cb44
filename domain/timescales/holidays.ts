import { parseIsoDate } from './dates';
import { HOLIDAY_TABLE, HOLIDAY_TABLE_YEARS } from './holidayTable';
import { holidaysFromLibrary, type NamedDay } from './holidaysFromLibrary';

export type { NamedDay } from './holidaysFromLibrary';

const byYear = new Map<number, readonly NamedDay[]>();

/**
 * England and Wales public holidays. The years of holidayTable.ts come from that table, which
 * `npm run holiday-table` writes from date-holidays (and test/timescales/holidayTable.test.ts
 * checks against it), so a running bot never loads the library for them; other years ask the
 * library itself.
 */
export function englandAndWalesHolidays(year: number): readonly NamedDay[] {
  const cached = byYear.get(year);
  if (cached) return cached;
  const list =
    year >= HOLIDAY_TABLE_YEARS.from && year <= HOLIDAY_TABLE_YEARS.to
      ? HOLIDAY_TABLE.filter(([iso]) => iso.startsWith(`${year}-`)).map(([iso, name]) => ({ day: parseIsoDate(iso), name }))
      : holidaysFromLibrary(year);
  byYear.set(year, list);
  return list;
}
