import { assertMediator, isMediator, mayActAsMediator, mediatorFor, partyFor } from './authorisation';
import { CaseError } from './caseError';
import type { Case, Party } from './caseSchema';
import type { TeamsPerson } from './createCase';
import { newId, type RandomBytes } from './ids';
import { roleLabel, type ParticipantRole, type PartyRole } from './partyRoles';

/**
 * Pure changes to who is in a case. Each returns the new case, the same case object when
 * nothing changes (so a repeated click writes nothing), or a CaseError to show.
 *
 * A partyId stands for one person in one role: a role change gives the person a new
 * partyId, so an acknowledgement recorded for the old role (with its role-specific
 * confirmations) cannot count for the new one.
 */

export type PartySource = Party['how'];

export interface NewParty {
  readonly role: ParticipantRole;
  readonly displayName: string;
  readonly aadObjectId?: string;
  readonly teamsUserId?: string;
  readonly how: PartySource;
}

export function addParty(c: Case, party: NewParty, actor: string, now: Date, random?: RandomBytes): Case | CaseError {
  if (party.aadObjectId !== undefined) {
    if (isMediator(c, party.aadObjectId)) {
      return new CaseError('is_mediator', `${party.displayName} is a mediator of this case, so cannot also be a party.`);
    }
    const existing = partyFor(c, party.aadObjectId);
    if (existing?.role === party.role) return c;
    if (existing) {
      return new CaseError('already_member', `${party.displayName} is already in this case as ${roleLabel(existing.role)}.`);
    }
  }
  const added: Party = {
    partyId: newId(random),
    role: party.role,
    displayName: party.displayName,
    ...(party.aadObjectId !== undefined ? { aadObjectId: party.aadObjectId } : {}),
    ...(party.teamsUserId !== undefined ? { teamsUserId: party.teamsUserId } : {}),
    addedBy: actor,
    addedAt: now.toISOString(),
    how: party.how,
  };
  return { ...c, parties: [...c.parties, added] };
}

export function removeParty(c: Case, partyId: string): Case {
  const parties = c.parties.filter((p) => p.partyId !== partyId);
  return parties.length === c.parties.length ? c : { ...c, parties };
}

/**
 * Gives a Teams user the role chosen for them (by a mediator in the roster, or by the
 * invitation they redeemed). 'none' removes them. Co-mediators go to the mediator list.
 */
export function setMemberRole(
  c: Case,
  person: TeamsPerson,
  role: PartyRole | 'none',
  actor: string,
  now: Date,
  options: { readonly allowlist?: readonly string[]; readonly how: PartySource; readonly random?: RandomBytes },
): Case | CaseError {
  const mediator = mediatorFor(c, person.aadObjectId);
  if (mediator?.lead) {
    if (role === 'none' || role === 'co_mediator') return c;
    return new CaseError('lead_mediator', `${person.displayName} opened this case and is its lead mediator, so cannot also be a party.`);
  }
  if (role === 'co_mediator') return addCoMediator(c, person, actor, now, options.allowlist);

  // Leaving the mediator list or the old role first makes every move one code path.
  let next: Case = mediator ? { ...c, mediators: c.mediators.filter((m) => m !== mediator) } : c;
  const existing = partyFor(next, person.aadObjectId);
  if (existing?.role === role) return next;
  if (existing) next = removeParty(next, existing.partyId);
  if (role === 'none') return next;
  return addParty(
    next,
    { role, displayName: person.displayName, aadObjectId: person.aadObjectId, teamsUserId: person.teamsUserId, how: options.how },
    actor,
    now,
    options.random,
  );
}

/**
 * The lead mediator and co-mediators can add co-mediators. With an allow-list, only listed
 * people can be made co-mediators (the same list that limits who opens cases).
 */
export function addCoMediator(
  c: Case,
  person: TeamsPerson,
  actor: string,
  now: Date,
  allowlist: readonly string[] | undefined,
): Case | CaseError {
  const denied = assertMediator(c, actor);
  if (denied) return denied;
  if (isMediator(c, person.aadObjectId)) return c;
  if (!mayActAsMediator(person.aadObjectId, allowlist)) {
    return new CaseError('not_on_allowlist', `${person.displayName} is not on this service's list of mediators, so cannot be a co-mediator.`);
  }
  const asParty = partyFor(c, person.aadObjectId);
  const base = asParty ? removeParty(c, asParty.partyId) : c;
  return {
    ...base,
    mediators: [
      ...base.mediators,
      { aadObjectId: person.aadObjectId, displayName: person.displayName, lead: false, addedBy: actor, addedAt: now.toISOString() },
    ],
  };
}

/** Any mediator may remove a co-mediator; the lead mediator stays. */
export function removeCoMediator(c: Case, aadObjectId: string, actor: string): Case | CaseError {
  const denied = assertMediator(c, actor);
  if (denied) return denied;
  const mediator = mediatorFor(c, aadObjectId);
  if (!mediator) return c;
  if (mediator.lead) return new CaseError('lead_mediator', 'The lead mediator cannot be removed from the case.');
  return { ...c, mediators: c.mediators.filter((m) => m !== mediator) };
}

/**
 * After redeemInvite says 'joined': the invited person takes the invitation's role. A
 * mediator of the case is refused rather than silently turned into a party.
 */
export function joinWithInvite(c: Case, person: TeamsPerson, role: ParticipantRole, now: Date, random?: RandomBytes): Case | CaseError {
  if (isMediator(c, person.aadObjectId)) {
    return new CaseError('is_mediator', `You are a mediator of case ${c.caseReference}, so you cannot join it as ${roleLabel(role)}.`);
  }
  return setMemberRole(c, person, role, person.aadObjectId, now, { how: 'invite', ...(random ? { random } : {}) });
}
