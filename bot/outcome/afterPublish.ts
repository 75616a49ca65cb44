import type { Case } from '../../domain/cases';
import type { OutcomeRecord } from '../../domain/outcome';
import { cardActivity, postInThread } from '../cases/caseCards';
import { tellMediatorsUnreachable } from '../cases/unreachable';
import type { BotDeps } from '../deps';
import { publishedCardFor } from './outcomeCards';

/**
 * A new version is out: the outcome goes to the case thread for the mediators and to each
 * party's 1:1 chat, where they confirm it or ask for a correction. Parties nobody can reach
 * yet are logged; the card in the thread shows them as "no answer yet".
 */
export async function deliverOutcome(c: Case, record: OutcomeRecord, deps: BotDeps): Promise<void> {
  const shared = publishedCardFor(c, record);
  if (shared) await postInThread(c, deps, cardActivity(shared));
  for (const party of c.parties) {
    const card = publishedCardFor(c, record, party.aadObjectId);
    if (!card || !c.thread || (!party.aadObjectId && !party.teamsUserId)) continue;
    try {
      await deps.proactive.sendToPerson({ aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId }, c.thread.conversationId, cardActivity(card));
    } catch (err) {
      await tellMediatorsUnreachable(c, deps, party.displayName, 'The outcome statement', err);
    }
  }
}
