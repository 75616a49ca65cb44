import { CaseError, type Case } from '../cases';
import { isChecklistItemId, type ChecklistItemId } from './agenda';
import { assertMayChangeMeeting } from './meetingAccess';
import type { Meeting } from './meetingSchema';

/**
 * Ticks (`on`) or unticks an item of the checklist. Ticking a ticked item, or unticking
 * an unticked one, returns the same record, so a repeated or replayed click writes nothing
 * and keeps the first tick's time. The card sends the direction, never "toggle", for that
 * reason.
 */
export function tickItem(c: Case, meeting: Meeting, actor: string, itemId: string, on: boolean, now: Date): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  if (!isChecklistItemId(itemId)) return new CaseError('invalid_input', 'That checklist item does not exist. Open the checklist again.');
  const ticked = meeting.ticks[itemId] !== undefined;
  if (ticked === on) return meeting;
  const ticks: Meeting['ticks'] = { ...meeting.ticks };
  if (on) ticks[itemId] = { tickedAt: now.toISOString(), tickedBy: actor };
  else delete ticks[itemId];
  return { ...meeting, ticks };
}

/** Checklist items not ticked yet, in checklist order (for the close form's reminder). */
export function untickedItems(meeting: Meeting, ids: readonly ChecklistItemId[]): ChecklistItemId[] {
  return ids.filter((id) => meeting.ticks[id] === undefined);
}
