import { remindersListCard, remindersListView } from '../../cards/remindersListCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import { isMediator, type Case } from '../../domain/cases';
import { mayMarkDone } from '../../domain/reminders';
import type { BotDeps } from '../deps';

/**
 * The reminders list of a case as `viewer` may see it: everything for a mediator; for a party,
 * only the deadlines they are responsible for (their own tasks and, for the family, their own
 * time limits) and those deadlines' reminders. Recomputed first, so the list is never stale
 * (a case opened before reminders existed gets its deadlines here).
 */
export async function remindersListFor(c: Case, deps: BotDeps, viewer: string): Promise<AdaptiveCard> {
  await deps.reminders.sync.syncNow(c.id);
  const list = await deps.store.reminders.listForCase(c.id);
  const mediator = isMediator(c, viewer);
  const deadlines = mediator ? list.deadlines : list.deadlines.filter((d) => mayMarkDone(c, d, viewer));
  const ids = new Set(deadlines.map((d) => d.deadlineId));
  const reminders = mediator ? list.reminders : list.reminders.filter((r) => ids.has(r.deadlineId));
  return remindersListCard(remindersListView(c, { deadlines, reminders }, deps.now(), deps.calendar));
}
