import type { Activity } from 'botbuilder';
import type { AdaptiveCard } from '../../cards/adaptive';
import { actionProgressCard } from '../../cards/actionProgressCard';
import { toActionProgressView } from '../../cards/followUpViews';
import { CASE_TYPES } from '../../domain/caseTypes';
import { newId, type Case, type Party } from '../../domain/cases';
import { actionOwners, type ActionProgress } from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import type { AgreedAction } from '../../domain/meeting';
import { cardActivity, postInThread, type CardDeps } from '../cases/caseCards';
import { tellMediatorsUnreachable } from '../cases/unreachable';
import type { BotDeps } from '../deps';

/** The owner's card for an action, with fresh ids for its update and delay forms. */
export function ownerCardFor(c: Case, action: AgreedAction, p: ActionProgress, deps: Pick<BotDeps, 'now'>, message?: string): AdaptiveCard {
  const ids = { updateId: newId(), delayId: newId() };
  return actionProgressCard(toActionProgressView(c, action, p, ids, londonDate(deps.now()), { ...(message ? { message } : {}), isDrs: CASE_TYPES[c.caseType].isDrs }));
}

/** Sends to each party's 1:1 chat; anyone unreachable is reported to the mediators, not thrown. */
export async function sendToParties(
  c: Case,
  parties: readonly Party[],
  deps: CardDeps & Pick<BotDeps, 'log'>,
  what: string,
  activity: (party: Party) => Partial<Activity>,
): Promise<void> {
  for (const party of parties) {
    if (!c.thread || (!party.aadObjectId && !party.teamsUserId)) continue;
    try {
      await deps.proactive.sendToPerson({ aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId }, c.thread.conversationId, activity(party));
    } catch (err) {
      await tellMediatorsUnreachable(c, deps, party.displayName, what, err);
    }
  }
}


/**
 * The owner's card to the action's owners' 1:1 chats; for an owner outside the case (a named
 * person or a body nobody in the case holds), to the case thread, where the mediators act for them.
 */
export async function sendToOwners(c: Case, action: AgreedAction, deps: CardDeps & Pick<BotDeps, 'log' | 'now'>, what: string, card: () => AdaptiveCard): Promise<void> {
  const owners = actionOwners(c, action);
  if (owners.length === 0) await postInThread(c, deps, cardActivity(card()));
  else await sendToParties(c, owners, deps, what, () => cardActivity(card()));
}
