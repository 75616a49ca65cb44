import { card, container, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive';

export interface ActionProgressRow {
  readonly what: string;
  readonly ownerText: string;
  readonly dueText: string;
  readonly legalLimitText?: string;
  readonly statusText: string;
  /** Overdue: said in words, not colour alone. */
  readonly overdue: boolean;
  readonly lastUpdateText?: string;
}

export interface ActionProgressListView {
  readonly caseReference: string;
  readonly rows: readonly ActionProgressRow[];
  /** "3 actions: 1 done, 1 overdue, 1 under way". */
  readonly summaryText: string;
  /** Why the list is empty. */
  readonly emptyText?: string;
}

/** `actions` in a case thread: every agreed action's state for the mediators. */
export function actionProgressListCard(v: ActionProgressListView): AdaptiveCard {
  const body: CardElement[] = [heading(`Agreed actions: case ${v.caseReference}`), text(v.emptyText ?? v.summaryText)];
  v.rows.forEach((r, i) => {
    const pairs: [string, string][] = [
      ['Who', r.ownerText],
      ['Due', r.dueText],
      ...(r.legalLimitText ? ([['Legal limit', r.legalLimitText]] as [string, string][]) : []),
      ['Status', r.overdue ? `OVERDUE: ${r.statusText}` : r.statusText],
      ...(r.lastUpdateText ? ([['Last update', r.lastUpdateText]] as [string, string][]) : []),
    ];
    body.push(container([text(`**${i + 1}.** ${r.what}`), facts(pairs)], { separator: true, ...(r.overdue ? { style: 'attention' as const } : {}) }));
  });
  return card(body, [], { fallbackText: `Agreed actions for case ${v.caseReference}: ${v.summaryText}` });
}
