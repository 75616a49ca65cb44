import type { Case } from '../../domain/cases';
import type { StartGuards } from '../../domain/meeting';
import { boardFor, type CardDeps } from '../cases/caseCards';

/**
 * The checks shown above the agenda (docs/rules.md#case-lifecycle): every party agreed the current terms,
 * the LA officer (and any ICB representative) confirmed full authority, and, in plan-content
 * cases with changes, the LA has a position on every change sent.
 */
export async function startGuardsFor(c: Case, deps: CardDeps): Promise<StartGuards> {
  const board = await boardFor(c, deps);
  const authorityRows = board.rows.filter((r) => r.authority !== undefined);
  const changeRows = board.rows.filter((r) => r.changesReviewed !== undefined && r.changesReviewed.total > 0);
  return {
    termsAgreed: board.rows.length > 0 && board.rows.every((r) => r.termsAgreed),
    authorityConfirmed: authorityRows.length > 0 && authorityRows.every((r) => r.authority === 'full'),
    ...(changeRows.length > 0 ? { changesReviewed: changeRows.every((r) => r.changesReviewed!.reviewed === r.changesReviewed!.total) } : {}),
  };
}
