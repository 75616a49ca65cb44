import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { ConversationState, MemoryStorage, type Activity, type Storage, type TurnContext } from 'botbuilder';
import type { Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case, NewCaseFormValues, TeamsPerson } from '../../domain/cases';
import { preparationCardReply } from '../../dialogs/cardReply';
import type { PreparationPort } from '../../dialogs/preparationPort';
import { storePreparationPort } from '../../dialogs/storePreparationPort';
import { openStore, type AppStore } from '../../storage/appStore';
import { cardParts, cardText } from '../cards/validateCard';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { FAMILY_AND_LA, NOW, partyIdOf, prepCase, type Member } from './prepFixtures';

/**
 * A preparation dialog on botbuilder's DialogTestClient, over the real embedded store: dialog
 * state in our StateStore (as the bot keeps it) and answers in the PreparationStore. A
 * restart closes the store and builds everything again from the same folder.
 */
export interface Harness {
  readonly c: Case;
  readonly partyId: string;
  /** partyIds the port was told have limited authority, in order. */
  readonly alerts: string[];
  /** The card the last turn left for an invoke reply (read inside the turn: the context is revoked after it). */
  cardReply: AdaptiveCard | undefined;
  store: AppStore;
  client: DialogTestClient;
  /** Sends one activity (a string is typed text) and returns every reply of that turn. */
  turn(activity: string | Partial<Activity>): Promise<Partial<Activity>[]>;
  /** An Action.Execute click on a preparation card, as Teams delivers it. */
  click(data: Record<string, string>, verb?: string): Promise<Partial<Activity>[]>;
  /** Closes the store and opens a new one, dialog and conversation state; `loseDialogState` starts from empty dialog state. */
  restart(options?: { readonly loseDialogState?: boolean }): Promise<void>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  readonly form?: NewCaseFormValues;
  readonly members?: readonly Member[];
  /** Whose preparation it is. */
  readonly party: TeamsPerson;
  /** Who is typing; defaults to the party. */
  readonly as?: TeamsPerson;
  readonly dialog: (port: PreparationPort) => Dialog;
}

export async function openHarness(options: HarnessOptions): Promise<Harness> {
  const dir = await makeTempDir();
  const c = prepCase(options.form, options.members ?? FAMILY_AND_LA);
  const partyId = partyIdOf(c, options.party);
  const alerts: string[] = [];
  const person = options.as ?? options.party;
  const from = { id: `29:${person.aadObjectId}`, name: person.displayName, aadObjectId: person.aadObjectId };

  const build = (store: AppStore, storage: Storage): DialogTestClient => {
    const port = storePreparationPort({
      cases: store.cases,
      preparation: store.preparation,
      now: () => NOW,
      alertLimitedAuthority: async (_c, id) => {
        alerts.push(id);
      },
    });
    const capture = {
      onTurn: async (context: TurnContext, next: () => Promise<void>): Promise<void> => {
        await next();
        h.cardReply = preparationCardReply(context);
      },
    };
    return new DialogTestClient('msteams', options.dialog(port), { caseId: c.id, partyId }, [capture], new ConversationState(storage));
  };

  const store = await openStore({ kind: 'embedded', dataDir: dir, checkQueryPlans: refuseTableScans });
  await store.cases.create(c);
  const h: Harness = {
    c,
    partyId,
    alerts,
    cardReply: undefined,
    store,
    client: build(store, store.state),
    async turn(activity) {
      const a: Partial<Activity> = typeof activity === 'string' ? { type: 'message', text: activity } : activity;
      const first = (await h.client.sendActivity({ from, ...a })) as Partial<Activity> | undefined;
      const replies = first ? [first] : [];
      for (let next = h.client.getNextReply(); next; next = h.client.getNextReply()) replies.push(next);
      return replies;
    },
    click(data, verb = 'prep.answer') {
      return h.turn({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data } } });
    },
    async restart(restartOptions = {}) {
      await h.store.close();
      h.store = await openStore({ kind: 'embedded', dataDir: dir, checkQueryPlans: refuseTableScans });
      h.client = build(h.store, restartOptions.loseDialogState ? new MemoryStorage() : h.store.state);
    },
    async close() {
      await h.store.close();
      await removeDir(dir);
    },
  };
  return h;
}

export function cardOf(reply: Partial<Activity> | undefined): AdaptiveCard | undefined {
  const content: unknown = reply?.attachments?.[0]?.content;
  return typeof content === 'object' && content !== null && (content as { type?: unknown }).type === 'AdaptiveCard' ? (content as AdaptiveCard) : undefined;
}

/** The question a reply asks: read from its card's answer buttons. */
export function questionOf(replies: readonly Partial<Activity>[]): string | undefined {
  for (const reply of [...replies].reverse()) {
    const card = cardOf(reply);
    if (!card) continue;
    const answer = cardParts(card).executes.find((a) => a.verb === 'prep.answer');
    const q = answer?.data?.question;
    if (typeof q === 'string') return q;
  }
  return undefined;
}

/** Everything readable in the replies: message text and card text. */
export function textOf(replies: readonly Partial<Activity>[]): string {
  return replies
    .map((r) => {
      const card = cardOf(r);
      return [r.text ?? '', card ? cardText(card) : ''].filter(Boolean).join('\n');
    })
    .join('\n');
}
