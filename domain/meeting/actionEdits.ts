import { CaseError, ID_PATTERN, type Case } from '../cases';
import { ACTIONS_MAX, type ActionInput, type AgreedAction } from './agreedAction';
import { assertMayChangeMeeting } from './meetingAccess';
import type { Meeting } from './meetingSchema';

/**
 * Adding, editing and removing agreed actions while the meeting runs (mediators only).
 * Each returns the new meeting, the same meeting when nothing changes (so a repeated click
 * writes nothing), or a CaseError to show. Once the meeting closes the actions are the
 * agreement and are no longer edited here.
 */

function sameOwner(a: AgreedAction['owner'], b: AgreedAction['owner']): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameContent(action: AgreedAction, input: ActionInput): boolean {
  return (
    sameOwner(action.owner, input.owner) &&
    action.what === input.what &&
    action.category === input.category &&
    action.agreedDueDate === input.agreedDueDate
  );
}

function content(input: ActionInput): ActionInput {
  return {
    owner: input.owner,
    what: input.what,
    category: input.category,
    ...(input.agreedDueDate !== undefined ? { agreedDueDate: input.agreedDueDate } : {}),
  };
}

/** The action as numbered for people: its place in the list, from 1. */
export function actionNumber(meeting: Meeting, actionId: string): number | undefined {
  const i = meeting.actions.findIndex((a) => a.actionId === actionId);
  return i < 0 ? undefined : i + 1;
}

/**
 * Adds an action under the id the form was given. The same id with the same content is a
 * repeated submission and changes nothing; the same id with other content is refused
 * (editAction changes an action).
 */
export function addAction(c: Case, meeting: Meeting, actor: string, actionId: string, input: ActionInput, now: Date): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  if (!ID_PATTERN.test(actionId)) return new CaseError('invalid_input', 'That form is out of date. Open "Add action" again.');
  const existing = meeting.actions.find((a) => a.actionId === actionId);
  if (existing) {
    return sameContent(existing, input) ? meeting : new CaseError('invalid_input', 'That action has already been added. Edit it from the read-back.');
  }
  if (meeting.actions.length >= ACTIONS_MAX) {
    return new CaseError('invalid_input', `This meeting already has ${ACTIONS_MAX} agreed actions, the most one meeting can record. Combine some of them.`);
  }
  const added: AgreedAction = { actionId, ...content(input), addedAt: now.toISOString(), addedBy: actor };
  return { ...meeting, actions: [...meeting.actions, added] };
}

export function editAction(c: Case, meeting: Meeting, actor: string, actionId: string, input: ActionInput, now: Date): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  const existing = meeting.actions.find((a) => a.actionId === actionId);
  if (!existing) return new CaseError('not_found', 'That action has been removed. Add it again if it is still agreed.');
  if (sameContent(existing, input)) return meeting;
  const edited: AgreedAction = {
    actionId,
    ...content(input),
    addedAt: existing.addedAt,
    addedBy: existing.addedBy,
    updatedAt: now.toISOString(),
    updatedBy: actor,
  };
  return { ...meeting, actions: meeting.actions.map((a) => (a === existing ? edited : a)) };
}

/** What `action.save` does: the form carries a stable action id, so saving adds it the first time and edits it after. */
export function saveAction(c: Case, meeting: Meeting, actor: string, actionId: string, input: ActionInput, now: Date): Meeting | CaseError {
  return meeting.actions.some((a) => a.actionId === actionId)
    ? editAction(c, meeting, actor, actionId, input, now)
    : addAction(c, meeting, actor, actionId, input, now);
}

/** Removing an action that is already gone changes nothing (a repeated click). */
export function removeAction(c: Case, meeting: Meeting, actor: string, actionId: string): Meeting | CaseError {
  const refused = assertMayChangeMeeting(c, meeting, actor);
  if (refused) return refused;
  const actions = meeting.actions.filter((a) => a.actionId !== actionId);
  return actions.length === meeting.actions.length ? meeting : { ...meeting, actions };
}
