import { CaseError, isMediator, type Case, type Party } from '../cases';
import type { AgreedAction } from '../meeting';
import { familyRole, isResponsibleFor, responsibleForOwner, responsibleParties } from '../reminders/responsibility';

/**
 * Who may do what with an agreed action after the meeting (docs/rules.md#after-the-meeting).
 * Decided from the stored case and meeting, never from a card.
 */

/** The parties an action's card goes to: the holders of its role, or the named party. */
export function actionOwners(c: Case, action: Pick<AgreedAction, 'owner'>): Party[] {
  return responsibleParties(responsibleForOwner(action.owner), c.parties);
}

/** The owner may mark it done, post an update or report a delay; a mediator may too for owners outside the case. */
export function mayProgressAction(c: Case, action: Pick<AgreedAction, 'owner'>, aadObjectId: string): boolean {
  return isResponsibleFor(c, responsibleForOwner(action.owner), aadObjectId);
}

/** The parent or young person: who sees updates and agrees a new date. */
export function familyParties(c: Case): Party[] {
  const role = familyRole(c);
  return c.parties.filter((p) => p.role === role);
}

/**
 * Who agrees a new date: the family. The mediators record the answer instead when the family
 * itself owns the action (nobody agrees their own delay) or when there is no family in the case
 * (a DRS disagreement between bodies).
 */
export function delayDecidedByMediators(c: Case, action: Pick<AgreedAction, 'owner'>): boolean {
  const family = familyParties(c);
  const owners = new Set(actionOwners(c, action).map((p) => p.partyId));
  return family.length === 0 || family.some((p) => owners.has(p.partyId));
}

export function mayDecideDelay(c: Case, action: Pick<AgreedAction, 'owner'>, aadObjectId: string): boolean {
  if (delayDecidedByMediators(c, action)) return isMediator(c, aadObjectId);
  const me = aadObjectId.toLowerCase();
  return familyParties(c).some((p) => p.aadObjectId?.toLowerCase() === me);
}

/**
 * A delay that no agreement can move: the ICB's duty to tell the LA within a week (reg 42(4), T15)
 * is not among the limits a date agreed in writing replaces (reg 42(5) covers 42(2) and (3)).
 */
export function delayRefusal(action: Pick<AgreedAction, 'category'>): CaseError | undefined {
  return action.category === 'icb_notify_la'
    ? new CaseError('invalid_input', 'The ICB’s duty to tell the local authority what was agreed within one week (reg 42(4)) cannot be moved by agreement. Tell the mediators if it cannot be met.')
    : undefined;
}
