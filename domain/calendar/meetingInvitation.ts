import { TZDate } from '@date-fns/tz';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import { meetingPlaceText, type Case } from '../cases';
import { londonInstant } from '../londonTime';

/**
 * The meeting as a calendar invitation (RFC 5545), built with ical-generator. Times are in
 * Europe/London with its VTIMEZONE, so a calendar in any zone shows the right moment. The UID
 * is the case's, so a moved meeting replaces the event (a higher SEQUENCE) instead of adding a
 * second one. It names the case by its reference only: no child's name or initials, since an
 * invitation is copied into calendars the service does not control.
 */

export const LONDON = 'Europe/London';
/** SEND mediations usually take a morning or an afternoon; the invitation blocks three hours. */
export const MEETING_DURATION_MINUTES = 180;
export const PRODUCT_ID = { company: 'SEND Mediation', product: 'Mediation bot', language: 'EN' } as const;

export interface InvitationOptions {
  /** When the invitation was generated (DTSTAMP). */
  readonly now: Date;
  /** Stable domain for the UID, e.g. the bot's host. */
  readonly uidDomain: string;
}

/** The event's UID: one per case, whatever happens to the date. */
export function invitationUid(c: Pick<Case, 'id'>, uidDomain: string): string {
  return `mediation-${c.id}@${uidDomain}`;
}

function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz)[0];
  return typeof block === 'string' && block.startsWith('BEGIN:VTIMEZONE') ? block : null;
}

function description(c: Case): string {
  const lines = [`SEND mediation meeting for case ${c.caseReference}.`, `Where: ${meetingPlaceText(c)}.`];
  if (c.meetingJoinUrl) lines.push(`Join the Teams meeting: ${c.meetingJoinUrl}`);
  lines.push('What is said in mediation stays confidential; please do not record the meeting.');
  return lines.join('\n');
}

/** The .ics text, or undefined while the meeting's date and time are not both fixed. */
export function meetingInvitation(c: Case, options: InvitationOptions): string | undefined {
  const { meetingDate, meetingTime } = c.dates;
  if (!meetingDate || !meetingTime) return undefined;
  const [hour, minute] = meetingTime.split(':').map(Number);
  const start = londonInstant(meetingDate, { hour: hour ?? 0, minute: minute ?? 0 });
  const end = new Date(start.getTime() + MEETING_DURATION_MINUTES * 60_000);
  const calendar = ical({ prodId: PRODUCT_ID, method: ICalCalendarMethod.PUBLISH, name: `Mediation ${c.caseReference}` });
  calendar.timezone({ name: LONDON, generator: vtimezone });
  const location = c.meetingVenue ?? (c.meetingJoinUrl ? 'Microsoft Teams meeting' : undefined);
  calendar.createEvent({
    id: invitationUid(c, options.uidDomain),
    sequence: c.meetingSequence ?? 0,
    stamp: options.now,
    // TZDate: ical-generator writes its wall-clock digits in the event's zone (a plain Date would give the machine's).
    start: new TZDate(start.getTime(), LONDON),
    end: new TZDate(end.getTime(), LONDON),
    timezone: LONDON,
    summary: `Mediation meeting (case ${c.caseReference})`,
    description: description(c),
    status: ICalEventStatus.CONFIRMED,
    ...(location ? { location } : {}),
    ...(c.meetingJoinUrl ? { url: c.meetingJoinUrl } : {}),
  });
  // ical-generator writes DTSTAMP in the calendar's zone without a zone; RFC 5545 (3.8.7.2) wants UTC.
  return calendar.toString().replace(/^DTSTAMP:.*$/m, `DTSTAMP:${utcStamp(options.now)}`);
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}
