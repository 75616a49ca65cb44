import { invitationUid, meetingInvitation } from '../../domain/calendar/meetingInvitation';
import { makeCase } from '../domain/caseFixtures';
import { onlyEvent } from './icsParse';

const NOW = new Date('2026-12-01T10:00:00Z');
const OPTIONS = { now: NOW, uidDomain: 'bot.example' };


describe('the meeting as a calendar invitation', () => {
  it('has the London date and time (summer and winter), the join link, and no initials', () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
    const summer = makeCase({ laInformed: '2026-11-20', meetingDate: '2027-06-10', meetingTime: '14:30', meetingJoinUrl: link, childInitials: 'QZ' });
    const text = meetingInvitation(summer, OPTIONS)!;
    expect(text).toContain('DTSTART;TZID=Europe/London:20270610T143000');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('DTSTAMP:20261201T100000Z');
    expect(text).not.toContain('QZ');
    const e = onlyEvent(text);
    expect(e.start.toISOString()).toBe('2027-06-10T13:30:00.000Z'); // BST
    expect(e.end?.toISOString()).toBe('2027-06-10T16:30:00.000Z');
    expect(e.uid).toBe(invitationUid(summer, 'bot.example'));
    expect(String(e.summary)).toBe('Mediation meeting (case SM-2026/014)');
    expect(String(e.description)).toContain(link);
    expect(e.url).toMatchObject({ val: link });

    const winter = makeCase({ meetingDate: '2026-12-17', meetingTime: '10:00' });
    expect(onlyEvent(meetingInvitation(winter, OPTIONS)!).start.toISOString()).toBe('2026-12-17T10:00:00.000Z'); // GMT
  });

  it('names the venue for meetings in a room', () => {
    const c = makeCase({ meetingFormat: 'in_person', meetingVenue: 'Civic Centre, Room 4' });
    expect(String(onlyEvent(meetingInvitation(c, OPTIONS)!).location)).toBe('Civic Centre, Room 4');
  });

  it('keeps the UID and raises SEQUENCE when the meeting moves', () => {
    const c = makeCase();
    const moved = { ...c, dates: { ...c.dates, meetingTime: '14:00' }, meetingSequence: 1 };
    const before = onlyEvent(meetingInvitation(c, OPTIONS)!);
    const after = onlyEvent(meetingInvitation(moved, OPTIONS)!);
    expect(after.uid).toBe(before.uid);
    expect(Number(before.sequence)).toBe(0);
    expect(Number(after.sequence)).toBe(1);
  });

  it('has nothing to offer while the date or time is not fixed', () => {
    expect(meetingInvitation(makeCase({ meetingTime: '' }), OPTIONS)).toBeUndefined();
    expect(meetingInvitation(makeCase({ meetingDate: '', meetingTime: '' }), OPTIONS)).toBeUndefined();
  });
});
