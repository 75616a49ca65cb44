import { actionDueDates, isLocalAuthority } from '../meeting';
import { AGREEMENT_OUTCOMES } from '../reminders/meetingDeadlines';
import { isTimescaleError, type Calendar } from '../timescales';
import type { ActionProgressFact } from './facts';
import type { ServiceSession } from './serviceRecord';

/**
 * Each LA action agreed at a final session, with the due date actionDueDates gives it (the date the
 * reminders chase) and no completion: the after-the-meeting records (storage/followUpStore.ts)
 * then give the date in force and the day it was done. An action whose date cannot be worked out
 * (outside the calendar's years) is left out.
 */
export function actionFactsFromMeetings(meetings: readonly ServiceSession[], calendar: Calendar): ActionProgressFact[] {
  const out: ActionProgressFact[] = [];
  for (const m of meetings) {
    const close = m.close;
    if (!close || !AGREEMENT_OUTCOMES.has(close.outcome)) continue;
    for (const action of m.actions) {
      if (!isLocalAuthority(action.owner, [])) continue;
      try {
        out.push({ caseId: m.caseId, actionId: action.actionId, dueDate: actionDueDates(action, close.agreementDate, calendar).effective });
      } catch (error) {
        if (!isTimescaleError(error)) throw error;
      }
    }
  }
  return out;
}

