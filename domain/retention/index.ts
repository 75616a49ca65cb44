/** Retention: when an ended case may be purged, legal holds, and the certificate register's own period. Pure. */
export { DEFAULT_RETENTION_MONTHS, purgeDueOn, purgeDecision, registerExpired, type PurgeDecision } from './retention';
export { isProviderAdmin, placeLegalHold, releaseLegalHold, HOLD_REASON_MAX } from './legalHold';
