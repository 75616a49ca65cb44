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
export type CardDeps = Pick<BotDeps, 'store' | 'terms' | 'calendar' | 'proactive' | 'now'> & Partial<Pick<BotDeps, 'config' | 'publicBaseUrl'>>;

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

/** Per store (one per bot app): the refresh running for each case, and the one queued behind it. */
const refreshes = new WeakMap<object, { running: Map<string, Promise<void>>; queued: Map<string, Promise<void>> }>();

/**
 * Edits the case's root card in its channel thread so everyone sees the latest state
 * (the Approvals pattern). A failure is logged, not shown: the change itself is stored.
 * A burst of changes (preparation answers, checklist ticks) costs at most two edits: requests
 * that arrive while one is running share a single follow-up, which re-reads the case so it
 * shows every change made meanwhile.
 */
export function refreshRootCard(c: Case, deps: CardDeps): Promise<void> {
  let slots = refreshes.get(deps.store);
  if (!slots) {
    slots = { running: new Map(), queued: new Map() };
    refreshes.set(deps.store, slots);
  }
  const { running, queued } = slots;
  const waiting = queued.get(c.id);
  if (waiting) return waiting;
  const current = running.get(c.id);
  const next = current
    ? current
        .catch(() => undefined)
        .then(async () => {
          queued.delete(c.id);
          const fresh = await deps.store.cases.get(c.id);
          if (fresh) await editRootCard(fresh, deps);
        })
    : editRootCard(c, deps);
  if (current) queued.set(c.id, next);
  running.set(c.id, next);
  void next
    .finally(() => {
      if (running.get(c.id) === next) running.delete(c.id);
    })
    .catch(() => undefined);
  return next;
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
