import { actionDueDates, type AgreedAction, type Meeting } from '../meeting';
import { isTimescaleError, type Calendar } from '../timescales';
import type { ActionProgressFact } from './facts';

/** Outcomes that end the mediation with agreed actions (as the reminders' actionDeadlines reads them). */
const AGREEMENT: ReadonlySet<string> = new Set(['full', 'partial']);

/** Actions the local authority owns: the body, or its officer in the case. */
export function isLaAction(action: Pick<AgreedAction, 'owner'>): boolean {
  return (action.owner.kind === 'body' && action.owner.body === 'local_authority') || (action.owner.kind === 'role' && action.owner.role === 'la_officer');
}

/**
 * Each LA action agreed at a final session, with the due date actionDueDates gives it (the date the
 * reminders chase) and no completion: the after-the-meeting records (storage/followUpStore.ts)
 * then give the date in force and the day it was done. An action whose date cannot be worked out
 * (outside the calendar's years) is left out.
 */
export function actionFactsFromMeetings(meetings: readonly Meeting[], calendar: Calendar): ActionProgressFact[] {
  const out: ActionProgressFact[] = [];
  for (const m of meetings) {
    const close = m.close;
    if (!close || !AGREEMENT.has(close.outcome)) continue;
    for (const action of m.actions) {
      if (!isLaAction(action)) continue;
      try {
        out.push({ caseId: m.caseId, actionId: action.actionId, dueDate: actionDueDates(action, close.agreementDate, calendar).effective });
      } catch (error) {
        if (!isTimescaleError(error)) throw error;
      }
    }
  }
  return out;
}

