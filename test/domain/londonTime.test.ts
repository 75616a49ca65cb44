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
});
