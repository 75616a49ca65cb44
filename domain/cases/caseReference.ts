/**
 * The provider's own reference for a case, as people type it. It must be unique within a
 * provider (a Teams team), ignoring case, so "SM-14" and "sm-14" cannot both exist.
 */
export const CASE_REFERENCE_MAX = 40;
export const CASE_REFERENCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-/_]{0,39}$/;

export function isCaseReference(value: string): boolean {
  return CASE_REFERENCE_PATTERN.test(value);
}

/**
 * A provider is the Teams team a case was opened in, within its tenant. Team ids are only
 * unique inside a tenant, so both are part of the key.
 */
export function providerKeyOf(tenantId: string, teamId: string): string {
  return `${tenantId}|${teamId}`;
}

/** The Entra tenant a case was opened in (the first part of its provider key). */
export function tenantOfProvider(providerKey: string): string {
  return providerKey.split('|')[0] ?? '';
}

/** The unique key storage indexes: one field, because collection indexes are single-field. */
export function referenceKey(providerKey: string, caseReference: string): string {
  return `${providerKey}|${caseReference.toLowerCase()}`;
}
