import { CaseError, type Case } from '../cases';

/** A provider admin is someone on ADMIN_ALLOWLIST (AAD object ids); nobody when it is empty. */
export function isProviderAdmin(allowlist: readonly string[], aadObjectId: string | undefined): boolean {
  return aadObjectId !== undefined && allowlist.includes(aadObjectId.toLowerCase());
}

export const HOLD_REASON_MAX = 300;

/** Puts the case on legal hold (the purge leaves it alone); the same reason again changes nothing. */
export function placeLegalHold(c: Case, reason: string, actor: string, now: Date): Case | CaseError {
  const text = reason.replace(/\s+/g, ' ').trim();
  if (!text) return new CaseError('invalid_input', 'Say why the case is held, for example: legal hold Tribunal appeal lodged.');
  if (text.length > HOLD_REASON_MAX) return new CaseError('invalid_input', `Keep the reason under ${HOLD_REASON_MAX} characters.`);
  if (c.legalHold?.reason === text) return c;
  return { ...c, legalHold: { reason: text, by: actor, at: now.toISOString() } };
}

export function releaseLegalHold(c: Case): Case {
  if (!c.legalHold) return c;
  const { legalHold: _released, ...rest } = c;
  return rest;
}
