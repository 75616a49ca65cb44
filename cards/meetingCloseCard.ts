import {
  card,
  container,
  execute,
  fieldError,
  fieldProblemCount,
  heading,
  problemsBanner,
  text,
  type AdaptiveCard,
  type CardElement,
  type CardInput,
  type Choice,
} from './adaptive';
import type { CloseErrors, CloseField, CloseFormValues } from '../domain/meeting';
import { plural } from '../domain/plural';
import { isIsoDate } from '../domain/timescales';
import { STRUCTURE_ONLY } from './meetingCardParts';
import { VERBS } from './verbs';

/**
 * Closing the meeting (docs/rules.md#case-lifecycle): how it ended, the next date for an adjournment, the
 * reason for ending early. Cards 1.5 cannot show a field only for one choice, so every
 * field is shown, labelled with the choice it belongs to, and checked on submission.
 */
export interface CloseMeetingCardView {
  readonly caseId: string;
  readonly meetingId: string;
  readonly caseReference: string;
  readonly session: number;
  /** YYYY-MM-DD, Europe/London: the earliest next-session date. */
  readonly today: string;
  readonly actionCount: number;
  readonly agreedChangeCount: number;
  /** Titles of agenda items not marked done. */
  readonly notDone: readonly string[];
  readonly openBreakText?: string;
  readonly outcomeChoices: readonly [Choice, ...Choice[]];
  readonly endedEarlyChoices: readonly [Choice, ...Choice[]];
  readonly values?: CloseFormValues;
  readonly errors?: CloseErrors;
}

export const CLOSE_INPUT_IDS: Readonly<Record<CloseField, CloseField>> = {
  outcome: 'outcome',
  nextDate: 'nextDate',
  endedEarlyReason: 'endedEarlyReason',
  endedEarlyOther: 'endedEarlyOther',
};

function reminders(view: CloseMeetingCardView): CardElement[] {
  const lines: string[] = [];
  if (view.notDone.length > 0) lines.push(`Not marked done: ${view.notDone.join(', ')}.`);
  if (view.openBreakText) lines.push(`${view.openBreakText} It ends when the meeting closes.`);
  return lines.length > 0 ? [container(lines.map((l) => text(l)), { style: 'warning' })] : [];
}

function inputs(view: CloseMeetingCardView): CardElement[] {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const value = (f: CloseField) => (v[f] !== undefined ? { value: v[f] } : {});
  const date = isIsoDate(v.nextDate) ? { value: v.nextDate } : {};
  const fields: [CloseField, CardInput][] = [
    ['outcome', {
      type: 'Input.ChoiceSet', id: CLOSE_INPUT_IDS.outcome, label: 'How did the meeting end?', choices: view.outcomeChoices,
      style: 'expanded', wrap: true, isRequired: true, errorMessage: 'Choose how the meeting ended.', ...value('outcome'),
    }],
    ['nextDate', { type: 'Input.Date', id: CLOSE_INPUT_IDS.nextDate, label: 'If adjourned: date of the next session', min: view.today, ...date }],
    ['endedEarlyReason', {
      type: 'Input.ChoiceSet', id: CLOSE_INPUT_IDS.endedEarlyReason, label: 'If ended early: why', choices: view.endedEarlyChoices,
      style: 'compact', placeholder: 'Choose a reason', wrap: true, ...value('endedEarlyReason'),
    }],
    ['endedEarlyOther', {
      type: 'Input.Text', id: CLOSE_INPUT_IDS.endedEarlyOther,
      label: 'If another reason: a few words about the process, not what anyone said (up to 200 characters)', maxLength: 200,
      ...value('endedEarlyOther'),
    }],
  ];
  return fields.flatMap(([field, input]) => [input, ...fieldError(e[field])]);
}

export function closeMeetingCard(view: CloseMeetingCardView): AdaptiveCard {
  const agreed = `${plural(view.actionCount, 'agreed action')} and ${plural(view.agreedChangeCount, 'agreed plan change')} recorded.`;
  const body: CardElement[] = [
    heading(`Close the meeting: case ${view.caseReference}, session ${view.session}`),
    text(agreed),
    text('Closing fixes the agreement date (today) from which the statutory dates run. It cannot be undone here.', { isSubtle: true }),
    text(STRUCTURE_ONLY, { isSubtle: true, size: 'small', spacing: 'none' }),
    ...reminders(view),
    ...problemsBanner(fieldProblemCount(view.errors), view.errors?.form),
    ...inputs(view),
  ];
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  return card(
    body,
    [
      execute('Close the meeting', VERBS.meetingClose, ids, { style: 'destructive' }),
      execute('Back to checklist', VERBS.meetingChecklist, ids, { associatedInputs: 'none' }),
    ],
    { fallbackText: `Close the meeting of case ${view.caseReference}: open this in Teams to choose the outcome.` },
  );
}
