import { card, execute, facts, heading, text, type AdaptiveCard, type CardAction } from './adaptive';
import { VERBS } from './verbs';

/** What the mediator sees after ending a case (or undoing the end). */
export interface CaseEndedView {
  readonly caseId: string;
  readonly caseReference: string;
  /** "Closed", "Withdrawn", "Cancelled", or the state it went back to after an undo. */
  readonly stateLabel: string;
  readonly reasonText?: string;
  readonly dateText?: string;
  /** "Thu 17 Dec 2026": present while an undo is allowed. */
  readonly undoUntilText?: string;
  /** The end the Undo button reverses (its instant and kind). */
  readonly ended?: { readonly at: string; readonly kind: string };
}

export function caseEndedCard(view: CaseEndedView): AdaptiveCard {
  const rows: [string, string][] = [['Now', view.stateLabel]];
  if (view.reasonText) rows.push(['Reason', view.reasonText]);
  if (view.dateText) rows.push(['Date', view.dateText]);
  const actions: CardAction[] = [];
  if (view.undoUntilText && view.ended) actions.push(execute('Undo', VERBS.caseEndUndo, { caseId: view.caseId, endedAt: view.ended.at, kind: view.ended.kind }));
  return card(
    [
      heading(`Case ${view.caseReference}`),
      facts(rows),
      ...(view.undoUntilText ? [text(`A mediator can undo this until ${view.undoUntilText}.`, { isSubtle: true })] : []),
    ],
    actions,
  );
}
