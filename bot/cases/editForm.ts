import { createHash } from 'node:crypto';
import { editCaseFormCard } from '../../cards/editCaseFormCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import { editFormValues, type Case, type ClockMove, type NewCaseErrors, type NewCaseFormValues } from '../../domain/cases';

/** The edit form for a case: pre-filled from what is stored, or with what was submitted and its problems. */
export function editFormFor(c: Case, submitted?: { values: NewCaseFormValues; errors?: NewCaseErrors; moves?: readonly ClockMove[] }): AdaptiveCard {
  const moves = submitted?.moves ?? [];
  return editCaseFormCard({
    caseId: c.id,
    caseReference: c.caseReference,
    values: submitted ? { ...submitted.values, caseReference: c.caseReference } : editFormValues(c),
    ...(submitted?.errors ? { errors: submitted.errors } : {}),
    ...(moves.length > 0 ? { clockMoves: { lines: moves.map((m) => m.text), token: clockMovesToken(moves) } } : {}),
  });
}

/**
 * What "Save and move the deadlines" confirms: the moves the mediator was shown. Different
 * values, or another mediator's save in between, give different moves and ask again.
 */
export function clockMovesToken(moves: readonly ClockMove[]): string {
  return createHash('sha256')
    .update(JSON.stringify(moves.map((m) => [m.ruleId, m.from ?? '', m.to ?? ''])))
    .digest('base64url')
    .slice(0, 16);
}
