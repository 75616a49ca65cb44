import {
  amendedPlanChase,
  chasesFor,
  durationText,
  londonInstant,
  outcomeDueAt,
  publishTimeliness,
  recordChaseSent,
  startOutcomeRecord,
  timeLeftText,
} from '../../domain/outcome';
import { createCalendar } from '../../domain/timescales';
import { CLOSE_AT, LEAD, caseOfType, closedMeeting, ok, publishedFixture } from './outcomeFixtures';

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

describe('londonInstant', () => {
  it('turns a London wall-clock time into the instant, in GMT and in BST', () => {
    expect(londonInstant('2026-12-21', '09:00').toISOString()).toBe('2026-12-21T09:00:00.000Z');
    expect(londonInstant('2026-04-07', '09:00').toISOString()).toBe('2026-04-07T08:00:00.000Z');
    expect(londonInstant('2026-03-29', '09:00').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    expect(londonInstant('2026-10-25', '09:00').toISOString()).toBe('2026-10-25T09:00:00.000Z');
  });
});

describe('amendedPlanChase (T9)', () => {
  it('chases 2 hours after the close, and at 09:00 on the next working day (a Friday close: Monday)', () => {
    const closed = new Date('2026-12-11T15:00:00Z');
    const [two, next] = amendedPlanChase(closed, closed);
    expect(two).toMatchObject({ chaseId: 'plus2h', label: '2 hours after the meeting', due: false, send: false });
    expect(two?.dueAt.toISOString()).toBe('2026-12-11T17:00:00.000Z');
    expect(next?.dueAt.toISOString()).toBe('2026-12-14T09:00:00.000Z');
  });

  it('skips Christmas, the Boxing Day substitute and the weekend', () => {
    const [, next] = amendedPlanChase(new Date('2026-12-24T14:00:00Z'), new Date('2026-12-24T14:00:00Z'));
    expect(next?.dueAt.toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('skips Good Friday and Easter Monday, at 09:00 British Summer Time', () => {
    const [two, next] = amendedPlanChase(new Date('2026-04-02T13:00:00Z'), new Date('2026-04-02T13:00:00Z'));
    expect(two?.dueAt.toISOString()).toBe('2026-04-02T15:00:00.000Z');
    expect(next?.dueAt.toISOString()).toBe('2026-04-07T08:00:00.000Z');
  });

  it('uses the London date of a late-evening close, and the calendar given (an extra bank holiday)', () => {
    // 23:30 in London on Thu 2 Jul 2026 is 22:30 UTC; the next working day is Fri 3 Jul.
    const closed = new Date('2026-07-02T22:30:00Z');
    expect(amendedPlanChase(closed, closed)[1]?.dueAt.toISOString()).toBe('2026-07-03T08:00:00.000Z');
    const calendar = createCalendar({ extraNonWorkingDays: [{ date: '2026-07-03', name: 'Extra day' }] });
    expect(amendedPlanChase(closed, closed, calendar)[1]?.dueAt.toISOString()).toBe('2026-07-06T08:00:00.000Z');
  });

  it('says which chase to send now, and not once it is sent or the plan has arrived', () => {
    const closed = new Date('2026-12-11T15:00:00Z');
    const at = (iso: string) => new Date(iso);
    expect(amendedPlanChase(closed, at('2026-12-11T16:59:00Z')).map((c) => c.send)).toEqual([false, false]);
    expect(amendedPlanChase(closed, at('2026-12-11T17:00:00Z')).map((c) => [c.due, c.send])).toEqual([
      [true, true],
      [false, false],
    ]);
    const sent = { plus2h: '2026-12-11T17:00:05.000Z' };
    expect(amendedPlanChase(closed, at('2026-12-12T10:00:00Z'), undefined, { sent }).map((c) => [c.send, c.sentAt])).toEqual([
      [false, '2026-12-11T17:00:05.000Z'],
      [false, undefined],
    ]);
    expect(amendedPlanChase(closed, at('2026-12-14T09:00:00Z'), undefined, { sent }).map((c) => c.send)).toEqual([false, true]);
    // After a pause (nothing sent), only the latest due chase goes out.
    expect(amendedPlanChase(closed, at('2026-12-14T12:00:00Z')).map((c) => c.send)).toEqual([false, true]);
    expect(amendedPlanChase(closed, at('2026-12-14T12:00:00Z'), undefined, { planReceived: true }).map((c) => c.send)).toEqual([false, false]);
  });

  it('works from the outcome record, records a chase once, and has none for other cases', () => {
    const { record } = publishedFixture();
    expect(chasesFor(record, new Date('2026-12-17T14:31:00Z')).map((c) => c.send)).toEqual([true, false]);
    const once = recordChaseSent(record, 'plus2h', new Date('2026-12-17T14:31:00Z'));
    expect(once.chasesSent).toEqual({ plus2h: '2026-12-17T14:31:00.000Z' });
    expect(recordChaseSent(once, 'plus2h', new Date('2026-12-17T15:00:00Z'))).toBe(once);
    expect(chasesFor(once, new Date('2026-12-17T15:00:00Z')).map((c) => c.send)).toEqual([false, false]);
    expect(chasesFor(once, new Date('2026-12-18T09:00:00Z')).map((c) => c.send)).toEqual([false, true]);

    const assess = caseOfType('M-ASSESS');
    const plain = ok(startOutcomeRecord(assess, closedMeeting(assess), LEAD.aadObjectId, CLOSE_AT));
    expect(chasesFor(plain, new Date('2026-12-18T09:00:00Z'))).toEqual([]);
  });
});
