import fc from 'fast-check';
import { formatLondonDateTime, londonDate, londonTime } from '../../domain/londonTime';

describe('Europe/London instants', () => {
  it('shows winter times as GMT and summer times as BST', () => {
    expect(formatLondonDateTime(new Date('2026-12-03T14:05:00Z'))).toBe('Thu 3 Dec 2026 at 14:05');
    expect(formatLondonDateTime(new Date('2026-07-01T13:05:00Z'))).toBe('Wed 1 Jul 2026 at 14:05');
  });

  it('takes the London date across midnight UTC', () => {
    const lateJune = new Date('2026-06-30T23:30:00Z');
    expect(londonDate(lateJune)).toBe('2026-07-01');
    expect(londonTime(lateJune)).toBe('00:30');
    expect(londonDate(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('agrees with Intl for any instant 1990-2060, clock changes included', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const expected = (d: Date) => {
      const p = Object.fromEntries(intl.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
    };
    const check = (d: Date) => expect(`${londonDate(d)} ${londonTime(d)}`).toBe(expected(d));
    fc.assert(fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 0, 1) }), (ms) => check(new Date(ms))), { numRuns: 5000 });
    // Each side of the changes of 2026 (29 Mar and 25 Oct, at 01:00 UTC).
    for (const iso of ['2026-03-29T00:59:59.999Z', '2026-03-29T01:00:00Z', '2026-10-25T00:59:59.999Z', '2026-10-25T01:00:00Z', '2026-10-25T01:30:00Z']) check(new Date(iso));
  });
});
