/**
 * The audit log's vocabulary: the one list of actions and places, the entry's shape, and
 * how an entry reads on the `audit` card. No I/O here (storage/auditLog.ts stores entries).
 */
export {
  AUDIT_ACTIONS,
  AUDIT_ACTION_NAMES,
  AUDIT_PLACES,
  AUDIT_PLACE_NAMES,
  SYSTEM_ACTOR,
  LINK_ACTOR,
  isAuditAction,
  type AuditAction,
  type AuditPlace,
} from './auditActions';
export { AuditRecordSchema, auditEntryId, auditRecord, type AuditRecord, type AuditInput } from './auditEntry';
export { auditLine, whoDid, type AuditLine } from './auditWords';
