import { z } from 'zod';
import { AUDIT_ACTION_NAMES, AUDIT_PLACE_NAMES, type AuditAction, type AuditPlace } from './auditActions';

/**
 * One entry of the audit log: who, what, which case (and which party or record), when, and
 * from where. Ids and codes only: never a name, a message or an answer (docs/rules.md#what-the-product-never-records).
 */
export const AuditRecordSchema = z.object({
  /** Sorts by time: `<ISO instant>~<key>`, so paging is a range on the id. */
  id: z.string().min(1).max(300),
  at: z.iso.datetime(),
  /** AAD object id, or `system` for the scheduler. */
  by: z.string().min(1).max(100),
  action: z.enum(AUDIT_ACTION_NAMES as [AuditAction, ...AuditAction[]]),
  caseId: z.string().min(1).max(100).optional(),
  /** The record within the case, as `kind:id` (e.g. `party:p1`, `meeting:m2`). */
  subject: z.string().min(1).max(200).optional(),
  via: z.enum(AUDIT_PLACE_NAMES as [AuditPlace, ...AuditPlace[]]),
  /** Ids and codes only (a version, a count, a certificate number). */
  detail: z.string().max(300).optional(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** What a caller says about a change or a read; the log adds the time, the place and the id. */
export interface AuditInput {
  readonly by: string;
  readonly action: AuditAction;
  readonly subject?: string;
  readonly detail?: string;
}

/** An id that sorts by time and, given the same key, is the same id: a repeated write is a duplicate. */
export function auditEntryId(at: string, key: string): string {
  return `${at}~${key}`;
}

export function auditRecord(input: AuditInput, at: Date, key: string, via: AuditPlace, caseId?: string): AuditRecord {
  const iso = at.toISOString();
  return {
    id: auditEntryId(iso, key),
    at: iso,
    by: input.by || 'unknown',
    action: input.action,
    via,
    ...(caseId !== undefined ? { caseId } : {}),
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(input.detail !== undefined ? { detail: input.detail } : {}),
  };
}
