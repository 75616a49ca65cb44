import { isMediator, type Case } from '../domain/cases';
import { formatLondonDateTime } from '../domain/londonTime';
import {
  CHECKLIST,
  CLOSE_OUTCOME_LABELS,
  CLOSE_OUTCOMES,
  ENDED_EARLY_REASON_LABELS,
  ENDED_EARLY_REASONS,
  agreedItemCount,
  breakWho,
  guardLines,
  openBreak,
  privateBreakOptions,
  type ChecklistItem,
  type CloseErrors,
  type CloseFormValues,
  type Meeting,
  type StartGuards,
} from '../domain/meeting';
import type { IsoDate } from '../domain/timescales';
import { nonEmptyChoices } from './adaptive';
import type { ChecklistCardView, ChecklistItemView } from './checklistCard';
import type { CloseMeetingCardView } from './meetingCloseCard';
import type { StartMeetingCardView } from './meetingStartCard';
import { mediatorName, timeOf } from './meetingViewParts';

/**
 * From a case and its meeting record to the view models of the checklist, start and close
 * cards. Kept apart from the builders so the cards stay pure layout and the mapping is
 * tested once. The agreed actions and change results have theirs in actionViews.ts.
 */

function itemView(c: Case, meeting: Meeting, item: ChecklistItem): ChecklistItemView {
  const tick = meeting.ticks[item.id];
  return {
    itemId: item.id,
    label: item.kind === 'agenda' ? `${item.order}. ${item.title}` : item.title,
    hint: item.hint,
    ticked: tick !== undefined,
    ...(tick ? { tickedText: `Done at ${timeOf(tick.tickedAt)} by ${mediatorName(c, tick.tickedBy)}`, tickedAt: timeOf(tick.tickedAt) } : {}),
  };
}

export interface ChecklistViewOptions {
  /** Who the card is for; without one (a shared post) the buttons show and each handler authorises the clicker. */
  readonly viewer?: string;
  /** Plan-content cases: how many requested changes the meeting has to decide. */
  readonly requestedChangeCount?: number;
}

export function toChecklistView(c: Case, meeting: Meeting, options: ChecklistViewOptions = {}): ChecklistCardView {
  const open = openBreak(meeting);
  const closedText = meeting.close
    ? `Closed ${formatLondonDateTime(new Date(meeting.close.closedAt))}: ${CLOSE_OUTCOME_LABELS[meeting.close.outcome]}.`
    : undefined;
  const results = Object.keys(meeting.changeResults).length;
  const changes = options.requestedChangeCount;
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    caseReference: c.caseReference,
    session: meeting.session,
    closed: meeting.state === 'closed',
    startedText: `Started ${formatLondonDateTime(new Date(meeting.startedAt))} by ${mediatorName(c, meeting.startedBy)}.`,
    ...(closedText ? { closedText } : {}),
    guards: guardLines(meeting.guards).map((g) => ({ status: g.status, text: g.text })),
    ...(meeting.startedAnywayReason ? { startedAnywayReason: meeting.startedAnywayReason } : {}),
    agenda: CHECKLIST.filter((i) => i.kind === 'agenda').map((i) => itemView(c, meeting, i)),
    crossCutting: CHECKLIST.filter((i) => i.kind === 'cross_cutting').map((i) => itemView(c, meeting, i)),
    ...(open
      ? { openBreak: { breakId: open.breakId, text: `On a break (${open.kind === 'all' ? 'everyone' : `private: ${breakWho(open, c.parties)}`}) since ${timeOf(open.startedAt)}.` } }
      : {}),
    breakCount: meeting.breaks.length,
    privateBreakChoices: privateBreakOptions(c).map((o) => ({ value: o.partyIds.join(','), label: o.label })),
    actionCount: meeting.actions.length,
    ...(changes !== undefined && changes > 0 ? { changesText: `${results} of ${changes} requested changes have a result.` } : {}),
    showMediatorActions: options.viewer === undefined || isMediator(c, options.viewer),
  };
}

export function toStartMeetingView(
  c: Case,
  guards: StartGuards,
  options: { readonly session?: number; readonly reason?: string; readonly error?: string; readonly confirmedDay?: string; readonly dayQuestion?: string } = {},
): StartMeetingCardView {
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    session: options.session ?? 1,
    guards: guardLines(guards).map((g) => ({ status: g.status, text: g.text })),
    ...(options.reason !== undefined ? { reason: options.reason } : {}),
    ...(options.error !== undefined ? { error: options.error } : {}),
    ...(options.confirmedDay !== undefined ? { confirmedDay: options.confirmedDay } : {}),
    ...(options.dayQuestion !== undefined ? { dayQuestion: options.dayQuestion } : {}),
  };
}

export function toCloseMeetingView(
  c: Case,
  meeting: Meeting,
  options: { readonly today: IsoDate; readonly values?: CloseFormValues; readonly errors?: CloseErrors },
): CloseMeetingCardView {
  const open = openBreak(meeting);
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    caseReference: c.caseReference,
    session: meeting.session,
    today: options.today,
    actionCount: meeting.actions.length,
    agreedChangeCount: agreedItemCount(meeting) - meeting.actions.length,
    notDone: CHECKLIST.filter((i) => i.kind === 'agenda' && meeting.ticks[i.id] === undefined).map((i) => i.title),
    ...(open ? { openBreakText: `A break is under way (${open.kind === 'all' ? 'everyone' : breakWho(open, c.parties)}).` } : {}),
    outcomeChoices: nonEmptyChoices(CLOSE_OUTCOMES.map((o) => ({ title: CLOSE_OUTCOME_LABELS[o], value: o })), 'outcomes'),
    endedEarlyChoices: nonEmptyChoices(ENDED_EARLY_REASONS.map((r) => ({ title: ENDED_EARLY_REASON_LABELS[r], value: r })), 'reasons'),
    ...(options.values ? { values: options.values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
  };
}
