import { roleLabel, type Case, type ParticipantRole, type Party } from '../cases';
import type { ActionOwner } from '../meeting';
import type { Responsible } from '../timescales';
import type { Responsibility } from './deadline';

/** The party who holds the family's rights: the young person, or the parent of a child. */
export function familyRole(c: Pick<Case, 'isYoungPerson'>): ParticipantRole {
  return c.isYoungPerson ? 'young_person' : 'parent_carer';
}

/** Who a rule of the timescale table binds, as someone the bot can reach in this case. */
export function responsibleForRule(responsible: Responsible, c: Pick<Case, 'isYoungPerson'>): Responsibility {
  switch (responsible) {
    // T10 ('Provider or family'): the family writes the requested changes; the provider only passes them on.
    case 'Parent or young person':
    case 'Provider or family':
      return { kind: 'role', role: familyRole(c) };
    case 'Mediation adviser':
      return { kind: 'mediators', label: 'Mediation adviser' };
    case 'Mediator':
      return { kind: 'mediators' };
    case 'Local authority':
    case 'Local authority or ICB':
      return { kind: 'role', role: 'la_officer' };
    case 'ICB':
      return { kind: 'role', role: 'health_icb' };
  }
}

/** Who an agreed action belongs to. Someone outside the case is tracked by the mediators. */
export function responsibleForOwner(owner: ActionOwner): Responsibility {
  switch (owner.kind) {
    case 'body':
      return { kind: 'role', role: owner.body === 'local_authority' ? 'la_officer' : owner.body === 'icb' ? 'health_icb' : 'school' };
    case 'role':
      return { kind: 'role', role: owner.role };
    case 'party':
      return { kind: 'party', partyId: owner.partyId };
    case 'other':
      return { kind: 'mediators', label: owner.name };
  }
}

/** "Local authority officer", "Pat Parent (Parent or carer)", "The mediators". */
export function responsibleLabel(responsible: Responsibility, parties: readonly Party[]): string {
  switch (responsible.kind) {
    case 'role':
      return roleLabel(responsible.role);
    case 'party': {
      const party = parties.find((p) => p.partyId === responsible.partyId);
      return party ? `${party.displayName} (${roleLabel(party.role)})` : 'A former party';
    }
    case 'mediators':
      return responsible.label ? `${responsible.label} (the mediators keep track)` : 'The mediators';
  }
}

/** The parties a reminder for this responsibility goes to (mediators are not parties: the bot adds them). */
export function responsibleParties(responsible: Responsibility, parties: readonly Party[]): Party[] {
  switch (responsible.kind) {
    case 'role':
      return parties.filter((p) => p.role === responsible.role);
    case 'party':
      return parties.filter((p) => p.partyId === responsible.partyId);
    case 'mediators':
      return [];
  }
}

/**
 * Whether this person is the one a deadline asks to act: a party holding the role or named,
 * or, for the mediators' own tasks, any mediator of the case. (mayMarkDone is wider: a
 * mediator may record anyone's task as done.)
 */
export function isResponsibleFor(c: Pick<Case, 'parties' | 'mediators'>, responsible: Responsibility, aadObjectId: string): boolean {
  const me = aadObjectId.toLowerCase();
  if (responsible.kind === 'mediators') return c.mediators.some((m) => m.aadObjectId.toLowerCase() === me);
  return responsibleParties(responsible, c.parties).some((p) => p.aadObjectId?.toLowerCase() === me);
}
