import { isMediator, partyFor } from '../cases/authorisation';
import { CaseError } from '../cases/caseError';
import type { Case, Party } from '../cases/caseSchema';
import { newId, type RandomBytes } from '../cases/ids';
import type { ParticipantRole } from '../cases/partyRoles';
import type { ChangeInput } from './changeInput';
import { changesClosed } from './meetingStart';
import { POSITION_HISTORY_MAX, type NewRequestedChange, type RequestedChange } from './requestedChange';

/**
 * Entering, editing and sending requested changes. Each function is pure: it returns the
 * new change, the same change when nothing changes (a repeated click writes nothing), or a
 * CaseError to show. Authorisation uses the caller's Teams identity against the case.
 */

/** Who asks for changes: the family side (docs/rules.md#preparation-and-requested-changes "Parent, YP or advocate"). */
export const REQUESTER_ROLES: ReadonlySet<ParticipantRole> = new Set<ParticipantRole>(['parent_carer', 'young_person', 'advocate']);

export function requesterParties(c: Case): Party[] {
  return c.parties.filter((p) => REQUESTER_ROLES.has(p.role));
}

function requesterFor(c: Case, actor: string, chosen: string | undefined): Party | CaseError {
  const self = partyFor(c, actor);
  if (self && REQUESTER_ROLES.has(self.role)) return self;
  if (!isMediator(c, actor)) {
    return new CaseError('not_allowed', `Only the family, their advocate or a mediator of case ${c.caseReference} can enter requested changes.`);
  }
  const candidates = requesterParties(c);
  if (candidates.length === 0) return new CaseError('invalid_input', 'Add the parent or young person to the case first: a change is asked for by one of them.');
  const picked = chosen !== undefined ? candidates.find((p) => p.partyId === chosen) : candidates.length === 1 ? candidates[0] : undefined;
  return picked ?? new CaseError('invalid_input', 'Choose who is asking for this change.');
}

/** Mediators and the family side may edit or send; the card re-checks nothing it was sent. */
export function assertMayEditChanges(c: Case, actor: string): CaseError | undefined {
  const self = partyFor(c, actor);
  if (isMediator(c, actor) || (self && REQUESTER_ROLES.has(self.role))) return undefined;
  return new CaseError('not_allowed', `Only the family, their advocate or a mediator of case ${c.caseReference} can change requested changes.`);
}

/** A new draft change; storage gives it its number. */
export function createChange(c: Case, input: ChangeInput, actor: string, now: Date, random?: RandomBytes): NewRequestedChange | CaseError {
  const closed = changesClosed(c, now);
  if (closed) return closed;
  const requester = requesterFor(c, actor, input.requestedBy);
  if (requester instanceof CaseError) return requester;
  const at = now.toISOString();
  return {
    changeId: newId(random),
    caseId: c.id,
    section: input.section,
    location: input.location,
    currentWording: input.currentWording,
    requestedWording: input.requestedWording,
    reason: input.reason,
    evidenceRefs: [...input.evidenceRefs],
    requestedBy: { partyId: requester.partyId, displayName: requester.displayName },
    enteredBy: actor,
    positionHistory: [],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Edits a change until the meeting starts. Editing a change the LA already has re-sends it
 * (the LA must see the new version, and its timing counts from now); if the wording or its
 * place in the plan changed, the LA's position no longer applies and is cleared, with the
 * clearing kept in the history.
 */
export function editChange(c: Case, change: RequestedChange, input: ChangeInput, actor: string, now: Date): RequestedChange | CaseError {
  if (change.caseId !== c.id) return new CaseError('not_found', 'That change belongs to another case.');
  const closed = changesClosed(c, now);
  if (closed) return closed;
  const denied = assertMayEditChanges(c, actor);
  if (denied) return denied;
  const requester = input.requestedBy !== undefined && isMediator(c, actor) ? requesterFor(c, actor, input.requestedBy) : undefined;
  if (requester instanceof CaseError) return requester;

  const wordingChanged =
    input.section !== change.section ||
    input.location !== change.location ||
    input.currentWording !== change.currentWording ||
    input.requestedWording !== change.requestedWording;
  const requesterChanged = requester !== undefined && requester.partyId !== change.requestedBy.partyId;
  if (!wordingChanged && !requesterChanged && input.reason === change.reason && sameList(input.evidenceRefs, change.evidenceRefs)) return change;

  const at = now.toISOString();
  const next: RequestedChange = {
    ...change,
    section: input.section,
    location: input.location,
    currentWording: input.currentWording,
    requestedWording: input.requestedWording,
    reason: input.reason,
    evidenceRefs: [...input.evidenceRefs],
    ...(requester ? { requestedBy: { partyId: requester.partyId, displayName: requester.displayName } } : {}),
    updatedAt: at,
    ...(change.sentAt !== undefined ? { sentAt: at } : {}),
  };
  if (!wordingChanged || change.laPosition === undefined) return next;
  const { laPosition: _position, laPositionNote: _note, ...withoutPosition } = next;
  return {
    ...withoutPosition,
    positionHistory: [...change.positionHistory, { position: null, by: actor, at, reason: 'wording_changed' as const }].slice(-POSITION_HISTORY_MAX),
  };
}

/** Sends a draft to the LA officer; a change already sent is left as it is. */
export function sendChange(c: Case, change: RequestedChange, actor: string, now: Date): RequestedChange | CaseError {
  if (change.caseId !== c.id) return new CaseError('not_found', 'That change belongs to another case.');
  if (change.sentAt !== undefined) return change;
  const closed = changesClosed(c, now);
  if (closed) return closed;
  const denied = assertMayEditChanges(c, actor);
  if (denied) return denied;
  const at = now.toISOString();
  return { ...change, sentAt: at, updatedAt: at };
}
