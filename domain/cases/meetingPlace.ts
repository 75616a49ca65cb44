import type { MeetingFormat } from './caseSchema';

/**
 * Where the meeting happens: a Teams join link for online meetings, a venue for meetings in a
 * room, both for hybrid ones. The place is shown to every party (case card, `my cases`, the
 * calendar invitation), so a venue is a short name, never a street address: the product must
 * not become the place a family's home address is written down.
 */

/** Hosts Teams gives meeting join links on (commercial, consumer and the government clouds). */
const TEAMS_HOSTS: ReadonlySet<string> = new Set([
  'teams.microsoft.com',
  'teams.live.com',
  'teams.cloud.microsoft',
  'gov.teams.microsoft.us',
  'dod.teams.microsoft.us',
]);
/** `/l/meetup-join/…` (the classic link) and `/meet/<id>?p=…` (the short one). */
const TEAMS_MEETING_PATH = /^\/(l\/meetup-join\/|meet\/)/;
export const JOIN_URL_MAX = 2000;
export const VENUE_MAX = 120;

const UK_POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/i;
const STREET_NUMBER =
  /\b\d+[a-z]?,?\s+(?:[\p{L}'-]+\s+){0,3}(?:road|rd|street|st|avenue|ave|lane|ln|close|drive|dr|way|crescent|grove|gardens|terrace|court|place|mews|row|hill|walk|square)\b/iu;

export const FORMATS_WITH_LINK: ReadonlySet<MeetingFormat> = new Set<MeetingFormat>(['online', 'hybrid']);
export const FORMATS_WITH_VENUE: ReadonlySet<MeetingFormat> = new Set<MeetingFormat>(['in_person', 'hybrid']);

/** The join link as given, or why it is not a Teams meeting link. */
export function checkJoinUrl(raw: string): string | { error: string } {
  const problem = {
    error: 'Paste the Teams meeting join link: an https link starting https://teams.microsoft.com/l/meetup-join/ or https://teams.microsoft.com/meet/.',
  };
  if (raw.length > JOIN_URL_MAX) return problem;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return problem;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return problem;
  if (!TEAMS_HOSTS.has(url.hostname.toLowerCase()) || !TEAMS_MEETING_PATH.test(url.pathname)) return problem;
  return url.toString();
}

/** The venue, spaces tidied, or why it cannot be stored. */
export function checkVenue(raw: string): string | { error: string } {
  const venue = raw.replace(/\s+/g, ' ').trim();
  if (venue.length < 2 || venue.length > VENUE_MAX || /[\p{Cc}<>]/u.test(venue) || !/\p{L}/u.test(venue)) {
    return { error: `Give the venue's name and room in up to ${VENUE_MAX} characters, for example Civic Centre, Room 4.` };
  }
  if (UK_POSTCODE.test(venue) || STREET_NUMBER.test(venue)) {
    return {
      error:
        "Give the venue's name and room, for example Civic Centre, Room 4, without a street address or postcode: every party sees it, and it must never be someone's home.",
    };
  }
  return venue;
}

/** "Online: Teams meeting", "In person: Civic Centre, Room 4", or the format alone while the place is unknown. */
export function meetingPlaceText(c: { readonly meetingFormat: MeetingFormat; readonly meetingJoinUrl?: string; readonly meetingVenue?: string }): string {
  const parts: string[] = [];
  if (FORMATS_WITH_VENUE.has(c.meetingFormat)) parts.push(c.meetingVenue ?? 'venue not set yet');
  if (FORMATS_WITH_LINK.has(c.meetingFormat)) parts.push(c.meetingJoinUrl ? 'Teams meeting (join link below)' : 'Teams join link not set yet');
  return parts.join(' and ');
}
