import type { Case, OwnActions } from '../cases';
import type { Meeting } from '../meeting';
import { dueInForce, type ActionProgress } from './actionProgress';
import { mayProgressAction } from './progressAccess';

/** A person's agreed actions still to do, for their next step ("my cases", the dashboard). */
export function ownOpenActions(c: Case, meeting: Meeting | null | undefined, progress: readonly ActionProgress[], viewer: string): OwnActions | undefined {
  if (progress.length === 0) return undefined;
  const mine = progress.filter((p) => {
    const action = meeting?.actions.find((a) => a.actionId === p.actionId);
    return p.doneOn === undefined && action !== undefined && mayProgressAction(c, action, viewer);
  });
  const nextDue = mine.map(dueInForce).sort()[0];
  return { open: mine.length, ...(nextDue ? { nextDue } : {}) };
}
