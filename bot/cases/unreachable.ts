import type { Case } from '../../domain/cases';
import { ConversationGoneError } from '../../delivery';
import { notice, postInThread, type CardDeps } from './caseCards';

/**
 * Tells the mediators in the case thread that something did not reach a person, and why in
 * plain words (the bot was removed or blocked, or Teams kept failing), so they can use another
 * way. Logged too; a failure to post the notice itself is only logged.
 */
export async function tellMediatorsUnreachable(c: Case, deps: CardDeps & { log: { warn: (o: object, m: string) => void } }, who: string, what: string, error: unknown): Promise<void> {
  const why =
    error instanceof ConversationGoneError
      ? 'Teams says the bot was removed from their chat or blocked.'
      : `It could not be delivered (${error instanceof Error ? error.message : String(error)}).`;
  deps.log.warn({ caseId: c.id, err: error instanceof Error ? error.message : String(error) }, `could not deliver: ${what}`);
  await postInThread(c, deps, notice('Not delivered', `${what} did not reach ${who}. ${why} Please contact them another way.`, 'warning')).catch(() => undefined);
}
