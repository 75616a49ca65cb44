import { CASE_TYPES } from '../caseTypes';
import { assertMediator, CaseError, type Case } from '../cases';
import { londonDate } from '../londonTime';
import { changeResultOf, concludedOn, type Meeting } from '../meeting';
import type { RequestedChange } from '../preparation';
import type { Acknowledgement } from '../terms';
import { defaultCalendar, type Calendar, type IsoDate } from '../timescales';
import type { ConcludedOutcome } from './issueResult';
import { outcomeActions } from './outcomeActions';
import { outcomeAttendees } from './outcomeAttendees';
import { mediatedChanges, outcomeIssues } from './outcomeIssues';
import { outcomeNextSteps } from './outcomeNextSteps';
import type { OutcomeChange, OutcomeContent } from './outcomeSchema';
import { CONFIDENTIALITY_NOTE } from './outcomeTexts';

/**
 * The outcome statement's draft (docs/rules.md#outcome-statement), built from the case and its concluded
 * meeting. Everything is worked out from the records; the mediator adds the short overview
 * and may change an issue's result before publishing (draftInput.ts).
 */
export interface OutcomeDraftInput {
  readonly case: Case;
  /** The final session: closed, and not adjourned. */
  readonly meeting: Meeting;
  /** Every session of the case (MeetingStore.listForCase), for the dates of mediation; defaults to the final one. */
  readonly sessions?: readonly Meeting[];
  /** The case's requested changes (plan-content cases). */
  readonly changes?: readonly RequestedChange[];
  /** The case's terms acknowledgements: a young person's says who speaks for them. */
  readonly acknowledgements?: readonly Acknowledgement[];
  readonly providerName?: string;
  /** The latest published version, when drafting a revision: its overview and result changes carry forward. */
  readonly previous?: OutcomeContent;
  readonly calendar?: Calendar;
}

/** The checks every outcome step makes about the meeting: it belongs to the case and has concluded. */
export function assertConcluded(c: Case, meeting: Meeting): CaseError | { readonly concludedOn: IsoDate; readonly outcome: ConcludedOutcome; readonly closedAt: string } {
  if (meeting.caseId !== c.id) return new CaseError('not_found', `That meeting is not part of case ${c.caseReference}.`);
  const concluded = concludedOn(meeting);
  const close = meeting.close;
  if (concluded === undefined || !close || close.outcome === 'adjourned') {
    return new CaseError(
      'invalid_transition',
      meeting.close?.outcome === 'adjourned'
        ? 'The meeting was adjourned. The outcome is written after the final session.'
        : 'The meeting has not closed yet. The outcome is written once it has.',
    );
  }
  return { concludedOn: concluded, outcome: close.outcome, closedAt: close.closedAt };
}

/** The Europe/London date of each session up to the final one: "date(s) of mediation" (docs/rules.md#outcome-statement, docs/rules.md#mediation-certificate). */
export function mediationSessionDates(meeting: Meeting, sessions: readonly Meeting[]): IsoDate[] {
  const all = [...sessions.filter((s) => s.caseId === meeting.caseId && s.session <= meeting.session), meeting];
  const dates = all.sort((a, b) => a.session - b.session).map((s) => londonDate(new Date(s.startedAt)));
  return [...new Set(dates)];
}

function changeTable(meeting: Meeting, changes: readonly RequestedChange[], caseId: string): OutcomeChange[] {
  return mediatedChanges(meeting, changes, caseId).map((ch) => {
    const r = changeResultOf(meeting, ch.changeId);
    return {
      changeId: ch.changeId,
      number: ch.number,
      section: ch.section,
      location: ch.location,
      requestedWording: ch.requestedWording,
      result: r?.result ?? null,
      ...(r?.agreedWording !== undefined ? { agreedWording: r.agreedWording } : {}),
    };
  });
}

/** A revision keeps what the mediator wrote and chose, for the issues that still exist. */
function carryForward(draft: OutcomeContent, previous: OutcomeContent | undefined): OutcomeContent {
  if (!previous) return draft;
  const chosen = new Map(previous.issues.filter((i) => i.result !== i.derivedResult).map((i) => [i.issueId, i.result]));
  return {
    ...draft,
    overview: previous.overview,
    issues: draft.issues.map((i) => ({ ...i, result: chosen.get(i.issueId) ?? i.result })),
  };
}

/** The draft, or a CaseError for someone who is not a mediator or a meeting that has not concluded. */
export function draftOutcome(input: OutcomeDraftInput, actor: string): OutcomeContent | CaseError {
  const c = input.case;
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  const concluded = assertConcluded(c, input.meeting);
  if (concluded instanceof CaseError) return concluded;
  const calendar = input.calendar ?? defaultCalendar;
  const changes = input.changes ?? [];
  const type = CASE_TYPES[c.caseType];
  const issues = outcomeIssues(c, input.meeting, concluded.outcome, changes);
  const agreementDate = input.meeting.close?.agreementDate ?? concluded.concludedOn;
  const draft: OutcomeContent = {
    caseReference: c.caseReference,
    ...(input.providerName !== undefined && input.providerName.trim() !== '' ? { providerName: input.providerName.trim() } : {}),
    mediators: c.mediators.map((m) => m.displayName),
    childInitials: c.childInitials,
    isYoungPerson: c.isYoungPerson,
    reason: {
      caseType: c.caseType,
      caseTypeLabel: type.label,
      localAuthority: c.localAuthority,
      ...(c.dates.decisionNoticeSent !== undefined ? { decisionNoticeSent: c.dates.decisionNoticeSent } : {}),
    },
    meeting: {
      meetingId: input.meeting.meetingId,
      sessionDates: mediationSessionDates(input.meeting, input.sessions ?? []),
      agreementDate,
      format: c.meetingFormat,
      outcome: concluded.outcome,
      closedAt: concluded.closedAt,
    },
    attendees: outcomeAttendees(c, input.acknowledgements ?? []),
    issues,
    actions: outcomeActions(input.meeting.actions, agreementDate, c.parties, calendar),
    changes: type.planContent ? changeTable(input.meeting, changes, c.id) : [],
    overview: '',
    confidentialityNote: CONFIDENTIALITY_NOTE,
    nextSteps: outcomeNextSteps(c.caseType, concluded.concludedOn, c.dates.decisionNoticeSent, issues, calendar),
  };
  // A carried-forward result changes who can appeal, so the next steps are worked out again.
  return input.previous ? withIssueResults(carryForward(draft, input.previous), calendar) : draft;
}

/**
 * Next steps follow the issue results, so a result the mediator changed is reflected in the
 * appeal information. Used when the draft's choices are applied.
 */
export function withIssueResults(content: OutcomeContent, calendar: Calendar = defaultCalendar): OutcomeContent {
  return {
    ...content,
    nextSteps: outcomeNextSteps(content.reason.caseType, content.meeting.agreementDate, content.reason.decisionNoticeSent, content.issues, calendar),
  };
}
