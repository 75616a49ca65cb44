import { newCalendarLink, type CalendarHolder } from '../../domain/calendar';
import { partyFor, type Case } from '../../domain/cases';
import type { BotDeps } from '../deps';

/**
 * A fresh link to the meeting's calendar invitation for one person, or undefined while the
 * meeting's date and time are not both fixed (there is nothing to put in a calendar yet).
 */
export async function calendarUrlFor(c: Case, holder: CalendarHolder, deps: Pick<BotDeps, 'store' | 'now' | 'publicBaseUrl'>): Promise<string | undefined> {
  if (!c.dates.meetingDate || !c.dates.meetingTime) return undefined;
  const { token, link } = newCalendarLink(c.id, holder, deps.now());
  await deps.store.calendarLinks.save(link);
  return `${deps.publicBaseUrl()}/calendar/${encodeURIComponent(token)}.ics`;
}

/** A member's holder for their own link: their party, else them as a mediator. */
export function calendarHolderOf(c: Case, aadObjectId: string): CalendarHolder {
  const party = partyFor(c, aadObjectId);
  return party ? { kind: 'party', partyId: party.partyId } : { kind: 'mediator', aadObjectId };
}
