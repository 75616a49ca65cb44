import {
  actionSet,
  card,
  CARD_BYTES_MAX,
  cardBytes,
  container,
  execute,
  heading,
  nonEmptyChoices,
  text,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type ChoiceSetInput,
} from './adaptive';
import { STRUCTURE_ONLY } from './meetingCardParts';
import { VERBS } from './verbs';

/**
 * The read-back (docs/rules.md#the-meeting-checklist item 7): every agreed action with the date it is due by and,
 * beside an agreed date, the statutory date it replaces; then the results for requested
 * changes. Edit and remove while the meeting is open.
 *
 * Teams refuses cards over about 25 KB and an action's wording alone may be 500 characters,
 * so the layout is lean: two lines per action, and per-action buttons only for a short
 * list. A longer list gets one picker with Edit and Remove, which send the chosen action's
 * id as the input `actionId` (the same key the per-action buttons put in their data).
 */
export interface ActionRowView {
  readonly actionId: string;
  readonly number: number;
  /** "Local authority will issue the amended plan". */
  readonly sentence: string;
  /** "by Tue 19 Jan 2027", or why no date could be worked out. */
  readonly byText: string;
  /** "statutory: Thu 21 Jan 2027; agreed in writing: Tue 19 Jan 2027". */
  readonly detailText?: string;
  /** "1. Local authority": how the picker names the action. */
  readonly shortLabel: string;
}

export interface ChangeRowView {
  readonly label: string;
  readonly resultText: string;
  /** The start of the agreed wording; the outcome statement carries all of it. */
  readonly wordingPreview?: string;
}

export interface ActionsListCardView {
  readonly caseId: string;
  readonly meetingId: string;
  readonly caseReference: string;
  readonly session: number;
  /** "Thu 17 Dec 2026 (today; final when the meeting closes)". */
  readonly agreementDateText: string;
  readonly canEdit: boolean;
  readonly actions: readonly ActionRowView[];
  readonly changes: readonly ChangeRowView[];
  /** The read-back as lines (readBack), for the fallback text. */
  readonly lines: readonly string[];
}

/** Up to this many actions, each has its own Edit and Remove buttons. */
export const ROW_BUTTONS_MAX = 8;
/** The fallback repeats the read-back only while it stays small; the card itself must fit. */
export const FALLBACK_MAX = 1500;
export const ACTION_PICKER_INPUT = 'actionId';

function dueLine(row: ActionRowView): string {
  return row.detailText ? `Due ${row.byText} (${row.detailText}).` : `Due: ${row.byText}`;
}

function actionBlock(view: ActionsListCardView, row: ActionRowView, buttons: boolean): CardElement {
  const items: CardElement[] = [text(`**${row.number}. ${row.sentence}**`), text(dueLine(row), { size: 'small', spacing: 'none' })];
  if (buttons) {
    const data = { caseId: view.caseId, meetingId: view.meetingId, actionId: row.actionId };
    items.push(
      actionSet(
        [
          execute(`Edit ${row.number}`, VERBS.actionForm, data, { associatedInputs: 'none' }),
          execute(`Remove ${row.number}`, VERBS.actionRemove, data, { style: 'destructive', associatedInputs: 'none' }),
        ],
        { spacing: 'small' },
      ),
    );
  }
  return container(items, { separator: true });
}

/** One picker and two buttons for a long list; removing asks for a second click. */
function picker(view: ActionsListCardView): CardElement[] {
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  const choose: ChoiceSetInput = {
    type: 'Input.ChoiceSet',
    id: ACTION_PICKER_INPUT,
    label: 'Action to edit or remove',
    choices: nonEmptyChoices(view.actions.map((r) => ({ title: r.shortLabel, value: r.actionId })), 'actions'),
    style: 'compact',
    placeholder: 'Choose an action',
    isRequired: true,
    errorMessage: 'Choose the action to edit or remove.',
  };
  const remove: CardAction = {
    type: 'Action.ShowCard',
    title: 'Remove…',
    card: {
      type: 'AdaptiveCard',
      body: [text('Remove the chosen action?')],
      actions: [execute('Yes, remove it', VERBS.actionRemove, ids, { style: 'destructive' })],
    },
  };
  return [choose, actionSet([execute('Edit', VERBS.actionForm, ids), remove])];
}

function fallback(view: ActionsListCardView): string {
  const title = `Read back: case ${view.caseReference}, session ${view.session}`;
  const lines = [title];
  let length = title.length;
  let shown = 0;
  for (const line of view.lines) {
    if (length + line.length + 1 > FALLBACK_MAX) break;
    lines.push(line);
    length += line.length + 1;
    shown += 1;
  }
  if (shown < view.lines.length) lines.push(`…and ${view.lines.length - shown} more lines: open this in Teams to see them all.`);
  return lines.join('\n');
}

function build(view: ActionsListCardView, shownActions: number, shownChanges: number): AdaptiveCard {
  const rowButtons = view.canEdit && view.actions.length <= ROW_BUTTONS_MAX;
  const body: CardElement[] = [
    heading(`Read back: case ${view.caseReference}, session ${view.session}`),
    text(`Agreement date: ${view.agreementDateText}.`, { spacing: 'small' }),
    text(STRUCTURE_ONLY, { isSubtle: true, size: 'small', spacing: 'none' }),
    heading('Agreed actions', 'default'),
  ];
  if (view.actions.length === 0) body.push(text('No agreed actions yet.', { isSubtle: true }));
  body.push(...view.actions.slice(0, shownActions).map((row) => actionBlock(view, row, rowButtons)));
  const hidden: string[] = [];
  if (shownActions < view.actions.length) hidden.push(`${view.actions.length - shownActions} more actions`);
  if (view.canEdit && !rowButtons && view.actions.length > 0) body.push(...picker(view));
  if (view.changes.length > 0) {
    body.push(heading('Requested changes to the plan', 'default'));
    for (const c of view.changes.slice(0, shownChanges)) {
      const items: CardElement[] = [text(`**${c.label}**: ${c.resultText}`)];
      if (c.wordingPreview) items.push(text(`Agreed wording: ${c.wordingPreview}`, { size: 'small', spacing: 'none' }));
      body.push(container(items, { separator: true }));
    }
    if (shownChanges < view.changes.length) hidden.push(`${view.changes.length - shownChanges} more change results`);
  }
  if (hidden.length > 0) {
    body.push(container([text(`Not shown, to keep this card within Teams' size limit: ${hidden.join(' and ')}. The text read-back has them all.`)], { style: 'warning' }));
  }
  body.push(text('Dates are guidance, not legal advice. A date agreed in writing replaces the statutory one.', { isSubtle: true, size: 'small' }));
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  const actions: CardAction[] = [];
  if (view.canEdit) actions.push(execute('Add action', VERBS.actionForm, ids, { associatedInputs: 'none' }));
  actions.push(execute('Back to checklist', VERBS.meetingChecklist, ids, { associatedInputs: 'none' }));
  return card(body, actions, { fallbackText: fallback(view) });
}

/**
 * The read-back card. Whatever does not fit the size budget is left out with a note, change
 * results first (each has its own card), then actions from the end.
 */
export function actionsListCard(view: ActionsListCardView): AdaptiveCard {
  let shownActions = view.actions.length;
  let shownChanges = view.changes.length;
  let built = build(view, shownActions, shownChanges);
  while (cardBytes(built) > CARD_BYTES_MAX && shownChanges > 0) built = build(view, shownActions, --shownChanges);
  while (cardBytes(built) > CARD_BYTES_MAX && shownActions > 0) built = build(view, --shownActions, shownChanges);
  return built;
}
