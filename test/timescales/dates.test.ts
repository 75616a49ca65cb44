import {
  addCalendarMonths,
  formatDate,
  isIsoDate,
  isoFromDayNumber,
  parseIsoDate,
  TimescaleError,
} from '../../domain/timescales';

describe('parseIsoDate', () => {
  it.each(['2026-12-24', '2024-02-29', '2000-02-29', '2035-12-31', '1999-01-01'])('accepts %s', (text) => {
    expect(isoFromDayNumber(parseIsoDate(text))).toBe(text);
  });

  it.each([
    ['2026-02-30', 'February 2026 has 28 days'],
    ['2025-02-29', 'February 2025 has 28 days'],
    ['1900-02-29', 'February 1900 has 28 days'],
    ['2026-04-31', 'April 2026 has 30 days'],
    ['2026-13-01', 'there is no month 13'],
    ['2026-00-10', 'there is no month 0'],
    ['2026-01-00', 'January 2026 has 31 days'],
    ['26-12-2026', 'YYYY-MM-DD'],
    ['24/12/2026', 'YYYY-MM-DD'],
    ['2026-2-3', 'YYYY-MM-DD'],
    ['2026/01/01', 'YYYY-MM-DD'],
    [' 2026-01-01', 'YYYY-MM-DD'],
    ['2026-01-01T00:00:00Z', 'YYYY-MM-DD'],
    ['2026-0a-01', 'YYYY-MM-DD'],
    ['', 'YYYY-MM-DD'],
    ['0999-01-01', 'impossible year'],
  ])('rejects %j with a clear message', (text, fragment) => {
    let caught: unknown;
    try {
      parseIsoDate(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TimescaleError);
    expect((caught as TimescaleError).code).toBe('INVALID_DATE');
    expect((caught as TimescaleError).message).toContain(fragment);
    expect(isIsoDate(text)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(() => parseIsoDate(undefined)).toThrow(TimescaleError);
    expect(() => parseIsoDate(20260101)).toThrow(TimescaleError);
  });
});

describe('formatDate', () => {
  it('always shows the weekday', () => {
    expect(formatDate('2026-12-24')).toBe('Thu 24 Dec 2026');
    expect(formatDate('2026-01-01')).toBe('Thu 1 Jan 2026');
    expect(formatDate('2028-01-03')).toBe('Mon 3 Jan 2028');
    expect(formatDate('1970-01-01')).toBe('Thu 1 Jan 1970');
    expect(formatDate('2024-02-29')).toBe('Thu 29 Feb 2024');
  });

  it('refuses a bad date', () => {
    expect(() => formatDate('2026-02-30')).toThrow(TimescaleError);
  });
});

describe('addCalendarMonths (corresponding date, end-of-month clamp)', () => {
  const add = (date: string, months: number): string => isoFromDayNumber(addCalendarMonths(parseIsoDate(date), months));

  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2025-12-31', 2, '2026-02-28'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2025-10-01', 2, '2025-12-01'],
    ['2025-11-28', 1, '2025-12-28'],
    ['2026-11-15', 2, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
  ])('%s + %i month(s) = %s', (from, months, expected) => {
    expect(add(from, months)).toBe(expected);
  });
});
