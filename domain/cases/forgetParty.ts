import { CaseError } from './caseError';
import type { Case } from './caseSchema';

/**
 * Erasure of a party (UK GDPR Art 17, where it applies): their name becomes "Former party" and
 * their Teams identity is removed, but the party stays in the case with its role, so what happened
 * (they agreed the terms, answered, asked for a change) is still true of "a parent". Published
 * outcome versions and issued certificates are records the law expects to be kept as issued and
 * are left as they are (docs/operations.md says so).
 */
export const FORMER_PARTY = 'Former party';
export const FORGET_REASON_MAX = 300;

export function forgetParty(c: Case, partyId: string, reason: string, actor: string, now: Date): Case | CaseError {
  const party = c.parties.find((p) => p.partyId === partyId);
  if (!party) return new CaseError('not_found', 'That person is no longer a party to the case.');
  const text = reason.replace(/\s+/g, ' ').trim();
  if (!text) return new CaseError('invalid_input', 'Give the reason for the erasure (for example the request date and reference).');
  if (text.length > FORGET_REASON_MAX) return new CaseError('invalid_input', `Keep the reason under ${FORGET_REASON_MAX} characters.`);
  if (party.displayName === FORMER_PARTY && !party.aadObjectId && !party.teamsUserId) return c;
  const { aadObjectId: _id, teamsUserId: _teams, ...kept } = party;
  const forgotten = { by: actor, at: now.toISOString(), reason: text };
  return { ...c, parties: c.parties.map((p) => (p.partyId === partyId ? { ...kept, displayName: FORMER_PARTY, forgotten } : p)) };
}
