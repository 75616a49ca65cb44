import type { AuditInput } from '../cases';
import type { Meeting } from './meetingSchema';

/**
 * The meeting's own audit trail, kept in the meeting document for the reason the case
 * keeps its own (domain/cases/audit.ts): the entry is written by the same conditional
 * write as the change it records. Entries carry ids and codes only, never content (docs/rules.md#what-the-product-never-records).
 * A meeting sees more small changes than a case (every tick), hence the larger cap.
 */
export const MEETING_AUDIT_LIMIT = 200;

export function appendMeetingAudit(meeting: Meeting, entry: AuditInput, now: Date): Meeting {
  const audit = [...meeting.audit, { ...entry, at: now.toISOString() }];
  const overflow = Math.max(0, audit.length - MEETING_AUDIT_LIMIT);
  return { ...meeting, audit: audit.slice(overflow), auditDropped: meeting.auditDropped + overflow };
}
