import { ANSWER_LABELS, slotText, type Answer, type GridRow, type Slot } from '../domain/poll';
import { actionSet, card, container, execute, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

export interface PollGridView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly respondents: readonly string[];
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
  return card(body);
}
