/**
 * The unguessable links that serve each party the meeting's calendar invitation. Pure: the bot
 * stores the links and serves the text. The invitation itself (.ics) is in ./meetingInvitation,
 * imported from there by the one request that builds it: it loads ical-generator and the zone
 * tables (about 5 ms), which a start does not need.
 */
export {
  CALENDAR_LINKS_KEPT,
  holderKey,
  newCalendarLink,
  holderStillInCase,
  type CalendarHolder,
  type CalendarLink,
} from './calendarLink';
