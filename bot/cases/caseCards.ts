import { CardFactory, type Activity } from 'botbuilder';
import { caseCard } from '../../cards/caseCard';
import { toCaseCardView } from '../../cards/caseView';
import { messageCard, type MessageTone } from '../../cards/messageCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case } from '../../domain/cases';
import type { BotDeps } from '../deps';

/** The case card as the given viewer (or everyone, for the channel's root card) should see it. */
export async function caseCardFor(c: Case, deps: BotDeps, viewer?: string): Promise<AdaptiveCard> {
  const acks = await deps.store.acknowledgements.listForCase(c.id);
  return caseCard(toCaseCardView(c, acks, deps.terms.version, { calendar: deps.calendar, ...(viewer ? { viewer } : {}) }));
}

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  // Never `text` beside a card: Teams clients (and the playground) split such messages.
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

export function notice(title: string, text: string, tone: MessageTone = 'info'): Partial<Activity> {
  return cardActivity(messageCard({ title, text, tone }));
}

/**
 * Edits the case's root card in its channel thread so everyone sees the latest state
 * (the Approvals pattern). A failure is logged, not shown: the change itself is stored.
 */
export async function refreshRootCard(c: Case, deps: BotDeps): Promise<void> {
  if (!c.thread) return;
  const card = await caseCardFor(c, deps);
  await deps.proactive.update(c.thread.conversationId, c.thread.rootActivityId, cardActivity(card));
}

/** Posts a reply into the case's thread (alerts the mediators must see at once). */
export async function postInThread(c: Case, deps: BotDeps, activity: Partial<Activity>): Promise<void> {
  if (!c.thread) return;
  await deps.proactive.send(c.thread.conversationId, activity);
}
