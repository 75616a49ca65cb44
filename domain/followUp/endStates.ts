import { CASE_TYPES } from '../caseTypes';
import type { Case, CaseState } from '../cases';
import type { IsoDate } from '../timescales';
import type { ActionProgress } from './actionProgress';

/**
 * Where a case stands once its agreed actions are being followed through
 * (docs/rules.md#case-lifecycle): after the certificate (or the outcome, for a case that
 * needs no certificate) the case is "Agreed actions under way" while any action is open,
 * then "Appeal window open" once every action is done or the appeal-by date has passed;
 * from there the mediators close it (`close case`). Undefined: no move.
 */
export function followUpState(c: Case, progress: readonly ActionProgress[], appealBy: IsoDate | undefined, today: IsoDate): CaseState | undefined {
  if (progress.length === 0) return undefined;
  const afterOutcome = c.state === 'CERTIFICATE_ISSUED' || (c.state === 'OUTCOME_ISSUED' && !CASE_TYPES[c.caseType].certificateNeeded);
  if (!afterOutcome && c.state !== 'LA_ACTIONS') return undefined;
  const finished = progress.every((p) => p.doneOn !== undefined) || (appealBy !== undefined && today > appealBy);
  const target: CaseState = finished ? 'APPEAL_WINDOW' : 'LA_ACTIONS';
  return target === c.state ? undefined : target;
}
