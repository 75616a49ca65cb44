import { rosterCard, type RosterCardView } from '../../cards/rosterCard';
import { currentRole, rosterPage, type Case, type TeamsPerson } from '../../domain/cases';
import type { AdaptiveCard } from '../../cards/adaptive';

export function rosterCardFor(c: Case, roster: readonly TeamsPerson[], page: number, notice?: RosterCardView['notice']): AdaptiveCard {
  const p = rosterPage(roster, page);
  return rosterCard({
    caseId: c.id,
    caseReference: c.caseReference,
    page: p.page,
    pageCount: p.pageCount,
    total: p.total,
    members: p.items.map((m) => ({ aadObjectId: m.aadObjectId, displayName: m.displayName, current: currentRole(c, m.aadObjectId) })),
    ...(notice ? { notice } : {}),
  });
}
