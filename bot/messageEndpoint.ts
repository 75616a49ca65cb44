import { randomUUID } from 'node:crypto';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { AppStore } from '../storage/appStore';
import { ProcessedActivityStore, type StoredInvokeResponse } from '../storage/processedActivityStore';
import { ActivityEnvelopeSchema } from './activityEnvelope';
import { UnauthorizedError, type MediationAdapter } from './adapter';
import type { Logger } from './logger';

export interface HttpResult {
  readonly status: number;
  readonly body?: unknown;
}

/** A duplicate that arrives while the first delivery is still running waits this long for its answer. */
const DUPLICATE_WAIT_MS = 4000;

/**
 * POST /api/messages, independent of the HTTP framework: validate, authenticate,
 * de-duplicate, run the turn, answer. Status codes are decided here only.
 */
export class MessageEndpoint {
  constructor(
    private readonly adapter: MediationAdapter,
    private readonly store: AppStore,
    private readonly logic: (context: TurnContext) => Promise<void>,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
    /** Activities whose handler makes a redelivery harmless by itself: no claim is written for them. */
    private readonly idempotentByRecord: (activity: Activity) => boolean = () => false,
  ) {}

  async handle(body: unknown, authHeader: string): Promise<HttpResult> {
    const parsed = ActivityEnvelopeSchema.safeParse(body);
    if (!parsed.success) {
      const where = parsed.error.issues[0]?.path.join('.') || 'body';
      return { status: 400, body: { error: `Not a valid activity (${where})` } };
    }
    const activity = parsed.data as unknown as Activity;

    let auth;
    try {
      auth = await this.adapter.authenticate(activity, authHeader);
    } catch (err) {
      if (err instanceof UnauthorizedError) {
        this.log.warn({ reason: err.message, activityType: activity.type }, 'refused unauthenticated request');
        return { status: 401, body: { error: 'Unauthorized' } };
      }
      throw err;
    }

    const key = activity.id && !this.idempotentByRecord(activity) ? ProcessedActivityStore.key(activity.conversation.id, activity.id) : undefined;
    const claimedAt = this.now();
    // Only an invoke (or a request for replies in the answer) has an answer worth keeping for a duplicate.
    const answered = activity.type === 'invoke' || activity.deliveryMode === 'expectReplies';
    if (key) {
      const claim = await this.store.processedActivities.claim(key, claimedAt, { answered });
      if (!claim.claimed) {
        this.log.info({ activityType: activity.type }, 'duplicate delivery ignored');
        return this.answerDuplicate(key, claim.state === 'done' ? claim.response : undefined, claim.state);
      }
    }

    try {
      const response = await this.adapter.run(auth, activity, this.logic);
      if (key && answered) await this.store.processedActivities.complete(key, claimedAt, toStored(response));
      return { status: response?.status ?? 200, body: response?.body };
    } catch (err) {
      // The turn's own error handler already told the person; release the id so a retry can run.
      if (key) await this.store.processedActivities.release(key).catch(() => undefined);
      const correlationId = randomUUID();
      this.log.error({ correlationId, err: (err as Error).message }, 'turn failed outside the bot handler');
      return { status: 500, body: { error: 'Internal error', correlationId } };
    }
  }

  private async answerDuplicate(
    key: string,
    response: StoredInvokeResponse | undefined,
    state: 'processing' | 'done',
  ): Promise<HttpResult> {
    if (state === 'done') return { status: response?.status ?? 200, body: response?.body };
    // A retry of a slow invoke should get the same card as the first delivery, not an empty 200.
    const deadline = Date.now() + DUPLICATE_WAIT_MS;
    while (Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      const seen = await this.store.processedActivities.peek(key);
      if (seen?.state === 'done') return { status: seen.response?.status ?? 200, body: seen.response?.body };
      if (!seen) break; // the first delivery failed and was released; the channel will retry
    }
    return { status: 200 };
  }
}

function toStored(response: InvokeResponse | undefined): StoredInvokeResponse | undefined {
  return response ? { status: response.status, body: response.body } : undefined;
}
