import { checkJoinUrl, checkVenue, meetingPlaceText } from '../../domain/cases';

describe('meeting place', () => {
  it('accepts Teams meeting join links, classic and short', () => {
    for (const link of [
      'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
      'https://teams.microsoft.com/meet/3912345678901?p=AbCdEfGh',
      'https://teams.live.com/meet/9876543210?p=xyz',
    ]) {
      expect(checkJoinUrl(link)).toBe(link);
    }
  });

  it('refuses anything else with a message saying what to paste', () => {
    for (const bad of [
      'http://teams.microsoft.com/l/meetup-join/19%3ameeting/0',
      'https://teams.microsoft.com.evil.example/l/meetup-join/x',
      'https://zoom.us/j/123',
      'https://teams.microsoft.com/l/chat/0/0?users=a',
      'javascript:alert(1)',
      'not a link',
      `https://teams.microsoft.com/meet/${'1'.repeat(2100)}`,
    ]) {
      expect(checkJoinUrl(bad)).toEqual({ error: expect.stringMatching(/Teams meeting join link/) });
    }
  });

  it('takes a venue name and refuses street addresses and postcodes', () => {
    expect(checkVenue('  Civic Centre,   Room 4 ')).toBe('Civic Centre, Room 4');
    expect(checkVenue('Woodside Family Centre')).toBe('Woodside Family Centre');
    for (const home of ['12 Acacia Avenue', 'Flat 2, 14a High Street', 'Civic Centre, GU1 3AA', '3 Rose Close, Guildford']) {
      expect(checkVenue(home)).toEqual({ error: expect.stringMatching(/without a street address or postcode/) });
    }
    expect(checkVenue('x')).toEqual({ error: expect.stringMatching(/venue's name/) });
    expect(checkVenue('<b>Hall</b>')).toEqual({ error: expect.stringMatching(/venue's name/) });
  });

  it('says where the meeting is, and what is still missing', () => {
    expect(meetingPlaceText({ meetingFormat: 'online' })).toBe('Teams join link not set yet');
    expect(meetingPlaceText({ meetingFormat: 'in_person', meetingVenue: 'Civic Centre' })).toBe('Civic Centre');
    expect(meetingPlaceText({ meetingFormat: 'hybrid', meetingVenue: 'Civic Centre', meetingJoinUrl: 'https://teams.microsoft.com/meet/1' })).toBe(
      'Civic Centre and Teams meeting (join link below)',
    );
  });
});
