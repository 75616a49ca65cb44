import { ANSWER_LABELS, ANSWERS, slotText, type Answer, type GridRow, type Slot } from '../domain/poll';
import { actionSet, card, container, execute, heading, nonEmptyChoices, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { VERBS } from './verbs';

export interface PollGridView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly respondents: readonly string[];
  /** Whose answers a mediator may record (key and name), for people who cannot use cards. */
  readonly recordFor?: readonly { readonly key: string; readonly name: string }[];
  /** Best first (pollGrid). */
  readonly rows: readonly GridRow[];
  readonly lateReason?: string;
  readonly chosen?: Slot;
}

function cellText(a: Answer | undefined): string {
  return a ? ANSWER_LABELS[a] : 'Not answered';
}

/** The mediators' live view in the case thread: slots by party, best first, inside the limit first, with Pick. */
export function pollGridCard(view: PollGridView): AdaptiveCard {
  const body: CardElement[] = [heading(`Date poll for case ${view.caseReference}`, 'default')];
  if (view.chosen) body.push(container([text(`Picked: **${slotText(view.chosen)}**. The poll is closed.`, { weight: 'bolder' })], { style: 'good' }));
  if (view.lateReason) body.push(text(`Late slots offered because: ${view.lateReason}`, { isSubtle: true }));
  view.rows.forEach((row, i) => {
    const items: CardElement[] = [
      text(`${i + 1}. **${slotText(row.slot)}**`),
      text(`Can: ${row.yes}, if needed: ${row.ifNeeded}, cannot: ${row.no}, not answered: ${row.unanswered}`, { size: 'small', spacing: 'none' }),
      ...view.respondents.map((name, j) => text(`${name}: ${cellText(row.cells[j])}`, { size: 'small', spacing: 'none', isSubtle: row.cells[j] === undefined })),
    ];
    if (!view.chosen) items.push(actionSet([execute(`Pick ${slotText(row.slot)}`, VERBS.pollPick, { caseId: view.caseId, slotId: row.slot.slotId })]));
    body.push(container(items, { separator: true, spacing: 'medium', ...(row.slot.daysLate > 0 ? { style: 'warning' as const } : {}) }));
  });
  const actions: CardAction[] = [];
  if (!view.chosen && view.recordFor && view.recordFor.length > 0) {
    const slots = [...view.rows].map((r) => r.slot).sort((a, b) => a.slotId.localeCompare(b.slotId));
    actions.push({
      type: 'Action.ShowCard',
      title: "Record someone's answers",
      card: {
        type: 'AdaptiveCard',
        body: [
          text('For someone who cannot use cards: record what they told you. The record keeps that you entered it.', { isSubtle: true }),
          {
            type: 'Input.ChoiceSet', id: 'respondent', label: 'Whose answers', style: 'compact', placeholder: 'Choose a person', isRequired: true,
            errorMessage: 'Choose whose answers you are recording.', choices: nonEmptyChoices(view.recordFor.map((r) => ({ title: r.name, value: r.key })), 'people'),
          },
          ...slots.map((slot): CardElement => ({
            type: 'Input.ChoiceSet', id: `answer_${slot.slotId}`, label: slotText(slot), style: 'expanded', wrap: true,
            choices: nonEmptyChoices(ANSWERS.map((a) => ({ title: ANSWER_LABELS[a], value: a })), 'answers'),
          })),
        ],
        actions: [execute('Save their answers', VERBS.pollAnswer, { caseId: view.caseId })],
      },
    });
  }
  return card(body, actions);
}
