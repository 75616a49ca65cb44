import { CASE_TYPES } from '../domain/caseTypes';
import { isMediator, type Case } from '../domain/cases';
import {
  categoriesFor,
  CHANGE_RESULT_LABELS,
  CHANGE_RESULTS,
  actionDueDates,
  actionNumber,
  actionSentence,
  actionToFormValues,
  agreementDateOf,
  categoryLabel,
  changeResultOf,
  dueDatesText,
  ownerChoices,
  ownerLabel,
  readBack,
  type ActionErrors,
  type ActionFormValues,
  type ChangeResultErrors,
  type ChangeResultFormValues,
  type Meeting,
} from '../domain/meeting';
import { defaultCalendar, isTimescaleError, type Calendar, type IsoDate } from '../domain/timescales';
import { nonEmptyChoices } from './adaptive';
import type { ActionFormCardView } from './actionFormCard';
import type { ActionRowView, ActionsListCardView, ChangeRowView } from './actionsListCard';
import type { ChangeResultCardView } from './meetingChangeResultCard';
import { shorten } from '../domain/meeting/plainText';
import { agreementText, timeOf } from './meetingViewParts';

/**
 * From a meeting record to the view models of what the meeting agrees: the action form, the
 * read-back, and the result form of a requested change.
 */

export interface ActionFormViewOptions {
  /** The form's stable action id: a new id (newId) for a new action, the action's own to edit. */
  readonly actionId: string;
  /** Europe/London date today. */
  readonly today: IsoDate;
  /** What was submitted, when the form comes back with problems. Without it an existing action fills the form. */
  readonly values?: ActionFormValues;
  readonly errors?: ActionErrors;
  readonly calendar?: Calendar;
}

export function toActionFormView(c: Case, meeting: Meeting, options: ActionFormViewOptions): ActionFormCardView {
  const existing = meeting.actions.find((a) => a.actionId === options.actionId);
  const agreementDate = agreementDateOf(meeting, options.today);
  const values = options.values ?? (existing ? actionToFormValues(existing) : undefined);
  let dueDates: ActionFormCardView['dueDates'];
  if (existing) {
    try {
      const d = dueDatesText(actionDueDates(existing, agreementDate, options.calendar ?? defaultCalendar));
      dueDates = { by: d.by, statutory: d.statutory, ...(d.agreed !== undefined ? { agreed: d.agreed } : {}) };
    } catch (error) {
      if (!isTimescaleError(error)) throw error;
      dueDates = { by: 'Could not be worked out', statutory: error.message };
    }
  }
  const number = existing ? actionNumber(meeting, existing.actionId) : undefined;
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    actionId: options.actionId,
    caseReference: c.caseReference,
    ...(number !== undefined ? { number } : {}),
    ownerChoices: nonEmptyChoices(ownerChoices(c.parties), 'owners'),
    categoryChoices: nonEmptyChoices(categoriesFor(CASE_TYPES[c.caseType].isDrs).map((cat) => ({ title: categoryLabel(cat), value: cat })), 'categories'),
    ...(values ? { values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    agreementDate,
    agreementDateText: agreementText(meeting, options.today),
    ...(dueDates ? { dueDates } : {}),
  };
}

/** Enough of the agreed wording to recognise it; the outcome statement carries it all. */
export const WORDING_PREVIEW_MAX = 200;

function preview(wording: string): string {
  return shorten(wording, WORDING_PREVIEW_MAX);
}

/** A requested change as the meeting cards need it; the bot maps preparation's record to this. */
export interface RequestedChangeSummary {
  readonly changeId: string;
  /** "Change 3: section F (Special educational provision), paragraph 2". */
  readonly label: string;
  readonly currentWording?: string;
  readonly requestedWording: string;
  readonly laPositionText?: string;
}

export interface ActionsListViewOptions {
  readonly today: IsoDate;
  readonly viewer?: string;
  /** The case's requested changes, in their order; results are shown for those that have one. */
  readonly changes?: readonly RequestedChangeSummary[];
  readonly calendar?: Calendar;
}

export function toActionsListView(c: Case, meeting: Meeting, options: ActionsListViewOptions): ActionsListCardView {
  const agreementDate = agreementDateOf(meeting, options.today);
  const calendar = options.calendar ?? defaultCalendar;
  const actions: ActionRowView[] = meeting.actions.map((a, i) => {
    const base = {
      actionId: a.actionId,
      number: i + 1,
      sentence: actionSentence(a, c.parties),
      shortLabel: `${i + 1}. ${shorten(ownerLabel(a.owner, c.parties), 40)}: ${shorten(a.what, 40)}`,
    };
    try {
      const d = dueDatesText(actionDueDates(a, agreementDate, calendar));
      return { ...base, byText: d.by, detailText: d.detail };
    } catch (error) {
      if (!isTimescaleError(error)) throw error;
      return { ...base, byText: `the due date could not be worked out. ${error.message}` };
    }
  });
  const withResults = (options.changes ?? []).flatMap((ch) => {
    const r = changeResultOf(meeting, ch.changeId);
    return r ? [{ change: ch, result: r }] : [];
  });
  const changes: ChangeRowView[] = withResults.map(({ change, result }) => ({
    label: change.label,
    resultText: CHANGE_RESULT_LABELS[result.result],
    ...(result.agreedWording !== undefined ? { wordingPreview: preview(result.agreedWording) } : {}),
  }));
  const changeLabels: Record<string, string> = {};
  for (const { change } of withResults) changeLabels[change.changeId] = change.label;
  const viewerIsMediator = options.viewer === undefined || isMediator(c, options.viewer);
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    caseReference: c.caseReference,
    session: meeting.session,
    agreementDateText: agreementText(meeting, options.today),
    canEdit: meeting.state === 'in_progress' && viewerIsMediator,
    actions,
    changes,
    lines: readBack(meeting, meeting.actions, withResults.map((w) => w.result), {
      today: options.today,
      parties: c.parties,
      changeLabels,
      calendar,
    }),
  };
}

export function toChangeResultView(
  c: Case,
  meeting: Meeting,
  change: RequestedChangeSummary,
  options: { readonly values?: ChangeResultFormValues; readonly errors?: ChangeResultErrors } = {},
): ChangeResultCardView {
  const recorded = changeResultOf(meeting, change.changeId);
  const values: ChangeResultFormValues | undefined =
    options.values ??
    (recorded ? { result: recorded.result, ...(recorded.agreedWording !== undefined ? { agreedWording: recorded.agreedWording } : {}) } : undefined);
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    changeId: change.changeId,
    caseReference: c.caseReference,
    label: change.label,
    ...(change.currentWording ? { currentWording: change.currentWording } : {}),
    requestedWording: change.requestedWording,
    ...(change.laPositionText ? { laPositionText: change.laPositionText } : {}),
    ...(recorded ? { recordedText: `Recorded at ${timeOf(recorded.recordedAt)}: ${CHANGE_RESULT_LABELS[recorded.result]}.` } : {}),
    ...(values ? { values } : {}),
    ...(options.errors ? { errors: options.errors } : {}),
    resultChoices: nonEmptyChoices(CHANGE_RESULTS.map((r) => ({ title: CHANGE_RESULT_LABELS[r], value: r })), 'results'),
  };
}
