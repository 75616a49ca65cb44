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
  type CardInput,
  type Choice,
} from './adaptive';
import type { ActionErrors, ActionField, ActionFormValues } from '../domain/meeting';
import { isIsoDate } from '../domain/timescales';
import { STRUCTURE_ONLY } from './meetingCardParts';
import { VERBS } from './verbs';

/**
 * The form for one SMART agreed action: who, what (the agreed wording), which timescale,
 * and optionally a date agreed in writing instead of the statutory one (reg 42(5)). Shown
 * again with a message beside each field that needs fixing.
 */
export interface ActionFormCardView {
  readonly caseId: string;
  readonly meetingId: string;
  /** Given when the form is first shown, so saving twice cannot add the action twice. */
  readonly actionId: string;
  readonly caseReference: string;
  /** Set when editing an existing action: its number in the list. */
  readonly number?: number;
  readonly ownerChoices: readonly [Choice, ...Choice[]];
  readonly categoryChoices: readonly [Choice, ...Choice[]];
  readonly values?: ActionFormValues;
  readonly errors?: ActionErrors;
  /** YYYY-MM-DD: the earliest agreed date allowed. */
  readonly agreementDate: string;
  /** "Thu 17 Dec 2026 (today; final when the meeting closes)". */
  readonly agreementDateText: string;
  /** When editing: the dates as stored, worked out from the agreement date. */
  readonly dueDates?: { readonly by: string; readonly statutory: string; readonly agreed?: string };
}

/** The input ids are the domain's field names, so a submission validates as it is. */
export const ACTION_INPUT_IDS: Readonly<Record<ActionField, ActionField>> = {
  owner: 'owner',
  ownerOther: 'ownerOther',
  what: 'what',
  category: 'category',
  agreedDueDate: 'agreedDueDate',
};

function inputs(view: ActionFormCardView): CardElement[] {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const value = (f: ActionField) => (v[f] !== undefined ? { value: v[f] } : {});
  const date = isIsoDate(v.agreedDueDate) ? { value: v.agreedDueDate } : {};
  const fields: [ActionField, CardInput][] = [
    ['owner', {
      type: 'Input.ChoiceSet', id: ACTION_INPUT_IDS.owner, label: 'Who will do it?', choices: view.ownerChoices, style: 'compact',
      placeholder: 'Choose who', wrap: true, isRequired: true, errorMessage: 'Choose who will do it.', ...value('owner'),
    }],
    ['ownerOther', {
      type: 'Input.Text', id: ACTION_INPUT_IDS.ownerOther, label: 'If Other: who (up to 80 characters)', maxLength: 80,
      placeholder: "e.g. The family's GP", ...value('ownerOther'),
    }],
    ['what', {
      type: 'Input.Text', id: ACTION_INPUT_IDS.what, label: 'What will be done, in the words everyone agreed', isMultiline: true, maxLength: 500,
      placeholder: 'e.g. issue the amended plan with the agreed wording in sections B and F', isRequired: true,
      errorMessage: 'Say what will be done.', ...value('what'),
    }],
    ['category', {
      type: 'Input.ChoiceSet', id: ACTION_INPUT_IDS.category, label: 'Which timescale applies?', choices: view.categoryChoices,
      style: 'expanded', wrap: true, isRequired: true, errorMessage: 'Choose which timescale applies.', ...value('category'),
    }],
    ['agreedDueDate', {
      type: 'Input.Date', id: ACTION_INPUT_IDS.agreedDueDate,
      label: 'Date agreed in writing instead of the statutory one (optional; needed for "Anything else")', min: view.agreementDate, ...date,
    }],
  ];
  return fields.flatMap(([field, input]) => [input, ...fieldError(e[field])]);
}

function dueDatesBlock(d: NonNullable<ActionFormCardView['dueDates']>): CardElement {
  const rows: [string, string][] = [['Due', d.by], ['Statutory', d.statutory]];
  if (d.agreed) rows.push(['Agreed in writing', d.agreed]);
  return container([text('Dates as saved', { weight: 'bolder' }), facts(rows)], { style: 'emphasis', spacing: 'medium' });
}

export function actionFormCard(view: ActionFormCardView): AdaptiveCard {
  const title = view.number !== undefined ? `Edit agreed action ${view.number}` : 'Add an agreed action';
  const body: CardElement[] = [
    heading(`${title}: case ${view.caseReference}`),
    text('Who will do what, by when. Statutory dates run from the agreement date: ' + view.agreementDateText + '.', { isSubtle: true }),
    text(STRUCTURE_ONLY + ' Write the agreed action only, not the discussion.', { isSubtle: true, size: 'small', spacing: 'none' }),
    ...problemsBanner(fieldProblemCount(view.errors), view.errors?.form),
  ];
  if (view.dueDates) body.push(dueDatesBlock(view.dueDates));
  body.push(...inputs(view));
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  return card(
    body,
    [
      execute('Save action', VERBS.actionSave, { ...ids, actionId: view.actionId }, { style: 'positive' }),
      execute('Back to checklist', VERBS.meetingChecklist, ids, { associatedInputs: 'none' }),
    ],
    { fallbackText: `${title}: open this in Teams to fill in the form.` },
  );
}
