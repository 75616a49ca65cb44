/**
 * Calendar invitations for the mediation meeting (.ics), and the unguessable links that serve
 * them to each party. Pure: the bot stores the links and serves the text.
 */
export { meetingInvitation, invitationUid, LONDON, MEETING_DURATION_MINUTES, type InvitationOptions } from './meetingInvitation';
export {
  CALENDAR_LINKS_KEPT,
  holderKey,
  newCalendarLink,
  holderStillInCase,
  type CalendarHolder,
  type CalendarLink,
} from './calendarLink';
