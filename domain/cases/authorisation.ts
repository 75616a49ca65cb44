import { CaseError } from './caseError';
import type { Case, Mediator, Party } from './caseSchema';
import { tenantOfProvider } from './caseReference';

/**
 * Who may do what in a case (docs/roles.md). Every check uses the caller's Teams identity
 * (`from.aadObjectId`) against the roles stored in the case, never anything a card sent.
 */

/** AAD object ids are GUIDs; Teams is not consistent about their case. */
function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

export function mediatorFor(c: Pick<Case, 'mediators'>, aadObjectId: string): Mediator | undefined {
  return c.mediators.find((m) => sameId(m.aadObjectId, aadObjectId));
}

export function isMediator(c: { readonly mediators: readonly Pick<Mediator, 'aadObjectId'>[] }, aadObjectId: string): boolean {
  return c.mediators.some((m) => sameId(m.aadObjectId, aadObjectId));
}

export function isLeadMediator(c: Case, aadObjectId: string): boolean {
  return mediatorFor(c, aadObjectId)?.lead === true;
}

export function partyFor(c: Case, aadObjectId: string): Party | undefined {
  return c.parties.find((p) => sameId(p.aadObjectId, aadObjectId));
}

/**
 * What anyone who is not a mediator or party of the case is told, whatever the reason: never a
 * name, a role or the case reference (they may hold ids they should not have).
 */
export const STRANGER_REFUSAL = "You can't use this card.";

/** The case's own refusal for its members; the bare one for everybody else. */
export function refusalText(c: Case, aadObjectId: string, detailed: string): string {
  return canViewCase(c, aadObjectId) ? detailed : STRANGER_REFUSAL;
}

/** True when the request comes from the tenant the case was opened in (an unknown tenant never matches). */
export function sameTenant(c: Pick<Case, 'providerKey'>, tenantId: string | undefined): boolean {
  return tenantId !== undefined && tenantId.toLowerCase() === tenantOfProvider(c.providerKey).toLowerCase();
}

/** Mediators and parties can see a case; nobody else learns it exists. */
export function canViewCase(c: Case, aadObjectId: string): boolean {
  return isMediator(c, aadObjectId) || partyFor(c, aadObjectId) !== undefined;
}

/** Everyone attached to a case, for the storage index behind "my cases". */
export function memberIdsOf(c: Case): string[] {
  const ids = [...c.mediators.map((m) => m.aadObjectId), ...c.parties.flatMap((p) => (p.aadObjectId ? [p.aadObjectId] : []))];
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/**
 * `MEDIATOR_ALLOWLIST`: comma-separated AAD object ids. Unset or blank means anyone in the
 * team may open cases (undefined); otherwise only the listed people.
 */
export function parseMediatorAllowlist(text: string | undefined): readonly string[] | undefined {
  const ids = (text ?? '')
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  return ids.length > 0 ? ids : undefined;
}

export function mayActAsMediator(aadObjectId: string, allowlist: readonly string[] | undefined): boolean {
  return allowlist === undefined || allowlist.includes(aadObjectId.toLowerCase());
}

export function assertMayOpenCases(aadObjectId: string, allowlist: readonly string[] | undefined): CaseError | undefined {
  return mayActAsMediator(aadObjectId, allowlist)
    ? undefined
    : new CaseError('not_on_allowlist', 'Only mediators on this service\'s list can open cases. Ask your administrator to add you.');
}

export function assertMediator(c: Case, aadObjectId: string): CaseError | undefined {
  return isMediator(c, aadObjectId)
    ? undefined
    : new CaseError('not_allowed', `Only the mediators of case ${c.caseReference} can do that.`);
}
