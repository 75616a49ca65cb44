import type { AuditPlace } from '../../domain/audit';
import type { Scope } from '../commandCatalog';

/** A turn's place in the audit log: channels hold case threads, group chats are meeting chats. */
export function auditPlaceOf(scope: Scope): AuditPlace {
  switch (scope) {
    case 'team':
      return 'thread';
    case 'groupChat':
      return 'meeting_chat';
    default:
      return 'personal';
  }
}
