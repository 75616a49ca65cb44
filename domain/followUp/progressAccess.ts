import { isMediator, type Case, type Party } from '../cases';
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
 * Who agrees a new date: the family; in a disagreement between bodies with no family in the
 * case (DRS), the mediators record it for the parties.
 */
export function mayDecideDelay(c: Case, aadObjectId: string): boolean {
  const family = familyParties(c);
  if (family.length === 0) return isMediator(c, aadObjectId);
  const me = aadObjectId.toLowerCase();
  return family.some((p) => p.aadObjectId?.toLowerCase() === me);
}
