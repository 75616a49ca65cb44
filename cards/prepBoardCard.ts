import {
  positionCountsText,
  preparationStatusLine,
  type Authority,
  type BoardRow,
  type PreparationBoard,
  type PreparationState,
} from '../domain/preparation';
import { formatDate } from '../domain/timescales';
import { card, container, execute, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * The mediator's preparation board. Blockers come first, in the attention colour and each
 * starting with the word "Blocker" (colour alone is lost on some screens and to some
 * readers); then warnings; then one line per party.
 */
export interface BoardRowView {
  readonly displayName: string;
  readonly roleLabel: string;
  readonly ready: boolean;
  /** "Terms: agreed · Preparation: 3 of 7 answered · Authority: full · Changes reviewed: 2 of 5". */
  readonly detail: string;
}

export interface PrepBoardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly statusLine: string;
  readonly meetingText?: string;
  readonly blockers: readonly string[];
  readonly warnings: readonly string[];
  readonly rows: readonly BoardRowView[];
  /** Plan-content cases: "2 agree, 0 decline, …". */
  readonly changesText?: string;
}

const PREPARATION_TEXT: Readonly<Record<PreparationState, string>> = {
  complete: 'complete',
  in_progress: 'in progress',
  not_started: 'not started',
  not_needed: 'not needed',
};

const AUTHORITY_TEXT: Readonly<Record<Authority, string>> = {
  full: 'full',
  limited: 'LIMITED',
  not_confirmed: 'not confirmed',
};

function rowDetail(r: BoardRow): string {
  const parts = [`Terms: ${r.termsText.toLowerCase()}`];
  if (r.preparation !== 'not_needed') {
    parts.push(`Preparation: ${r.preparation === 'complete' ? 'complete' : `${PREPARATION_TEXT[r.preparation]}, ${r.answered} of ${r.questions} answered`}`);
  }
  if (r.authority) parts.push(`Authority: ${AUTHORITY_TEXT[r.authority]}`);
  if (r.changesReviewed && r.changesReviewed.total > 0) parts.push(`Changes reviewed: ${r.changesReviewed.reviewed} of ${r.changesReviewed.total}`);
  return parts.join(' · ');
}

export function toPrepBoardView(board: PreparationBoard): PrepBoardView {
  return {
    caseId: board.caseId,
    caseReference: board.caseReference,
    statusLine: preparationStatusLine(board),
    ...(board.meetingDate ? { meetingText: `Meeting on ${formatDate(board.meetingDate)}` } : {}),
    blockers: board.blockers.map((b) => b.detail),
    warnings: board.warnings.map((w) => w.detail),
    rows: board.rows.map((r) => ({ displayName: r.displayName, roleLabel: r.roleLabel, ready: r.ready, detail: rowDetail(r) })),
    ...(board.changes ? { changesText: `Requested changes: ${board.changes.total} in all, ${board.changes.drafts.length} not sent; ${positionCountsText(board.changes.counts)}.` } : {}),
  };
}

export function prepBoardText(view: PrepBoardView): string {
  return [
    `Preparation for case ${view.caseReference}: ${view.statusLine}`,
    ...view.blockers.map((b) => `Blocker: ${b}`),
    ...view.warnings.map((w) => `Check: ${w}`),
    ...view.rows.map((r) => `- ${r.displayName}, ${r.roleLabel}: ${r.ready ? 'ready' : 'not ready'}. ${r.detail}`),
    ...(view.changesText ? [view.changesText] : []),
  ].join('\n');
}

export function prepBoardCard(view: PrepBoardView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Preparation: case ${view.caseReference}`),
    text([view.statusLine, view.meetingText].filter(Boolean).join(' · '), { isSubtle: true, spacing: 'none' }),
  ];
  if (view.blockers.length > 0) {
    body.push(
      container(
        [
          heading(`Blockers (${view.blockers.length})`, 'default'),
          ...view.blockers.map((b) => text(`Blocker: ${b}`, { spacing: 'small' })),
        ],
        { style: 'attention' },
      ),
    );
  } else {
    body.push(text('No blockers.', { weight: 'bolder' }));
  }
  if (view.warnings.length > 0) {
    body.push(container(view.warnings.map((w) => text(`Check: ${w}`, { spacing: 'small' })), { style: 'warning' }));
  }
  body.push(heading('Parties', 'default'));
  if (view.rows.length === 0) body.push(text('No parties added yet.', { isSubtle: true }));
  for (const r of view.rows) {
    body.push(
      text(`${r.ready ? 'Ready' : 'Not ready'}: ${r.displayName}, ${r.roleLabel}`, { weight: 'bolder', spacing: 'medium' }),
      text(r.detail, { isSubtle: true, spacing: 'none' }),
    );
  }
  if (view.changesText) body.push(text(view.changesText, { spacing: 'medium' }));

  const actions: CardAction[] = [execute('Refresh', VERBS.prepBoard, { caseId: view.caseId })];
  if (view.changesText) actions.push(execute('Requested changes', VERBS.changesSummary, { caseId: view.caseId }));
  return card(body, actions, { fallbackText: prepBoardText(view) });
}
