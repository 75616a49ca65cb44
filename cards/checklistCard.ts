import {
  actionSet,
  card,
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
import { plural } from '../domain/plural';
import { guardBlock, guardText, STRUCTURE_ONLY, type GuardView } from './meetingCardParts';
import { VERBS } from './verbs';

/**
 * The mediator's checklist during the meeting (docs/rules.md#the-meeting-checklist): the checks made at the start,
 * the agenda and the items that run throughout, each with a button to mark it done or not
 * done; breaks; and the way to agreed actions, the read-back and closing.
 */
export interface ChecklistItemView {
  readonly itemId: string;
  /** "1. Opening and terms check" (agenda items are numbered) or "Child's views". */
  readonly label: string;
  readonly hint: string;
  readonly ticked: boolean;
  /** "Done at 10:05 by Morgan Mediator". */
  readonly tickedText?: string;
  /** "10:05": the one line of a done item. */
  readonly tickedAt?: string;
}

export interface BreakChoiceView {
  /** The party ids of the option, comma-joined (what `meeting.breakStart` reads). */
  readonly value: string;
  readonly label: string;
}

export interface ChecklistCardView {
  readonly caseId: string;
  readonly meetingId: string;
  readonly caseReference: string;
  readonly session: number;
  readonly closed: boolean;
  /** "Started Thu 17 Dec 2026 at 10:02 by Morgan Mediator." */
  readonly startedText: string;
  /** "Closed at 12:30: Partial agreement." */
  readonly closedText?: string;
  readonly guards: readonly GuardView[];
  readonly startedAnywayReason?: string;
  readonly agenda: readonly ChecklistItemView[];
  readonly crossCutting: readonly ChecklistItemView[];
  /** The break under way, if any. */
  readonly openBreak?: { readonly breakId: string; readonly text: string };
  readonly breakCount: number;
  readonly privateBreakChoices: readonly BreakChoiceView[];
  readonly actionCount: number;
  /** Plan-content cases: "2 of 5 requested changes have a result." */
  readonly changesText?: string;
  /** Only mediators get the buttons; each handler authorises the clicker anyway. */
  readonly showMediatorActions: boolean;
}

export const BREAK_PARTIES_INPUT = 'breakParties';

/**
 * A done item is one line (its mark, name and time, with the undo button beside it) so the
 * whole agenda fits a phone; an open one keeps its hint and button below.
 */
function itemBlock(view: ChecklistCardView, item: ChecklistItemView, buttons: boolean): CardElement {
  const data = { caseId: view.caseId, meetingId: view.meetingId, itemId: item.itemId, on: item.ticked ? 0 : 1 };
  if (item.ticked) {
    const line = text(`✓ **${item.label}**: done${item.tickedAt ? ` at ${item.tickedAt}` : ''}`, { weight: 'default' });
    const undo = actionSet([execute('Mark not done', VERBS.meetingTick, data, { associatedInputs: 'none' })]);
    const columns = buttons
      ? [
          { type: 'Column' as const, width: 'stretch' as const, verticalContentAlignment: 'center' as const, items: [line] },
          { type: 'Column' as const, width: 'auto' as const, verticalContentAlignment: 'center' as const, items: [undo] },
        ]
      : [{ type: 'Column' as const, width: 'stretch' as const, items: [line] }];
    return { type: 'ColumnSet', columns, separator: true, spacing: 'small' };
  }
  const items: CardElement[] = [text(`○ **${item.label}**: not done yet`), text(item.hint, { isSubtle: true, size: 'small', spacing: 'none' })];
  if (buttons) items.push(actionSet([execute('Mark done', VERBS.meetingTick, data, { associatedInputs: 'none' })], { spacing: 'small' }));
  return container(items, { separator: true, spacing: 'small' });
}

function guardsSection(view: ChecklistCardView): CardElement[] {
  const out: CardElement[] = [heading('Checks at the start', 'default'), ...view.guards.map((g) => guardBlock(g))];
  if (view.startedAnywayReason) {
    out.push(container([text(`Started anyway: ${view.startedAnywayReason}`)], { style: 'warning', spacing: 'small' }));
  }
  return out;
}

function breaksSection(view: ChecklistCardView, buttons: boolean): CardElement[] {
  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  const out: CardElement[] = [heading('Breaks', 'default')];
  if (view.openBreak) {
    const end = buttons ? [actionSet([execute('End break', VERBS.meetingBreakEnd, { ...ids, breakId: view.openBreak.breakId }, { associatedInputs: 'none' })])] : [];
    out.push(container([text(view.openBreak.text, { weight: 'bolder' }), ...end], { style: 'warning' }));
  } else if (buttons) {
    const breakActions: CardAction[] = [execute('Break for everyone', VERBS.meetingBreakStart, { ...ids, kind: 'all' }, { associatedInputs: 'none' })];
    if (view.privateBreakChoices.length > 0) {
      const who: ChoiceSetInput = {
        type: 'Input.ChoiceSet',
        id: BREAK_PARTIES_INPUT,
        label: 'Private time for',
        choices: nonEmptyChoices(view.privateBreakChoices.map((c) => ({ title: c.label, value: c.value })), 'parties'),
        style: 'expanded',
        wrap: true,
        isRequired: true,
        errorMessage: 'Choose who the private break is for.',
      };
      breakActions.push({
        type: 'Action.ShowCard',
        title: 'Private break…',
        card: {
          type: 'AdaptiveCard',
          body: [who],
          actions: [execute('Start the private break', VERBS.meetingBreakStart, { ...ids, kind: 'private' })],
        },
      });
    }
    out.push(actionSet(breakActions));
  }
  out.push(text(view.breakCount === 0 ? 'No breaks so far.' : `${plural(view.breakCount, 'break')} so far.`, { isSubtle: true, size: 'small' }));
  return out;
}

/** The checklist card. Closed meetings show the record without buttons, apart from the read-back. */
export function checklistCard(view: ChecklistCardView): AdaptiveCard {
  const buttons = view.showMediatorActions && !view.closed;
  const body: CardElement[] = [
    heading(`Meeting checklist: case ${view.caseReference}, session ${view.session}`),
    text(view.startedText, { isSubtle: true, spacing: 'small' }),
    text(STRUCTURE_ONLY, { isSubtle: true, size: 'small', spacing: 'none' }),
  ];
  if (view.closedText) body.push(container([text(view.closedText, { weight: 'bolder' })], { style: 'emphasis' }));
  body.push(...guardsSection(view));
  body.push(heading('Agenda', 'default'), ...view.agenda.map((i) => itemBlock(view, i, buttons)));
  body.push(heading('Throughout the meeting', 'default'), ...view.crossCutting.map((i) => itemBlock(view, i, buttons)));
  body.push(...breaksSection(view, buttons));
  body.push(heading('Agreement', 'default'), text(view.actionCount === 0 ? 'No agreed actions yet.' : `${plural(view.actionCount, 'agreed action')} so far.`));
  if (view.changesText) body.push(text(view.changesText, { spacing: 'small' }));

  const ids = { caseId: view.caseId, meetingId: view.meetingId };
  const actions: CardAction[] = [];
  if (buttons) {
    actions.push(execute('Add action', VERBS.actionForm, ids, { associatedInputs: 'none' }));
    if (view.changesText) actions.push(execute('Requested changes', VERBS.changeResultForm, ids, { associatedInputs: 'none' }));
  }
  if (view.showMediatorActions) actions.push(execute('Read back', VERBS.meetingReadBack, ids, { associatedInputs: 'none' }));
  if (buttons) actions.push(execute('Close meeting', VERBS.meetingCloseForm, ids, { associatedInputs: 'none' }));
  return card(body, actions, { fallbackText: checklistCardText(view) });
}

/** The same checklist as plain text, for clients that cannot show the card. */
export function checklistCardText(view: ChecklistCardView): string {
  const item = (i: ChecklistItemView): string => `${i.ticked ? '[x]' : '[ ]'} ${i.label}${i.ticked && i.tickedText ? `: ${i.tickedText}` : ''}`;
  const lines = [
    `Meeting checklist: case ${view.caseReference}, session ${view.session}`,
    view.startedText,
    STRUCTURE_ONLY,
  ];
  if (view.closedText) lines.push(view.closedText);
  lines.push('Checks at the start:', ...view.guards.map(guardText));
  if (view.startedAnywayReason) lines.push(`Started anyway: ${view.startedAnywayReason}`);
  lines.push('Agenda:', ...view.agenda.map(item), 'Throughout the meeting:', ...view.crossCutting.map(item));
  lines.push(view.openBreak ? `Break: ${view.openBreak.text}` : `Breaks so far: ${view.breakCount}`);
  lines.push(`Agreed actions so far: ${view.actionCount}`);
  if (view.changesText) lines.push(view.changesText);
  return lines.join('\n');
}
