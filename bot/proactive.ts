import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import type { AppStore } from '../storage/appStore';
import type { ConversationReference as StoredReference } from '../storage/conversationStore';
import type { Logger } from './logger';

const BOT_FRAMEWORK_AUDIENCE = 'https://api.botframework.com';

export interface PersonTarget {
  /** Teams channel account id (29:…), needed to open a 1:1 chat the person has not started. */
  readonly channelAccountId?: string;
  readonly aadObjectId?: string;
}

export class NoConversationError extends Error {
  override readonly name = 'NoConversationError';
}

/**
 * Everything the bot posts outside the turn it is answering: into a stored
 * conversation (a case thread, someone's 1:1), or a new 1:1 chat. Every send is
 * awaited by its caller; pacing and retries live here so every feature gets them.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: AppStore,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  /** Runs `logic` in the stored conversation; returns what it returns. */
  async inConversation<T>(conversationId: string, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const rec = await this.store.conversations.get(conversationId);
    if (!rec) throw new NoConversationError(`no stored reference for conversation ${conversationId}`);
    return this.run(rec.reference, logic);
  }

  async send(conversationId: string, activity: Partial<Activity>): Promise<string | undefined> {
    return this.inConversation(conversationId, async (ctx) => (await ctx.sendActivity(activity))?.id);
  }

  async update(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<void> {
    await this.inConversation(conversationId, async (ctx) => {
      await ctx.updateActivity({ ...activity, id: activityId, type: 'message', conversation: ctx.activity.conversation });
    });
  }

  /**
   * Sends to a person's 1:1 chat with the bot, opening it if they never wrote to the bot.
   * `via` is any stored conversation the person shares with the bot (for the service URL and tenant).
   */
  async sendToPerson(person: PersonTarget, via: string, activity: Partial<Activity>): Promise<{ conversationId: string; activityId?: string }> {
    return this.inPersonalChat(person, via, async (ctx) => ({
      conversationId: ctx.activity.conversation.id,
      activityId: (await ctx.sendActivity(activity))?.id,
    }));
  }

  /**
   * Runs `logic` in a person's 1:1 chat (opening it when needed), with the turn's `from` set to
   * that person, so that a dialog begun here authorises and keys its state as their own turns will.
   */
  async inPersonalChat<T>(person: PersonTarget, via: string, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const asPerson = async (ctx: TurnContext): Promise<T> => {
      if (person.channelAccountId || person.aadObjectId) {
        ctx.activity.from = { id: person.channelAccountId ?? ctx.activity.from?.id ?? '', name: '', aadObjectId: person.aadObjectId };
      }
      return logic(ctx);
    };
    if (person.aadObjectId) {
      const existing = await this.store.conversations.findPersonalChat(person.aadObjectId);
      if (existing?.active) return this.run(existing.reference, asPerson);
    }
    if (!person.channelAccountId) throw new NoConversationError('the person has no 1:1 chat with the bot and no Teams account id');
    const viaRec = await this.store.conversations.get(via);
    if (!viaRec) throw new NoConversationError(`no stored reference for conversation ${via}`);
    const tenantId = viaRec.tenantId ?? viaRec.reference.conversation.tenantId;
    let result: { value: T } | undefined;
    // The first message is sent in the callback, not as `activity` here, so it goes through one code path.
    const params: Omit<ConversationParameters, 'activity'> = {
      isGroup: false,
      bot: { id: viaRec.reference.bot.id, name: '' },
      members: [{ id: person.channelAccountId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    await this.adapter.createConversationAsync(
      this.appId,
      viaRec.reference.channelId,
      viaRec.reference.serviceUrl,
      BOT_FRAMEWORK_AUDIENCE,
      params as ConversationParameters,
      async (ctx) => {
        // Remember the new chat so later sends (reminders, terms) reuse it.
        await this.store.conversations.upsert(
          {
            reference: toStored(ctx.activity, viaRec.reference.bot.id, person),
            scope: 'personal',
            tenantId,
            userAadObjectId: person.aadObjectId,
          },
          this.now(),
        );
        result = { value: await asPerson(ctx) };
      },
    );
    if (!result) throw new NoConversationError('Teams did not open the 1:1 chat');
    this.log.info({ kind: 'proactive-1:1-opened' }, 'opened a 1:1 chat');
    return result.value;
  }

  private async run<T>(reference: StoredReference, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let out: T | undefined;
    let done = false;
    await this.adapter.continueConversationAsync(this.appId, reference as unknown as Partial<ConversationReference>, async (ctx) => {
      out = await logic(ctx);
      done = true;
    });
    if (!done) throw new Error('proactive turn did not run');
    return out as T;
  }
}

function toStored(a: Partial<Activity>, botId: string, person: PersonTarget): StoredReference {
  return {
    channelId: a.channelId ?? 'msteams',
    serviceUrl: a.serviceUrl ?? '',
    conversation: {
      id: a.conversation?.id ?? '',
      conversationType: 'personal',
      tenantId: a.conversation?.tenantId,
      isGroup: false,
    },
    bot: { id: botId },
    user: person.channelAccountId ? { id: person.channelAccountId, aadObjectId: person.aadObjectId } : undefined,
  };
}
