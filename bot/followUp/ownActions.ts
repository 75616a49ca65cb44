import type { Case, OwnActions } from '../../domain/cases';
import { ownOpenActions } from '../../domain/followUp';
import type { BotDeps } from '../deps';

/** The caller's own agreed actions still to do, read fresh, for their next step in `my cases`. */
export async function ownActionsOf(c: Case, me: string, deps: Pick<BotDeps, 'store'>): Promise<OwnActions | undefined> {
  const progress = await deps.store.followUp.listForCase(c.id);
  if (progress.length === 0) return undefined;
  return ownOpenActions(c, await deps.store.meetings.current(c.id), progress, me);
}
