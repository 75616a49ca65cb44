import { auditLogCard } from '../../cards/auditLogCard';
import { auditLine } from '../../domain/audit';
import type { Case } from '../../domain/cases';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { BotDeps } from '../deps';
import { recordAudit } from './recordAudit';

/** A page of the case's audit log as a card; looking at the log is itself logged (first, so it shows). */
export async function auditCardFor(c: Case, viewer: string | undefined, deps: Pick<BotDeps, 'store' | 'now'>, before?: string): Promise<AdaptiveCard> {
  await recordAudit(deps, c.id, viewer, 'audit.viewed');
  const [page, total] = await Promise.all([deps.store.auditLog.pageForCase(c.id, before), deps.store.auditLog.countForCase(c.id)]);
  return auditLogCard({
    caseId: c.id,
    caseReference: c.caseReference,
    lines: page.entries.map((e) => auditLine(c, e)),
    ...(page.older ? { older: page.older } : {}),
    paged: before !== undefined,
    total,
  });
}
