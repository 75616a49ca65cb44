import { z } from 'zod';
import { PARTICIPANT_ROLES, roleLabel, type Party, type ParticipantRole } from '../cases';

/**
 * Who will do an agreed action: a body (most actions), a role in the case ("Parent or
 * carer"), one named party, or a short description for anyone else ("The family's GP").
 * Bodies and roles are codes so a stored action does not depend on today's wording.
 */
export const OWNER_BODIES = ['local_authority', 'icb', 'school'] as const;
export type OwnerBody = (typeof OWNER_BODIES)[number];

export const OWNER_BODY_LABELS: Readonly<Record<OwnerBody, string>> = {
  local_authority: 'Local authority',
  icb: 'ICB',
  school: 'School',
};

export const OWNER_OTHER_MAX = 80;

export const ActionOwnerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('body'), body: z.enum(OWNER_BODIES) }),
  z.object({ kind: z.literal('role'), role: z.enum(PARTICIPANT_ROLES as [ParticipantRole, ...ParticipantRole[]]) }),
  z.object({ kind: z.literal('party'), partyId: z.string().min(1) }),
  z.object({ kind: z.literal('other'), name: z.string().min(1).max(OWNER_OTHER_MAX) }),
]);
export type ActionOwner = z.infer<typeof ActionOwnerSchema>;

/** The value the form's "Other" choice sends; the name comes from its own text input. */
export const OWNER_OTHER_VALUE = 'other';

/** The value of the form's owner choice for an owner (the inverse of parseOwnerChoice). */
export function ownerChoiceValue(owner: ActionOwner): string {
  switch (owner.kind) {
    case 'body':
      return `body:${owner.body}`;
    case 'role':
      return `role:${owner.role}`;
    case 'party':
      return `party:${owner.partyId}`;
    case 'other':
      return OWNER_OTHER_VALUE;
  }
}

export interface OwnerChoice {
  readonly title: string;
  readonly value: string;
}

/**
 * The owner picker: the three bodies, then the roles present in the case (each once, in
 * the case's order), then "Other". Roles rather than people: an action belongs to whoever
 * holds the role, and a role survives a change of officer.
 */
export function ownerChoices(parties: readonly Party[]): OwnerChoice[] {
  const roles = [...new Set(parties.map((p) => p.role))].filter((r) => r !== 'la_officer' && r !== 'school' && r !== 'health_icb');
  return [
    ...OWNER_BODIES.map((body) => ({ title: OWNER_BODY_LABELS[body], value: `body:${body}` })),
    ...roles.map((role) => ({ title: roleLabel(role), value: `role:${role}` })),
    { title: 'Other (type who below)', value: OWNER_OTHER_VALUE },
  ];
}

/** "Local authority", "Parent or carer", "Pat Parent", or the typed name. */
export function ownerLabel(owner: ActionOwner, parties: readonly Party[]): string {
  switch (owner.kind) {
    case 'body':
      return OWNER_BODY_LABELS[owner.body];
    case 'role':
      return roleLabel(owner.role);
    case 'party': {
      const party = parties.find((p) => p.partyId === owner.partyId);
      return party ? `${party.displayName} (${roleLabel(party.role)})` : 'A former party';
    }
    case 'other':
      return owner.name;
  }
}

/** What a statutory clock needs of the owner (see actionCategories.ts `owner`). */
export function isLocalAuthority(owner: ActionOwner, parties: readonly Party[]): boolean {
  return ownerRole(owner, parties) === 'la_officer' || (owner.kind === 'body' && owner.body === 'local_authority');
}

export function isIcb(owner: ActionOwner, parties: readonly Party[]): boolean {
  return ownerRole(owner, parties) === 'health_icb' || (owner.kind === 'body' && owner.body === 'icb');
}

function ownerRole(owner: ActionOwner, parties: readonly Party[]): ParticipantRole | undefined {
  if (owner.kind === 'role') return owner.role;
  if (owner.kind === 'party') return parties.find((p) => p.partyId === owner.partyId)?.role;
  return undefined;
}

/**
 * Reads a body, role or party choice of the form ("Other" takes its name from a text input,
 * so the form's validation reads it). A party must be in the case; anything unrecognised is
 * refused, since choice values come from the client.
 */
export function parseOwnerChoice(value: string, parties: readonly Party[]): ActionOwner | undefined {
  const [kind, code] = splitOnce(value);
  if (kind === 'body') {
    const body = OWNER_BODIES.find((b) => b === code);
    return body ? { kind: 'body', body } : undefined;
  }
  if (kind === 'role') {
    const role = PARTICIPANT_ROLES.find((r) => r === code);
    return role ? { kind: 'role', role } : undefined;
  }
  if (kind === 'party') return parties.some((p) => p.partyId === code) ? { kind: 'party', partyId: code } : undefined;
  return undefined;
}

function splitOnce(value: string): [string, string] {
  const at = value.indexOf(':');
  return at < 0 ? [value, ''] : [value.slice(0, at), value.slice(at + 1)];
}
