import type { Activity, CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';
import { ConversationGoneError, ConversationPacer, defaultRetryable as defaultRetryableOf, withRetry, type RetryOptions } from '../delivery';
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
 * How proactive sends survive Teams' limits (docs/architecture.md#what-teams-does-to-a-bot): each outgoing call waits for
 * a slot in its conversation's lane (7 per second, 60 per 30 seconds) and is retried on 429,
 * 412 and 5xx gateway errors with backoff and jitter, honouring Retry-After, a bounded number
 * of times. 403 marks the conversation inactive (the app was removed or blocked).
 */
export interface DeliveryPolicy {
  readonly pacer: ConversationPacer;
  readonly retry?: Omit<RetryOptions, 'conversationId'>;
}

/**
 * Everything the bot posts outside the turn it is answering: into a stored
 * conversation (a case thread, someone's 1:1), or a new 1:1 chat. Every send is
 * awaited by its caller. Pacing and retries are applied to each call to the Bot Connector
 * (not to the caller's whole logic, which may send several messages), so every feature gets
 * them and a retry never repeats a message that already went out.
 */
export class ProactiveSender {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly store: AppStore,
    private readonly log: Logger,
    private readonly now: () => Date,
    private readonly policy?: DeliveryPolicy,
  ) {}

  /**
   * The same sender without pacing or retries: for the reminder scheduler, which paces,
   * retries and records each recipient itself (two layers of retries would multiply).
   */
  unmanaged(): ProactiveSender {
    return new ProactiveSender(this.adapter, this.appId, this.store, this.log, this.now);
  }

  /** Runs `logic` in the stored conversation; returns what it returns. */
  async inConversation<T>(conversationId: string, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    const rec = await this.store.conversations.get(conversationId);
    if (!rec) throw new NoConversationError(`no stored reference for conversation ${conversationId}`);
    return this.run(rec.reference, logic);
  }

  async send(conversationId: string, activity: Partial<Activity>): Promise<string | undefined> {
    return this.inConversation(conversationId, async (ctx) => (await ctx.sendActivity(activity))?.id);
  }

  /**
   * Posts a new message in a team channel by its id (19:…@thread.tacv2), also when the bot has
   * never received anything there: Teams accepts the channel id as the conversation, with the
   * service URL and tenant of any conversation the bot has in the same tenant (`via`).
   */
  async sendToChannel(channelId: string, via: string, activity: Partial<Activity>): Promise<string | undefined> {
    const rec = (await this.store.conversations.get(channelId)) ?? (await this.store.conversations.get(via));
    if (!rec) throw new NoConversationError(`no stored reference for conversation ${channelId} or ${via}`);
    const reference: StoredReference = {
      ...rec.reference,
      conversation: { ...rec.reference.conversation, id: channelId, conversationType: 'channel', isGroup: true },
    };
    delete (reference as { activityId?: string }).activityId;
    return this.run(reference, async (ctx) => (await ctx.sendActivity(activity))?.id);
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
    let started = false;
    let failure: { error: unknown } | undefined;
    const create = () =>
      this.adapter.createConversationAsync(
        this.appId,
        viaRec.reference.channelId,
        viaRec.reference.serviceUrl,
        BOT_FRAMEWORK_AUDIENCE,
        params as ConversationParameters,
        async (ctx) => {
          started = true;
          this.guard(ctx);
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
          try {
            result = { value: await asPerson(ctx) };
          } catch (error) {
            failure = { error };
          }
        },
      );
    // Opening the chat is retried too, but only until the callback has run: after that a
    // retry could send the first message twice.
    if (this.policy) {
      const retry = this.policy.retry;
      await withRetry(create, {
        ...retry,
        conversationId: `new 1:1 chat via ${via}`,
        retryable: (status, error) => !started && (retry?.retryable ?? defaultRetryableOf)(status, error),
      });
    } else {
      await create();
    }
    if (failure) throw failure.error;
    if (!result) throw new NoConversationError('Teams did not open the 1:1 chat');
    this.log.info({ kind: 'proactive-1:1-opened' }, 'opened a 1:1 chat');
    return result.value;
  }

  private async run<T>(reference: StoredReference, logic: (ctx: TurnContext) => Promise<T>): Promise<T> {
    let out: T | undefined;
    let done = false;
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as unknown as Partial<ConversationReference>, async (ctx) => {
      this.guard(ctx);
      // Caught here, not left to the adapter: its onTurnError would swallow the error (the
      // caller must learn of a 403 or 429) and post an apology into the very chat that failed.
      try {
        out = await logic(ctx);
        done = true;
      } catch (error) {
        failure = { error };
      }
    });
    if (failure) throw failure.error;
    if (!done) throw new Error('proactive turn did not run');
    return out as T;
  }

  /** Puts every send and update of this proactive turn through pacing and retries. */
  private guard(ctx: TurnContext): void {
    const policy = this.policy;
    if (!policy) return;
    const conversationId = ctx.activity.conversation.id;
    const reliably = async <R>(next: () => Promise<R>): Promise<R> => {
      try {
        return await withRetry(() => policy.pacer.pace(conversationId, next), { ...policy.retry, conversationId });
      } catch (error) {
        if (error instanceof ConversationGoneError) {
          await this.store.conversations.markInactive(conversationId, this.now()).catch(() => undefined);
          this.log.warn({ conversationId }, 'the bot was removed from a conversation or blocked: marked inactive');
        }
        throw error;
      }
    };
    ctx.onSendActivities((_ctx, _activities, next) => reliably(next));
    ctx.onUpdateActivity((_ctx, _activity, next) => reliably(next));
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
