import { CASE_TYPES } from '../domain/caseTypes';
import {
  CASE_STATE_LABELS,
  MEETING_FORMAT_LABELS,
  caseDatesOf,
  isLeadMediator,
  isMediator,
  meetingPlaceText,
  meetingWhenText,
  MEETING_HELD_STATES,
  meetingIsOver,
  nextTaskFor,
  partyFor,
  plannedDayShown,
  roleLabel,
  type Case,
  type CaseProgress,
} from '../domain/cases';
import { TERMS_STATUS_LABELS, termsAlerts, termsStatus, type Acknowledgement, type TermsStatus } from '../domain/terms';
import { caseTimeline, defaultCalendar, formatDate, isTimescaleError, type Calendar } from '../domain/timescales';

/**
 * From stored case data to the plain view models the case and "my cases" cards take. Kept
 * apart from the card builders so the cards stay pure layout and the mapping is tested once.
 */

export interface KeyDateView {
  readonly label: string;
  readonly text: string;
}

export interface DeadlineView {
  readonly title: string;
  readonly tNumber: string;
  readonly dueText: string;
  /** When the due date is not a working day and does not move. */
  readonly lastWorkingDayText?: string;
  readonly responsible: string;
}

export interface PartyView {
  readonly displayName: string;
  readonly roleLabel: string;
  readonly status: TermsStatus;
  readonly statusText: string;
}

export interface CaseCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseTypeLabel: string;
  readonly childInitials: string;
  readonly isYoungPerson: boolean;
  readonly localAuthority: string;
  readonly stateLabel: string;
  readonly keyDates: readonly KeyDateView[];
  readonly deadlines: readonly DeadlineView[];
  /** Disagreement resolution: the card says no statutory deadlines apply rather than "none yet". */
  readonly isDrs?: boolean;
  /** Why no deadlines could be worked out, if so. */
  readonly deadlineError?: string;
  readonly mediators: readonly { readonly displayName: string; readonly lead: boolean }[];
  readonly parties: readonly PartyView[];
  /** Things the mediator must know before the meeting (limited authority, a named speaker). */
  readonly alerts: readonly string[];
  /** Filled by later features (LA preparation, requested changes). */
  readonly preparationStatus?: string;
  /** The meeting started: preparation is no longer shown. */
  readonly meetingHeld?: boolean;
  /** After the meeting: the outcome statement's due time or answers, and the certificate's due date and whether it was met. */
  readonly outcomeStatus?: string;
  readonly certificateStatus?: string;
  /** A published outcome exists: the card offers to show it. */
  readonly hasOutcome?: boolean;
  readonly showMediatorActions: boolean;
  /** The Teams meeting's join link, for online and hybrid meetings. */
  readonly joinUrl?: string;
  /** Teams user ids (29:...) who get a personalised refresh of the card. */
  readonly refreshUserIds?: readonly string[];
  /** The case in the dashboard tab (domain/dashboard dashboardLink). */
  readonly dashboardUrl?: string;
}

export interface CaseViewOptions {
  /** Who the card is for. Without one (the channel's root card) the mediator buttons show and each handler authorises the clicker. */
  readonly viewer?: string;
  readonly calendar?: Calendar;
  readonly preparationStatus?: string;
  readonly outcomeStatus?: string;
  readonly certificateStatus?: string;
  readonly hasOutcome?: boolean;
  readonly refreshUserIds?: readonly string[];
  readonly dashboardUrl?: string;
}

function keyDates(c: Case): KeyDateView[] {
  const out: KeyDateView[] = [];
  const { decisionNoticeSent, laInformed } = c.dates;
  if (decisionNoticeSent) out.push({ label: 'Decision notice sent', text: formatDate(decisionNoticeSent) });
  if (laInformed) out.push({ label: 'Local authority told mediation is wanted', text: formatDate(laInformed) });
  out.push({ label: meetingLabel(c), text: meetingText(c) });
  out.push({ label: 'Where', text: meetingPlaceText(c) });
  return out;
}

/** "Meeting held" once it started: the date is then the day it really happened. */
function meetingLabel(c: Case): string {
  return MEETING_HELD_STATES.has(c.state) ? 'Meeting held' : 'Meeting';
}

/** "Wed 2 Dec 2026 at 14:05 (online; planned for Thu 10 Dec 2026)". */
function meetingText(c: Case): string {
  const format = MEETING_FORMAT_LABELS[c.meetingFormat].toLowerCase();
  const planned = plannedDayShown(c, MEETING_HELD_STATES.has(c.state));
  const moved = planned ? `; planned for ${formatDate(planned)}` : '';
  return `${meetingWhenText(c.dates) ?? 'Not fixed yet'} (${format}${moved})`;
}

