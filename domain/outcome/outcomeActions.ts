import type { Party } from '../cases';
import { actionDueDates, ownerLabel, type AgreedAction } from '../meeting';
import { defaultCalendar, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import type { OutcomeAction } from './outcomeSchema';

/**
 * The agreed actions as the outcome states them (docs/rules.md#outcome-statement): who, what, and the date
 * each is due by, statutory (T13-T15) and any date agreed in writing (T16). The dates are
 * copied into the snapshot so a published version never changes under a party's feet.
 */
export function outcomeAction(action: AgreedAction, agreementDate: IsoDate, parties: readonly Party[], calendar: Calendar = defaultCalendar): OutcomeAction {
  const base = {
    actionId: action.actionId,
    owner: ownerLabel(action.owner, parties),
    what: action.what,
    category: action.category,
  };
  try {
    const d = actionDueDates(action, agreementDate, calendar);
    return {
      ...base,
      // Only a date the rules let replace the statutory one (not the ICB's week, reg 42(4)): as the reminders count.
      ...(d.agreed !== undefined ? { agreedDueDate: d.agreed } : {}),
      tNumber: d.tNumber,
      immediately: d.immediately,
      statutory: d.statutory.map((s) => ({ ruleId: s.ruleId, step: s.step, due: s.due, lastWorkingDay: s.lastWorkingDay })),
      effective: d.effective,
      effectiveLastWorkingDay: d.effectiveLastWorkingDay,
      basis: d.basis,
    };
  } catch (error) {
    if (!isTimescaleError(error)) throw error;
    return { ...base, ...(action.agreedDueDate !== undefined ? { agreedDueDate: action.agreedDueDate } : {}), tNumber: null, immediately: false, statutory: [], dueError: error.message };
  }
}

export function outcomeActions(actions: readonly AgreedAction[], agreementDate: IsoDate, parties: readonly Party[], calendar: Calendar = defaultCalendar): OutcomeAction[] {
  return actions.map((a) => outcomeAction(a, agreementDate, parties, calendar));
}
