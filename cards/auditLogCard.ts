import type { AuditLine } from '../domain/audit';
import { actionSet, card, container, execute, heading, text, type AdaptiveCard, type CardAction } from './adaptive';
import { VERBS } from './verbs';

/**
 * The `audit` card: a case's audit log, newest first, a page at a time, each entry in words
 * ("Priya Shah (Local authority officer) viewed the outcome in a 1:1 chat, Thu 3 Dec 2026 at 14:05").
 */
export interface AuditLogCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly lines: readonly AuditLine[];
  /** The cursor of the next, older page; absent on the last page. */
  readonly older?: string;
  /** True when this is not the newest page (offers a way back). */
  readonly paged: boolean;
  readonly total: number;
}

export function sentenceOf(line: AuditLine): string {
  return `**${line.who}** ${line.what}${line.where ? ` ${line.where}` : ''}, ${line.when}`;
}

export function auditLogCard(view: AuditLogCardView): AdaptiveCard {
  const body = [
    heading(`Audit log: case ${view.caseReference}`),
    text(`${view.total} ${view.total === 1 ? 'entry' : 'entries'} in all, newest first. Every view and change of the case is here; names are as the case holds them today.`, { isSubtle: true }),
    container(
      view.lines.length ? view.lines.map((l, i) => text(sentenceOf(l), { separator: i > 0, spacing: 'small' })) : [text('No entries yet.')],
      { spacing: 'medium' },
    ),
  ];
  const actions: CardAction[] = [];
  if (view.older) actions.push(execute('Older entries', VERBS.auditPage, { caseId: view.caseId, before: view.older }));
  if (view.paged) actions.push(execute('Newest entries', VERBS.auditPage, { caseId: view.caseId }));
  return card(actions.length ? [...body, actionSet(actions)] : body);
}
