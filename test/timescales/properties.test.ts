import fc from 'fast-check';
import { addMonths } from 'date-fns';
import { TZDate } from '@date-fns/tz';
import {
  computeRule,
  daysInMonth,
  defaultCalendar,
  isoFromDayNumber,
  isTribunalClosedDate,
  parseIsoDate,
  RULE_LIST,
} from '../../domain/timescales';

const cal = defaultCalendar;
// Leave room at both ends of 2020-2035 so every computation stays inside the trusted years.
const FIRST = parseIsoDate('2020-03-15');
const LAST = parseIsoDate('2035-09-01');
const anyDay = fc.integer({ min: FIRST, max: LAST });
const RUNS = { numRuns: 3000 };

function workingDaysBetween(afterExclusive: number, toInclusive: number): number {
  let n = 0;
  for (let d = afterExclusive + 1; d <= toInclusive; d += 1) if (cal.isWorking(d)) n += 1;
  return n;
}

describe('working days (property)', () => {
  it('N working days after E is a working day after E with exactly N working days in (E, result]', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (e, n) => {
        const due = cal.plusWorkingDays(e, n);
        expect(due).toBeGreaterThan(e);
        expect(cal.isWorking(due)).toBe(true);
        expect(workingDaysBetween(e, due)).toBe(n);
      }),
      RUNS,
    );
  });

  it('counting N back from (E + N working days) gives the last working day on or before E', () => {
    // Not "the next working day": for a Saturday E the round trip lands on the Friday before,
    // because E itself is never counted in either direction.
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (e, n) => {
        const there = cal.plusWorkingDays(e, n);
        expect(cal.minusWorkingDays(there, n)).toBe(cal.lastWorking(e));
        if (cal.isWorking(e)) expect(cal.minusWorkingDays(there, n)).toBe(e);
        // Equivalently, moving E back to a working day does not change the result.
        expect(cal.plusWorkingDays(cal.lastWorking(e), n)).toBe(there);
      }),
      RUNS,
    );
  });

  it('counting N forward from (E - N working days) gives the next working day on or after E', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 40 }), (e, n) => {
        expect(cal.plusWorkingDays(cal.minusWorkingDays(e, n), n)).toBe(cal.nextWorking(e));
      }),
      RUNS,
    );
  });

  it('the last working day on or before a date is a working day with only non-working days after it', () => {
    fc.assert(
      fc.property(anyDay, (d) => {
        const last = cal.lastWorking(d);
        expect(last).toBeLessThanOrEqual(d);
        expect(cal.isWorking(last)).toBe(true);
        for (let x = last + 1; x <= d; x += 1) expect(cal.isWorking(x)).toBe(false);
      }),
      RUNS,
    );
  });
});

describe('calendar months (property)', () => {
  it('keeps the day of the month, clamped to the length of the target month', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: 1, max: 12 }), (d, months) => {
        const fromIso = isoFromDayNumber(d);
        const [y, m, day] = fromIso.split('-').map(Number) as [number, number, number];
        const target = y * 12 + (m - 1) + months;
        const ty = Math.floor(target / 12);
        const tm = (target % 12) + 1;
        const expected = `${ty}-${String(tm).padStart(2, '0')}-${String(Math.min(day, daysInMonth(ty, tm))).padStart(2, '0')}`;

        // An independent oracle: date-fns on a UTC wall clock.
        const viaDateFns = addMonths(new TZDate(y, m - 1, day, 'UTC'), months);
        const oracle = `${viaDateFns.getFullYear()}-${String(viaDateFns.getMonth() + 1).padStart(2, '0')}-${String(viaDateFns.getDate()).padStart(2, '0')}`;
        expect(oracle).toBe(expected);

        if (months === 2 && d <= parseIsoDate('2035-08-31')) {
          expect(computeRule('ADVISER_CONTACT', fromIso).due).toBe(expected);
        }
      }),
      RUNS,
    );
  });
});

describe('every rule (property)', () => {
  const singleDateRules = RULE_LIST.filter((r) => r.inputDates === 1);

  it('gives a last working day on or before the due date, equal to it when it is a working day', () => {
    fc.assert(
      fc.property(anyDay, fc.constantFrom(...singleDateRules), (d, rule) => {
        const r = computeRule(rule.id, isoFromDayNumber(d));
        const due = parseIsoDate(r.due);
        const last = parseIsoDate(r.lastWorkingDay);
        expect(cal.isWorking(last)).toBe(true);
        expect(last).toBeLessThanOrEqual(due);
        expect(last === due).toBe(cal.isWorking(due));
        for (let x = last + 1; x <= due; x += 1) expect(cal.isWorking(x)).toBe(false);
        if (rule.unit === 'workingDays') expect(cal.isWorking(due)).toBe(true);
        if (rule.direction === 'after') expect(due).toBeGreaterThan(d);
        else expect(due).toBeLessThan(d);
      }),
      RUNS,
    );
  });

  it('puts the requested-changes deadline 3 working days before the meeting, the ideal 7 days before', () => {
    fc.assert(
      fc.property(anyDay, (meeting) => {
        const r = computeRule('REQUESTED_CHANGES', isoFromDayNumber(meeting));
        const due = parseIsoDate(r.due);
        expect(cal.isWorking(due)).toBe(true);
        expect(workingDaysBetween(due - 1, meeting - 1)).toBe(3);
        expect(r.ideal).toBe(isoFromDayNumber(meeting - 7));
      }),
      RUNS,
    );
  });
});

describe('APPEAL (property)', () => {
  it('is never before either limb, is a working day, and is outside August and 25 Dec-1 Jan unless the limit ended on a non-working day before them', () => {
    fc.assert(
      fc.property(anyDay, fc.integer({ min: -30, max: 200 }), (decision, gap) => {
        const certificate = Math.min(Math.max(decision + gap, FIRST), LAST);
        const r = computeRule('APPEAL', isoFromDayNumber(decision), isoFromDayNumber(certificate));
        const due = parseIsoDate(r.due);
        const decisionLimb = parseIsoDate(computeRule('ADVISER_CONTACT', isoFromDayNumber(decision)).due);
        const [cy, cm, cd] = isoFromDayNumber(certificate).split('-').map(Number) as [number, number, number];
        const cny = cm === 12 ? cy + 1 : cy;
        const cnm = cm === 12 ? 1 : cm + 1;
        const certificateLimb = parseIsoDate(
          `${cny}-${String(cnm).padStart(2, '0')}-${String(Math.min(cd, daysInMonth(cny, cnm))).padStart(2, '0')}`,
        );
        const later = Math.max(decisionLimb, certificateLimb);

        expect(due).toBeGreaterThanOrEqual(decisionLimb);
        expect(due).toBeGreaterThanOrEqual(certificateLimb);
        expect(cal.isWorking(due)).toBe(true);
        expect(r.lastWorkingDay).toBe(r.due);
        // The closed periods move the limit only when it ends inside them (r.12(3)); otherwise r.12(2) alone.
        const endsClosed = isTribunalClosedDate(isoFromDayNumber(later));
        if (endsClosed) expect(isTribunalClosedDate(r.due)).toBe(false);
        // And it is the first such day: nothing earlier from the later limb on would do.
        for (let x = later; x < due; x += 1) {
          expect(!cal.isWorking(x) || (endsClosed && isTribunalClosedDate(isoFromDayNumber(x)))).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
