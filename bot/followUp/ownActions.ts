import type { Case, OwnActions } from '../../domain/cases';
import { dueInForce, mayProgressAction } from '../../domain/followUp';
import type { BotDeps } from '../deps';

/** The caller's own agreed actions still to do, for their next step in `my cases`. */
export async function ownActionsOf(c: Case, me: string, deps: Pick<BotDeps, 'store'>): Promise<OwnActions | undefined> {
  const progress = await deps.store.followUp.listForCase(c.id);
  if (progress.length === 0) return undefined;
  const meeting = await deps.store.meetings.current(c.id);
  const mine = progress.filter((p) => {
    const action = meeting?.actions.find((a) => a.actionId === p.actionId);
    return p.doneOn === undefined && action !== undefined && mayProgressAction(c, action, me);
  });
  const nextDue = mine.map(dueInForce).sort()[0];
  return { open: mine.length, ...(nextDue ? { nextDue } : {}) };
}
