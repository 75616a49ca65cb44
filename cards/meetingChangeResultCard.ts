import {
  card,
  container,
  execute,
  facts,
  fieldError,
  fieldProblemCount,
  heading,
  problemsBanner,
  text,
  type AdaptiveCard,
  type CardElement,
  type Choice,
  type ChoiceSetInput,
  type TextInput,
} from './adaptive';
import type { ChangeResultErrors, ChangeResultField, ChangeResultFormValues } from '../domain/meeting';
import { VERBS } from './verbs';

/**
 * The meeting's result for one requested change to the plan (docs/rules.md#preparation-and-requested-changes): agreed,
 * agreed as amended, not agreed or deferred, with the wording confirmed on the shared
 * screen when it was agreed.
 */
export interface ChangeResultCardView {
  readonly caseId: string;
  readonly meetingId: string;
  readonly changeId: string;
  readonly caseReference: string;
  /** "Change 3: section F (Special educational provision), paragraph 2". */
  readonly label: string;
  readonly currentWording?: string;
  readonly requestedWording: string;
  /** "Local authority's position: Discuss at the meeting". */
  readonly laPositionText?: string;
  /** "Recorded at 11:20: Agreed as amended." when a result exists. */
  readonly recordedText?: string;
  readonly values?: ChangeResultFormValues;
  readonly errors?: ChangeResultErrors;
  /** Result codes with their labels, in order. */
  readonly resultChoices: readonly [Choice, ...Choice[]];
}

export const CHANGE_RESULT_INPUT_IDS: Readonly<Record<ChangeResultField, ChangeResultField>> = { result: 'result', agreedWording: 'agreedWording' };

export function changeResultCard(view: ChangeResultCardView): AdaptiveCard {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const rows: [string, string][] = [];
  if (view.currentWording) rows.push(['Current wording', view.currentWording]);
  rows.push(['Requested wording', view.requestedWording]);
  const body: CardElement[] = [heading(`Meeting result: ${view.label}`), text(`Case ${view.caseReference}`, { isSubtle: true, spacing: 'none' })];
  if (view.laPositionText) body.push(text(view.laPositionText, { spacing: 'small' }));
  body.push(facts(rows));
  if (view.recordedText) body.push(container([text(view.recordedText)], { style: 'good' }));
  body.push(...problemsBanner(fieldProblemCount(view.errors), view.errors?.form));
  const result: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: CHANGE_RESULT_INPUT_IDS.result,
    label: 'What did the meeting decide?',
    choices: view.resultChoices,
    style: 'expanded',
    wrap: true,
    isRequired: true,
    errorMessage: 'Choose what the meeting decided about this change.',
    ...(v.result !== undefined ? { value: v.result } : {}),
  };
  const wording: TextInput = {
    type: 'Input.Text',
    id: CHANGE_RESULT_INPUT_IDS.agreedWording,
    label: 'Agreed wording, as confirmed on the shared screen (needed if agreed or agreed as amended)',
    isMultiline: true,
    maxLength: 2000,
    ...(v.agreedWording !== undefined ? { value: v.agreedWording } : {}),
  };
  body.push(result, ...fieldError(e.result), wording, ...fieldError(e.agreedWording));
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  return card(
    body,
    [
      execute('Save result', VERBS.changeResult, { ...ids, changeId: view.changeId }, { style: 'positive' }),
      execute('Back to checklist', VERBS.meetingChecklist, ids, { associatedInputs: 'none' }),
    ],
    { fallbackText: `Meeting result for ${view.label}: open this in Teams to record it.` },
  );
}
