import { CASE_TYPES } from '../caseTypes';
import type { PartyTermsStatus } from '../terms/termsStatus';
import { isMediator, partyFor } from './authorisation';
import { meetingWhenText } from './caseDates';
import type { Case, Party } from './caseSchema';
import { MEETING_HELD_STATES, MEETING_RUNNING_STATES, TERMINAL_STATES, type CaseState } from './lifecycle';

/**
 * What is known about a case beyond its own record, for the step after the meeting. Callers
 * pass what they hold; an unknown fact is read from the case's state.
 */
export interface CaseProgress {
  readonly outcomePublished?: boolean;
  readonly certificateIssued?: boolean;
  /**
   * The viewer's own open agreed actions, soonest first, each already worded with its due
   * date ("Send the draft plan by Thu 7 Jan 2027"). Filled by the agreed-actions feature.
   */
  readonly myOpenActions?: readonly string[];
}

const AGREEMENT_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['CONCLUDED_FULL_AGREEMENT', 'CONCLUDED_PARTIAL_AGREEMENT']);

/**
 * The hook for agreed actions followed through after the meeting: the viewer's own open
 * actions come before anything else once the outcome is out. Extend here, not in the views.
 */
export function agreedActionsTask(progress: CaseProgress): string | undefined {
  const mine = progress.myOpenActions ?? [];
  if (mine.length === 0) return undefined;
  if (mine.length === 1) return `Your agreed action: ${mine[0] ?? ''}.`;
  return `Your ${mine.length} agreed actions, first: ${mine[0] ?? ''}.`;
}

/** States that are only reached once the outcome or the certificate is out. */
const OUTCOME_OR_CERTIFICATE_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['OUTCOME_ISSUED', 'CERTIFICATE_ISSUED', 'LA_ACTIONS', 'APPEAL_WINDOW']);

/** Without the fact, a case that reached the certificate is taken to have its outcome too (the usual order). */
function outcomePublished(c: Case, progress: CaseProgress): boolean {
  return progress.outcomePublished ?? OUTCOME_OR_CERTIFICATE_STATES.has(c.state);
}

function mediatorTaskAfter(c: Case, progress: CaseProgress): string {
  if (MEETING_RUNNING_STATES.has(c.state)) return 'Close the meeting on the checklist when it ends.';
  const published = outcomePublished(c, progress);
  if (CASE_TYPES[c.caseType].isDrs) {
    // Disagreement resolution: a written agreement, not legally binding, and no certificate.
    if (!published) return 'Publish the outcome statement (it is not legally binding; no certificate follows).';
    return agreedActionsTask(progress) ?? 'Nothing now: the outcome statement is out.';
  }
  const certificate = progress.certificateIssued ?? (c.state === 'CERTIFICATE_ISSUED' || c.state === 'LA_ACTIONS' || c.state === 'APPEAL_WINDOW');
  if (!published && !certificate) return 'Publish the outcome statement (due 24 hours after the meeting), then issue the certificate.';
  if (!certificate) return 'Issue the mediation certificate.';
  if (!published) return 'Publish the outcome statement (due 24 hours after the meeting).';
  return agreedActionsTask(progress) ?? 'Nothing now: the outcome and the certificate are out.';
}

function partyTaskAfter(c: Case, party: Party | undefined, progress: CaseProgress): string {
  if (MEETING_RUNNING_STATES.has(c.state)) return 'The meeting is under way.';
  const published = outcomePublished(c, progress);
  if (CASE_TYPES[c.caseType].isDrs) {
    if (!published) return 'Wait for the outcome statement from the mediator.';
    return agreedActionsTask(progress) ?? 'Nothing now: the outcome statement is out.';
  }
  // The amended plan is due within the day, before any agreed action.
  if (!published && party?.role === 'la_officer' && CASE_TYPES[c.caseType].planContent && AGREEMENT_STATES.has(c.state)) {
    return 'Send the amended plan wording to the mediator: it is due with the outcome statement, 24 hours after the meeting.';
  }
  const mine = agreedActionsTask(progress);
  if (mine) return mine;
  if (!published) return 'Wait for the outcome statement: the mediator sends it within 24 hours of the meeting.';
  const family = party?.role === 'parent_carer' || party?.role === 'young_person';
  if (c.state === 'OUTCOME_ISSUED') return family ? 'Read the outcome statement; the mediation certificate follows.' : 'Read the outcome statement.';
  return family ? 'Keep the mediation certificate: you need it to appeal to the Tribunal.' : 'Nothing now: the outcome statement is out.';
}

/**
 * The one thing a person should do next in a case, for "my cases", the case card and the
 * dashboard. Deliberately short: the case card has the detail. Once the meeting has started
 * the next step is what follows it (the outcome, the certificate, the person's own agreed
 * actions), never the meeting or its preparation.
 */
export function nextTaskFor(c: Case, aadObjectId: string, statuses: readonly PartyTermsStatus[], today?: string, progress: CaseProgress = {}): string {
  if (TERMINAL_STATES.has(c.state)) return 'Nothing: the case is closed.';
  const held = MEETING_HELD_STATES.has(c.state);
  const mediator = isMediator(c, aadObjectId);
  const party = mediator ? undefined : partyFor(c, aadObjectId);
  if (held) return mediator ? mediatorTaskAfter(c, progress) : partyTaskAfter(c, party, progress);

  const meeting = c.dates.meetingDate;
  const meetingText = meeting && (today === undefined || meeting >= today) ? `Meeting on ${meetingWhenText(c.dates) ?? ''}` : undefined;
  if (mediator) {
    if (c.parties.length === 0) return 'Add the parties to the case.';
    const waiting = statuses.filter((s) => s.status === 'not_agreed' || s.status === 'agreed_older_version').length;
    if (waiting > 0) return `${waiting} ${waiting === 1 ? 'party has' : 'parties have'} not agreed the Terms of Engagement yet.`;
    if (!meeting) return 'Fix the meeting date.';
    return meetingText ?? 'Start the meeting, or move its date if it did not happen.';
  }
  const mine = party ? statuses.find((s) => s.party.partyId === party.partyId) : undefined;
  if (mine && (mine.status === 'not_agreed' || mine.status === 'agreed_older_version')) {
    return 'Read and agree to the Terms of Engagement.';
  }
  return meetingText ?? 'Nothing yet: the mediator will be in touch about the meeting date.';
}
