import type { PartyTermsStatus } from '../terms/termsStatus';
import { formatDate } from '../timescales';
import { isMediator, partyFor } from './authorisation';
import { meetingWhenText } from './caseDates';
import type { Case } from './caseSchema';
import { TERMINAL_STATES } from './lifecycle';

/** The agreed actions a person owns after the meeting that are not done yet (bot/followUp works them out). */
export interface OwnActions {
  readonly open: number;
  /** The earliest date in force among them, YYYY-MM-DD. */
  readonly nextDue?: string;
}

/**
 * The one thing a person should do next in a case, for "my cases". Deliberately short:
 * the case card has the detail.
 */
export function nextTaskFor(c: Case, aadObjectId: string, statuses: readonly PartyTermsStatus[], today?: string, ownActions?: OwnActions): string {
  if (TERMINAL_STATES.has(c.state)) return 'Nothing: the case is closed.';
  const meeting = c.dates.meetingDate;
  const meetingText = meeting && (today === undefined || meeting >= today) ? `Meeting on ${meetingWhenText(c.dates) ?? ''}` : undefined;

  if (isMediator(c, aadObjectId)) {
    if (c.parties.length === 0) return 'Add the parties to the case.';
    const waiting = statuses.filter((s) => s.status === 'not_agreed' || s.status === 'agreed_older_version').length;
    if (waiting > 0) return `${waiting} ${waiting === 1 ? 'party has' : 'parties have'} not agreed the Terms of Engagement yet.`;
    if (!meeting) return 'Fix the meeting date.';
    return meetingText ?? 'Record how the meeting went.';
  }
  const party = partyFor(c, aadObjectId);
  if (party && ownActions && ownActions.open > 0) {
    const due = ownActions.nextDue ? `, the next due ${formatDate(ownActions.nextDue)}` : '';
    return `Your agreed ${ownActions.open === 1 ? 'action' : 'actions'}: ${ownActions.open} to do${due}.`;
  }
  const mine = party ? statuses.find((s) => s.party.partyId === party.partyId) : undefined;
  if (mine && (mine.status === 'not_agreed' || mine.status === 'agreed_older_version')) {
    return 'Read and agree to the Terms of Engagement.';
  }
  return meetingText ?? 'Nothing yet: the mediator will be in touch about the meeting date.';
}
