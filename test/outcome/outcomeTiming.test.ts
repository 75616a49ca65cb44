import { durationText, outcomeDueAt, publishTimeliness, timeLeftText } from '../../domain/outcome';
import { CLOSE_AT } from './outcomeFixtures';

const minutes = (n: number) => n * 60_000;

describe('outcomeDueAt and timeLeftText (T8)', () => {
  it('is due 24 hours after the close', () => {
    expect(outcomeDueAt(CLOSE_AT).toISOString()).toBe('2026-12-18T12:30:00.000Z');
    expect(outcomeDueAt('2026-03-28T20:00:00Z').toISOString()).toBe('2026-03-29T20:00:00.000Z');
  });

  it('says how long is left, or how overdue, in hours and minutes', () => {
    const due = outcomeDueAt(CLOSE_AT);
    const before = (ms: number) => new Date(due.getTime() - ms);
    expect(timeLeftText(before(minutes(5 * 60 + 20)), due)).toBe('due in 5 h 20 min');
    expect(timeLeftText(before(minutes(5 * 60 + 20) + 30_000), due)).toBe('due in 5 h 20 min');
    expect(timeLeftText(before(minutes(24 * 60)), due)).toBe('due in 24 h');
    expect(timeLeftText(before(minutes(45)), due)).toBe('due in 45 min');
    expect(timeLeftText(before(20_000), due)).toBe('due now');
    expect(timeLeftText(due, due)).toBe('due now');
    expect(timeLeftText(new Date(due.getTime() + minutes(120)), due)).toBe('overdue by 2 h');
    expect(timeLeftText(new Date(due.getTime() + minutes(61)), due)).toBe('overdue by 1 h 1 min');
    expect(durationText(30_000)).toBe('less than a minute');
  });

  it('says whether the first version went out within 24 hours', () => {
    expect(publishTimeliness(CLOSE_AT, new Date('2026-12-18T12:30:00Z'))).toEqual({ onTime: true, text: 'within 24 hours of the close' });
    expect(publishTimeliness(CLOSE_AT, new Date('2026-12-18T15:40:00Z'))).toEqual({ onTime: false, text: '3 h 10 min after the 24-hour target' });
  });
});

