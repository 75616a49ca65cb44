import { applyCaseEdit, clockMoves, dateRangeText, editFormValues, validateCaseEdit, type Case, type NewCaseFormValues } from '../../domain/cases';
import { makeCase } from './caseFixtures';

function after(c: Case, changes: NewCaseFormValues): Case {
  const r = validateCaseEdit(c, { ...editFormValues(c), ...changes }, { today: '2026-12-20' });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return applyCaseEdit(c, r.value).next;
}

describe('clock-move messages', () => {
  const base = makeCase({ decisionNoticeSent: '2026-10-01', laInformed: '2026-12-09', meetingDate: '', meetingTime: '' });

  it('says how the 30-day limit moves when the LA-informed date is corrected', () => {
    const moved = clockMoves(base, after(base, { laInformed: '2026-12-12' }));
    expect(moved.map((m) => m.text)).toEqual(['The 30-day limit moves from Fri 8 Jan to Mon 11 Jan 2027.']);
    expect(moved[0]).toMatchObject({ ruleId: 'ARRANGE_MEDIATION', from: '2027-01-08', to: '2027-01-11' });
  });

  it('names the year twice when the move crosses a year', () => {
    expect(dateRangeText('2026-12-31', '2027-01-04')).toBe('Thu 31 Dec 2026 to Mon 4 Jan 2027');
  });

  it('says when a clock starts (a meeting date on a plan-content case) and when one stops', () => {
    const withMeeting = after(base, { meetingDate: '2027-01-07' });
    const started = clockMoves(base, withMeeting).map((m) => m.text);
    expect(started).toEqual(['The date for sending the requested changes starts: due Mon 4 Jan 2027.']);
    const placement = after(withMeeting, { caseType: 'M-ASSESS' });
    expect(clockMoves(withMeeting, placement).map((m) => m.text)).toEqual([
      'The date for sending the requested changes no longer applies (it was due Mon 4 Jan 2027).',
    ]);
  });

  it('moves the practice date with the meeting, and says nothing when no clock moves', () => {
    const withMeeting = after(base, { meetingDate: '2027-01-07', meetingTime: '10:00' });
    expect(clockMoves(withMeeting, after(withMeeting, { meetingDate: '2027-01-08' })).map((m) => m.text)).toEqual([
      'The date for sending the requested changes moves from Mon 4 Jan to Tue 5 Jan 2027.',
    ]);
    expect(clockMoves(withMeeting, after(withMeeting, { meetingTime: '14:00', localAuthority: 'Kent County Council' }))).toEqual([]);
  });
});
