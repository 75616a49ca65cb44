import { changeDates, sendTiming, sentDateOf, summariseChanges, positionCountsText, unsetWarningDue, setLaPosition } from '../../domain/preparation';
import { createCalendar } from '../../domain/timescales';
import { NOW, OFFICER, ok, prepCase, storedChange } from './prepFixtures';

describe('when requested changes must reach the LA (REQUESTED_CHANGES)', () => {
  it('counts back over Christmas and New Year for a meeting on Tue 5 Jan 2027', () => {
    // Mon 4 Jan (1); Fri 1 Jan bank holiday, weekend; Thu 31 Dec (2); Wed 30 Dec (3).
    expect(changeDates('2027-01-05')).toEqual({ ideal: '2026-12-29', latest: '2026-12-30' });
    expect(sendTiming('2027-01-05', '2026-12-29')).toMatchObject({ status: 'on_time', byIdeal: true });
    expect(sendTiming('2027-01-05', '2026-12-30')).toEqual({ ideal: '2026-12-29', latest: '2026-12-30', sentDate: '2026-12-30', status: 'on_time', byIdeal: false });
    expect(sendTiming('2027-01-05', '2026-12-31')).toMatchObject({ status: 'late', byIdeal: false });
  });

  it('skips the Christmas substitute days of 2026 for a meeting on Mon 4 Jan 2027', () => {
    // Thu 31 Dec (1), Wed 30 Dec (2), Tue 29 Dec (3); Mon 28 Dec is the Boxing Day substitute.
    expect(changeDates('2027-01-04').latest).toBe('2026-12-29');
    expect(sendTiming('2027-01-04', '2026-12-28')).toMatchObject({ status: 'on_time' });
  });

  it('skips Easter for a meeting on Thu 1 Apr 2027', () => {
    // Wed 31 Mar (1), Tue 30 Mar (2); Easter Monday 29 Mar, weekend, Good Friday 26 Mar; Thu 25 Mar (3).
    expect(changeDates('2027-04-01')).toEqual({ ideal: '2027-03-25', latest: '2027-03-25' });
    expect(sendTiming('2027-04-01', '2027-03-26')).toMatchObject({ status: 'late' });
  });

  it('honours extra bank holidays in the calendar it is given', () => {
    const calendar = createCalendar({ extraNonWorkingDays: ['2026-12-30'] });
    expect(changeDates('2027-01-05', calendar).latest).toBe('2026-12-29');
  });

  it('warns about unset positions from the working day before the meeting', () => {
    expect(unsetWarningDue('2027-01-05')).toBe('2027-01-04');
    expect(unsetWarningDue('2027-01-04')).toBe('2026-12-31');
    expect(unsetWarningDue('2026-12-17')).toBe('2026-12-16');
  });

  it('uses the London date of the send time', () => {
    // 23:30 UTC on 29 Jun is 00:30 on 30 Jun in London (BST).
    expect(sentDateOf({ sentAt: '2026-06-29T23:30:00.000Z' })).toBe('2026-06-30');
    expect(sentDateOf({})).toBeUndefined();
  });
});

describe('the requested-changes summary', () => {
  // Meeting Thu 17 Dec 2026: latest Mon 14 Dec, ideal Thu 10 Dec, unset warning from Wed 16 Dec.
  const c = prepCase();
  const onTime = storedChange(c, 1, { sentAt: new Date('2026-12-10T12:00:00Z') });
  const lateOne = storedChange(c, 2, { sentAt: new Date('2026-12-15T12:00:00Z') });
  const agreed = ok(setLaPosition(c, onTime, { position: 'agree' }, OFFICER.aadObjectId, new Date('2026-12-11T09:00:00Z')));
  const discuss = ok(setLaPosition(c, storedChange(c, 3, { sentAt: NOW }), { position: 'discuss', note: 'internal' }, OFFICER.aadObjectId, NOW));
  const draft = storedChange(c, 4);

  it('counts sent changes by position, lists what needs discussing, and leaves drafts out of the counts', () => {
    const s = summariseChanges([draft, discuss, lateOne, agreed], '2026-12-17', '2026-12-11');
    expect(s.total).toBe(4);
    expect(s.drafts.map((x) => x.number)).toEqual([4]);
    expect(s.counts).toEqual({ agree: 1, decline: 0, discuss: 1, unset: 1 });
    expect(s.toDiscuss.map((x) => x.number)).toEqual([3]);
    expect(s.unset.map((x) => x.number)).toEqual([2]);
    expect(s.late.map((x) => x.number)).toEqual([2]);
    expect(s.dates).toEqual({ ideal: '2026-12-10', latest: '2026-12-14' });
    expect(s.unsetWarningFrom).toBe('2026-12-16');
    expect(s.unsetWarning).toBe(false);
    expect(positionCountsText(s.counts)).toBe('1 agree, 0 decline, 1 to discuss, 1 without a position');
  });

  it('raises the unset warning on and after WD-1 only', () => {
    expect(summariseChanges([lateOne], '2026-12-17', '2026-12-15').unsetWarning).toBe(false);
    expect(summariseChanges([lateOne], '2026-12-17', '2026-12-16').unsetWarning).toBe(true);
    expect(summariseChanges([agreed], '2026-12-17', '2026-12-16').unsetWarning).toBe(false);
  });

  it('calls nothing late and nothing due without a meeting date', () => {
    const s = summariseChanges([lateOne], undefined, '2026-12-16');
    expect(s.late).toEqual([]);
    expect(s.unsetWarning).toBe(false);
    expect(s.dates).toBeUndefined();
  });
});
