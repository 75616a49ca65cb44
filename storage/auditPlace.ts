import { AsyncLocalStorage } from 'node:async_hooks';
import type { AuditPlace } from '../domain/audit';

/**
 * Where the request being served came from (a case thread, a 1:1 chat, the tab, a page),
 * set once at the edge of each request. The place is a property of the request, not of each
 * write, so no handler can forget to pass it; work started by the request (its background
 * sends) keeps it, and the scheduler, which runs outside any request, is `system`.
 */
const place = new AsyncLocalStorage<AuditPlace>();

export function withAuditPlace<T>(where: AuditPlace, work: () => T): T {
  return place.run(where, work);
}

export function currentAuditPlace(): AuditPlace {
  return place.getStore() ?? 'system';
}
