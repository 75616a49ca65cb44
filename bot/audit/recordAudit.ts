import type { AuditAction } from '../../domain/audit';
import type { AppStore } from '../../storage/appStore';

/**
 * Logs a read of case data, or a change to a record that has no version of its own to carry
 * the entry (see docs/operations.md, "The audit log"). Awaited: for a read, before the answer
 * is sent, so that when the log cannot be written the request fails and nothing is shown
 * that the log does not account for.
 */
export async function recordAudit(
  deps: { readonly store: Pick<AppStore, 'auditLog'>; readonly now: () => Date },
  caseId: string,
  by: string | undefined,
  action: AuditAction,
  subject?: string,
  detail?: string,
): Promise<void> {
  await deps.store.auditLog.append({ by: by || 'unknown', action, ...(subject ? { subject } : {}), ...(detail ? { detail } : {}) }, caseId, deps.now());
}
