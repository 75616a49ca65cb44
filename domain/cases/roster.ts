import { cardSubmission } from '../cardSubmission';
import { assertMediator, isLeadMediator, mediatorFor, partyFor } from './authorisation';
import { isCaseError, type CaseError } from './caseError';
import type { Case } from './caseSchema';
import type { TeamsPerson } from './createCase';
import type { RandomBytes } from './ids';
import { isPartyRole, type PartyRole } from './partyRoles';
import { setMemberRole } from './parties';

/**
 * Role assignment from the team roster, a page at a time: a long roster in one card would
 * pass the 25 KB limit and be hard to use on a phone.
 */
export const ROSTER_PAGE_SIZE = 8;

export type RosterRole = PartyRole | 'none';

export interface RosterPage<T> {
  readonly items: readonly T[];
  /** Clamped into range, so a stale card asking for a page that no longer exists still works. */
  readonly page: number;
  readonly pageCount: number;
  readonly total: number;
}

export function rosterPage<T>(members: readonly T[], page: number, size = ROSTER_PAGE_SIZE): RosterPage<T> {
  const pageCount = Math.max(1, Math.ceil(members.length / size));
  const safe = Number.isInteger(page) ? Math.min(Math.max(page, 0), pageCount - 1) : 0;
  return { items: members.slice(safe * size, (safe + 1) * size), page: safe, pageCount, total: members.length };
}

/** The input id of a member's role picker; the AAD object id is a GUID, safe in an id. */
export function roleInputId(aadObjectId: string): string {
  return `role_${aadObjectId}`;
}

/** What the member currently is in the case, for pre-selecting their picker. */
export function currentRole(c: Case, aadObjectId: string): RosterRole | 'lead_mediator' {
  if (isLeadMediator(c, aadObjectId)) return 'lead_mediator';
  if (mediatorFor(c, aadObjectId)) return 'co_mediator';
  return partyFor(c, aadObjectId)?.role ?? 'none';
}

export interface RoleAssignment {
  readonly member: TeamsPerson;
  readonly role: RosterRole;
}

/**
 * Reads the pickers of a submitted roster page. Only members of the roster the bot fetched
 * itself count: an id typed into the payload by hand is ignored, and the display name
 * comes from Teams, not from the card.
 */
export function parseRoleAssignments(data: unknown, roster: readonly TeamsPerson[]): RoleAssignment[] {
  const submitted = cardSubmission(data);
  const out: RoleAssignment[] = [];
  for (const member of roster) {
    const value = submitted[roleInputId(member.aadObjectId)];
    if (value === 'none' || isPartyRole(value)) out.push({ member, role: value });
  }
  return out;
}

/** Applies a page of assignments; the first refusal stops the page so nothing half-applies. */
export function applyRoleAssignments(
  c: Case,
  assignments: readonly RoleAssignment[],
  actor: string,
  now: Date,
  options: { readonly allowlist?: readonly string[]; readonly random?: RandomBytes } = {},
): Case | CaseError {
  const denied = assertMediator(c, actor);
  if (denied) return denied;
  let next = c;
  for (const { member, role } of assignments) {
    const r = setMemberRole(next, member, role, actor, now, { ...options, how: 'roster' });
    if (isCaseError(r)) return r;
    next = r;
  }
  return next;
}
