import type { AuditEntry, Case } from './caseSchema';

/**
 * The audit trail lives inside the case document, capped. Kept in the case so the entry
 * is written by the same conditional write as the change it records: a separate
 * collection could keep an entry for a write that lost its version race, or lose one for
 * a write that won. A case sees tens of changes, so the cap is rarely reached, and it
 * keeps the document (held in memory by the embedded store) bounded; `auditDropped`
 * says that older entries existed.
 */
export const AUDIT_LIMIT = 100;

export type AuditInput = Omit<AuditEntry, 'at'>;

export function appendAudit(c: Case, entry: AuditInput, now: Date): Case {
  const audit = [...c.audit, { ...entry, at: now.toISOString() }];
  const overflow = Math.max(0, audit.length - AUDIT_LIMIT);
  return { ...c, audit: audit.slice(overflow), auditDropped: c.auditDropped + overflow };
}