function deadlines(c: Case, calendar: Calendar): { deadlines: DeadlineView[]; deadlineError?: string } {
  try {
    return {
      deadlines: caseTimeline(caseDatesOf(c), calendar).map((e) => ({
        title: e.title,
        tNumber: e.tNumber,
        dueText: formatDate(e.due),
        ...(e.lastWorkingDay !== e.due ? { lastWorkingDayText: formatDate(e.lastWorkingDay) } : {}),
        responsible: e.responsible,
      })),
    };
  } catch (error) {
    // A card must still render: the dates were valid when stored, the calendar may have changed.
    if (isTimescaleError(error)) return { deadlines: [], deadlineError: error.message };
    throw error;
  }
}

export function toCaseCardView(c: Case, acks: readonly Acknowledgement[], termsVersion: string, options: CaseViewOptions = {}): CaseCardView {
  const d = deadlines(c, options.calendar ?? defaultCalendar);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    caseTypeLabel: CASE_TYPES[c.caseType].label,
    childInitials: c.childInitials,
    isYoungPerson: c.isYoungPerson,
    localAuthority: c.localAuthority,
    stateLabel: CASE_STATE_LABELS[c.state],
    keyDates: keyDates(c),
    ...d,
    ...(CASE_TYPES[c.caseType].isDrs ? { isDrs: true } : {}),
    mediators: c.mediators.map((m) => ({ displayName: m.displayName, lead: m.lead })),
    parties: termsStatus(c, acks, termsVersion).map(({ party, status }) => ({
      displayName: party.displayName,
      roleLabel: roleLabel(party.role),
      status,
      statusText: TERMS_STATUS_LABELS[status],
    })),
    alerts: termsAlerts(c, acks, termsVersion).map((a) => a.message),
    ...(MEETING_HELD_STATES.has(c.state) ? { meetingHeld: true } : options.preparationStatus ? { preparationStatus: options.preparationStatus } : {}),
    ...(options.outcomeStatus ? { outcomeStatus: options.outcomeStatus } : {}),
    ...(options.certificateStatus ? { certificateStatus: options.certificateStatus } : {}),
    ...(options.hasOutcome ? { hasOutcome: true } : {}),
    showMediatorActions: options.viewer === undefined || isMediator(c, options.viewer),
    ...(c.meetingJoinUrl ? { joinUrl: c.meetingJoinUrl } : {}),
    ...(options.refreshUserIds ? { refreshUserIds: options.refreshUserIds } : {}),
    ...(options.dashboardUrl ? { dashboardUrl: options.dashboardUrl } : {}),
  };
}

export interface MyCaseRow {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseTypeLabel: string;
  /** The viewer's own role in the case. */
  readonly roleLabel: string;
  readonly stateLabel: string;
  readonly nextTask: string;
  /** The viewer's own open deadlines (an LA officer's agreed actions among them), soonest first. */
  readonly tasks?: readonly MyTaskView[];
  /** When and where the meeting is, once a date is known. */
  readonly meeting?: MyMeetingView;
}

export interface MyMeetingView {
  /** "Meeting", or "Meeting held" once it started. */
  readonly label: string;
  /** "Thu 17 Dec 2026 at 10:00 (online)". */
  readonly when: string;
  /** It started: no join link or calendar invitation any more. */
  readonly held: boolean;
  readonly place: string;
  readonly joinUrl?: string;
  /** The viewer's own link to the calendar invitation (bot/calendar). */
  readonly calendarUrl?: string;
}

export interface MyTaskView {
  readonly title: string;
  /** "Thu 24 Dec 2026, in 9 days (7 working days)". */
  readonly dueText: string;
}

/** One row of "my cases"; acks may cover several cases. */
export function toMyCaseRow(c: Case, viewer: string, acks: readonly Acknowledgement[], termsVersion: string, today?: string, progress: CaseProgress = {}): MyCaseRow {
  const party = partyFor(c, viewer);
  const role = isLeadMediator(c, viewer) ? 'Lead mediator' : isMediator(c, viewer) ? 'Co-mediator' : party ? roleLabel(party.role) : 'Not in this case';
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    caseTypeLabel: CASE_TYPES[c.caseType].label,
    roleLabel: role,
    stateLabel: CASE_STATE_LABELS[c.state],
    nextTask: nextTaskFor(c, viewer, termsStatus(c, acks, termsVersion), today, progress),
    ...(c.dates.meetingDate ? { meeting: myMeeting(c) } : {}),
  };
}

function myMeeting(c: Case): MyMeetingView {
  const held = meetingIsOver(c.state);
  return {
    label: meetingLabel(c),
    when: meetingText(c),
    held,
    place: meetingPlaceText(c),
    ...(c.meetingJoinUrl && !held ? { joinUrl: c.meetingJoinUrl } : {}),
  };
}
