import { CardFactory, type Activity } from 'botbuilder';
import { caseCard } from '../../cards/caseCard';
import { toCaseCardView } from '../../cards/caseView';
import { messageCard, type MessageTone } from '../../cards/messageCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case } from '../../domain/cases';
import { certificateStatusLine } from '../../domain/certificate';
import { outcomeStatusLine } from '../../domain/outcome';
import { londonDate } from '../../domain/londonTime';
import { preparationBoard, preparationStatusLine, type PreparationBoard } from '../../domain/preparation';
import { dashboardLink } from '../../domain/dashboard';
import { termsStatus, type Acknowledgement } from '../../domain/terms';
import type { BotDeps } from '../deps';

/** What building and posting case cards needs: narrower than BotDeps so the preparation port can use it. */
export type CardDeps = Pick<BotDeps, 'store' | 'terms' | 'calendar' | 'proactive' | 'now' | 'cardEdits'> & Partial<Pick<BotDeps, 'config' | 'publicBaseUrl'>>;

/** The case card as the given viewer (or everyone, for the channel's root card) should see it. */
export async function caseCardFor(c: Case, deps: CardDeps, viewer?: string): Promise<AdaptiveCard> {
  const acks = await deps.store.acknowledgements.listForCase(c.id);
  const [board, meeting, outcome, certificates] = await Promise.all([
    boardFor(c, deps, acks),
    deps.store.meetings.current(c.id),
    deps.store.outcomes.get(c.id),
    deps.store.certificates.listForCase(c.id),
  ]);
  const now = deps.now();
  const outcomeStatus = outcomeStatusLine(c, meeting, outcome, now);
  const certificateStatus = certificateStatusLine(c, meeting, certificates, now, deps.calendar);
  return caseCard(
    toCaseCardView(c, acks, deps.terms.version, {
      calendar: deps.calendar,
      preparationStatus: preparationStatusLine(board),
      ...(outcomeStatus ? { outcomeStatus } : {}),
      ...(certificateStatus ? { certificateStatus } : {}),
      ...(outcome && outcome.versions.length > 0 ? { hasOutcome: true } : {}),
      ...(viewer ? { viewer } : {}),
      ...(deps.publicBaseUrl ? { dashboardUrl: dashboardLink(c.id, { appId: deps.config?.credentials?.appId, baseUrl: deps.publicBaseUrl() }) } : {}),
    }),
  );
}

/** The mediator's preparation board, from everything stored for the case. */
export async function boardFor(c: Case, deps: CardDeps, acks?: readonly Acknowledgement[]): Promise<PreparationBoard> {
  const [records, changes] = await Promise.all([deps.store.preparation.listRecords(c.id), deps.store.preparation.listChanges(c.id)]);
  const statuses = termsStatus(c, acks ?? (await deps.store.acknowledgements.listForCase(c.id)), deps.terms.version);
  return preparationBoard(c, statuses, records, changes, londonDate(deps.now()), deps.calendar);
}

export function cardActivity(card: AdaptiveCard): Partial<Activity> {
  // Never `text` beside a card: Teams clients (and the playground) split such messages.
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

export function notice(title: string, text: string, tone: MessageTone = 'info', details?: readonly string[]): Partial<Activity> {
  return cardActivity(messageCard({ title, text, tone, ...(details && details.length > 0 ? { details } : {}) }));
}

/**
 * Edits the case's root card in its channel thread so everyone sees the latest state
 * (the Approvals pattern), at once: for the mediator's own actions on the case, who expects the
 * card to change as the answer to their click. A failure is logged, not shown: the change itself
 * is stored. Requests that arrive while an edit runs share a single follow-up, which re-reads the
 * case so it shows every change made meanwhile (bot/cases/caseCardEdits.ts).
 */
export function refreshRootCard(c: Case, deps: CardDeps): Promise<void> {
  return deps.cardEdits.now(c.id, (reread) => (reread ? editStoredCase(c.id, deps) : editRootCard(c, deps)));
}

/**
 * The same edit after the case's coalescing window (CASE_CARD_WINDOW_SECONDS, about a second): for
 * changes made by others than the mediator, which come in bursts (terms agreed by each party,
 * preparation answers one after another, requested changes). Every request inside the window joins
 * one edit, which reads the case afresh; the card trails those changes by up to the window.
 * Returns at once: the edit is a background task of its own.
 */
export function refreshRootCardSoon(c: Case, deps: CardDeps): void {
  deps.cardEdits.soon(c.id, () => editStoredCase(c.id, deps));
}

async function editStoredCase(caseId: string, deps: CardDeps): Promise<void> {
  const fresh = await deps.store.cases.get(caseId);
  if (fresh) await editRootCard(fresh, deps);
}

async function editRootCard(c: Case, deps: CardDeps): Promise<void> {
  if (!c.thread) return;
  const card = await caseCardFor(c, deps);
  await deps.proactive.update(c.thread.conversationId, c.thread.rootActivityId, cardActivity(card));
}

/** Posts a reply into the case's thread (alerts the mediators must see at once). */
export async function postInThread(c: Case, deps: CardDeps, activity: Partial<Activity>): Promise<void> {
  if (!c.thread) return;
  await deps.proactive.send(c.thread.conversationId, activity);
}
