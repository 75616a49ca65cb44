import type { BotDeps } from './deps';

/**
 * Buttons that send messages to other people (Send terms, starting preparation, Read back): a
 * second click within this window, which Teams delivers with a new activity id, sends nothing
 * and is answered with the current card. After the window, a click sends again (a mediator may
 * mean to re-send).
 */
export const SEND_ONCE_WINDOW_MS = 30_000;

/** True for the first click on this send in the window (race-safe across instances: the store ranks the attempts). */
export async function firstSendInWindow(deps: Pick<BotDeps, 'store' | 'now'>, what: string, scopeKey: string): Promise<boolean> {
  const r = await deps.store.rateLimits.acquire(`send|${what}|${scopeKey}`, 1, SEND_ONCE_WINDOW_MS, deps.now());
  return r.allowed;
}
