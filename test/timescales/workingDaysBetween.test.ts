import fc from 'fast-check';
import { defaultCalendar as cal, parseIsoDate } from '../../domain/timescales';

/** Counting working days between two dates: what "in 3 working days" and "overdue by 1 working day" read. */
const day = (iso: string) => parseIsoDate(iso);

it('counts the working days after the first date up to and including the second, across Christmas', () => {
  // Thu 24 Dec 2026 → Tue 29 Dec 2026: Fri 25 and Mon 28 are bank holidays, Sat 26 and Sun 27 weekend.
  expect(cal.workingDaysBetween(day('2026-12-24'), day('2026-12-29'))).toBe(1);
  expect(cal.workingDaysBetween(day('2026-12-24'), day('2026-12-24'))).toBe(0);
  expect(cal.workingDaysBetween(day('2026-12-21'), day('2026-12-24'))).toBe(3);
});

it('is negative when the second date is earlier (an overdue deadline)', () => {
  expect(cal.workingDaysBetween(day('2026-12-29'), day('2026-12-24'))).toBe(-1);
});

it('is the inverse of adding working days, and antisymmetric', () => {
  const start = day('2026-01-01');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
      const from = start + offset;
      const to = day(cal.addWorkingDays(new Date(from * 86_400_000).toISOString().slice(0, 10), n));
      return cal.workingDaysBetween(from, to) === n && cal.workingDaysBetween(to, from) === -n;
    }),
    { seed: 20261223, numRuns: 300 },
  );
});
