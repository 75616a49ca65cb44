import { CASE_TYPES } from '../caseTypes';
import { CaseError } from './caseError';
import type { Case, ThreadAnchor } from './caseSchema';
import { advanceState, canTransition, CASE_STATE_LABELS, type CaseState } from './lifecycle';

/** An explicit move (e.g. cancelling); refused unless lifecycle.ts lists it. */
export function moveCase(c: Case, to: CaseState): Case | CaseError {
  if (c.state === to) return c;
  if (!canTransition(c.state, to)) {
    return new CaseError(
      'invalid_transition',
      `Case ${c.caseReference} is "${CASE_STATE_LABELS[c.state]}", so it cannot move to "${CASE_STATE_LABELS[to]}".`,
    );
  }
  return { ...c, state: to };
}

/** After dates are added, the state catches up with what is now known. */
export function withAdvancedState(c: Case): Case {
  const state = advanceState(c.state, { isDrs: CASE_TYPES[c.caseType].isDrs, ...c.dates });
  return state === c.state ? c : { ...c, state };
}

/** Set by the bot once the case card is posted: later posts reply in that thread. */
export function anchorThread(c: Case, thread: ThreadAnchor): Case {
  if (c.thread?.conversationId === thread.conversationId && c.thread.rootActivityId === thread.rootActivityId) return c;
  return { ...c, thread: { ...thread } };
}
