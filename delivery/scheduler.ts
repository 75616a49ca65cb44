import type { RecipientDelivery, TrackedDeadline, TrackedReminder } from '../domain/reminders';
import { isDeadlineOpen } from '../domain/reminders';
import type { ReminderStore } from '../storage/reminderStore';
import { realSleep, stoppable, StoppedError, type Sleep } from './clock';
import { ConversationGoneError, DeliveryError } from './errors';
import { ConversationPacer } from './pacer';
import { DEFAULT_RETRY, withRetry, type RetryOptions } from './retry';

/** The part of ReminderStore the scheduler uses (tests may pass a wrapper). */
export type ReminderQueue = Pick<
  ReminderStore,
  'claimNext' | 'getDeadline' | 'markSent' | 'markFailed' | 'release' | 'cancelClaimed'
>;

export interface SendResult {
  readonly activityId?: string;
  /** True when this conversation already had the reminder from an earlier pass: nothing was sent. */
  readonly skipped: boolean;
}

/** Given to `deliver` for each reminder. */
export interface DeliveryTools {
  /**
   * Sends to one conversation, paced within Teams' limits and retried on transient failures.
   * `post` does the actual send (the bot's proactive sender) and returns the activity id.
   * Each conversation gets a reminder once: one that succeeded in an earlier pass is skipped,
   * so a retry after a partial failure does not repeat itself. Throws ConversationGoneError
   * (after `onGone` has been told) or DeliveryError.
   */
  send(conversationId: string, post: () => Promise<string | undefined>): Promise<SendResult>;
}

export interface DeliveryReceipt {
  readonly activityId?: string;
}

/**
 * Sends one reminder: the bot's callback. It resolves the deadline's targets into
 * conversations (deliveryTargets), builds the card and calls `tools.send` for each. It may
 * catch a ConversationGoneError for one target and carry on with the others.
 */
export type Deliver = (reminder: TrackedReminder, deadline: TrackedDeadline, tools: DeliveryTools) => Promise<DeliveryReceipt | void>;

export interface SchedulerOptions {
  readonly store: ReminderQueue;
  /** This instance's id: leases are held in its name. */
  readonly owner: string;
  readonly deliver: Deliver;
  /** A conversation answered 403: the bot marks its reference inactive. Called once per conversation per reminder. */
  readonly onGone?: (reminder: TrackedReminder, error: ConversationGoneError) => void | Promise<void>;
  /** A reminder was given up on; it shows as failed in the reminders list. */
  readonly onFailed?: (reminder: TrackedReminder, error: Error) => void | Promise<void>;
  /** A pass or a bookkeeping write failed unexpectedly (the store is down); the loop carries on. */
  readonly onError?: (error: unknown) => void;
  readonly now?: () => Date;
  readonly sleep?: Sleep;
  /** A pass stops after this many reminders, so start() can look up (and stop) in between. Default 1,000. */
  readonly maxPerPass?: number;
  /** Reminders delivered at once within a pass (different conversations proceed in parallel). Default 8. */
  readonly concurrency?: number;
  /** How long a claim holds. Must comfortably exceed the longest delivery (all retries included). Default 10 min. */
  readonly leaseMs?: number;
  /** Sleep and clock default to the scheduler's own. */
  readonly retry?: Omit<RetryOptions, 'conversationId'>;
  /** Shared by every delivery of this instance; default: Teams' limits on the scheduler's clock. */
  readonly pacer?: ConversationPacer;
  /** After a pass that failed transiently, wait at least this long before the next. Default 5 min. */
  readonly retryLaterMs?: number;
  /** Sends tried over all passes before a reminder is given up. Default 15 (three passes of five). */
  readonly maxTotalAttempts?: number;
}

export interface PassResult {
  /** Reminders this pass claimed (each claim is atomic: no other instance has it). */
  readonly found: number;
  readonly sent: number;
  readonly failed: number;
  readonly gone: number;
  /** Back to pending, to try again later. */
  readonly released: number;
  /** Its deadline was done or gone by the time it came due. */
  readonly cancelled: number;
}

type Outcome = keyof Omit<PassResult, 'found'>;

const MINUTE = 60_000;

function emptyTally(): Record<Outcome, number> {
  return { sent: 0, failed: 0, gone: 0, released: 0, cancelled: 0 };
}

/**
 * Sends reminders that are due, each exactly once across any number of instances sharing a
 * store: every reminder is claimed with a lease before it is sent, written as sent only by
 * the lease holder, and found again if an instance dies holding it (the lease runs out).
 * Time is injected (`now`, `sleep`), so tests run years of reminders in milliseconds.
 */
export class ReminderScheduler {
  private readonly store: ReminderQueue;
  private readonly owner: string;
  private readonly deliver: Deliver;
  private readonly options: SchedulerOptions;
  private readonly now: () => Date;
  private readonly sleep: Sleep;
  private readonly maxPerPass: number;
  private readonly concurrency: number;
  private readonly leaseMs: number;
  private readonly retry: RetryOptions;
  private readonly pacer: ConversationPacer;
  private readonly retryLaterMs: number;
  private readonly maxTotalAttempts: number;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private stopSignal = new AbortController();
  private wake: (() => void) | undefined;

  constructor(options: SchedulerOptions) {
    this.options = options;
    this.store = options.store;
    this.owner = options.owner;
    this.deliver = options.deliver;
    this.now = options.now ?? (() => new Date());
    this.sleep = options.sleep ?? realSleep;
    this.maxPerPass = options.maxPerPass ?? 1000;
    this.concurrency = Math.max(1, options.concurrency ?? 8);
    this.leaseMs = options.leaseMs ?? 10 * MINUTE;
    // stop() cuts a retry's back-off and a pacing delay short: the reminder goes back to the store.
    const waits = stoppable(this.sleep, () => this.stopSignal.signal);
    this.retry = { sleep: waits, now: () => this.now().getTime(), ...options.retry };
    this.pacer = options.pacer ?? new ConversationPacer({ now: () => this.now().getTime(), sleep: waits });
    this.retryLaterMs = options.retryLaterMs ?? 5 * MINUTE;
    this.maxTotalAttempts = options.maxTotalAttempts ?? 3 * (this.retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
    // A delivery that outlives its lease could be claimed and sent a second time elsewhere.
    const worstWait = (this.retry.maxAttempts ?? DEFAULT_RETRY.maxAttempts) * (this.retry.maxWaitMs ?? DEFAULT_RETRY.maxWaitMs);
    if (worstWait * 2 > this.leaseMs) {
      throw new Error(`The lease (${this.leaseMs} ms) must be at least twice the longest retry wait (${worstWait} ms).`);
    }
  }

  /**
   * One pass: claim, deliver and record everything due. Each worker claims the oldest due
   * reminder as soon as it is free (one atomic claim in the store), so one slow delivery (a
   * long Retry-After) does not hold up the rest, and two instances never reach for the same
   * one. The pass ends when nothing is due, after `maxPerPass` reminders, or on stop().
   */
  async runOnce(): Promise<PassResult> {
    const tally = emptyTally();
    let claimed = 0;
    let exhausted = false;
    const next = async (): Promise<TrackedReminder | undefined> => {
      if (this.stopping || exhausted || claimed >= this.maxPerPass) return undefined;
      claimed += 1;
      const r = await this.store.claimNext(this.owner, this.now(), this.leaseMs);
      if (!r) {
        claimed -= 1;
        exhausted = true;
        return undefined;
      }
      return r;
    };
    const worker = async (): Promise<void> => {
      for (let r = await next(); r; r = await next()) {
        try {
          tally[await this.handle(r)] += 1;
        } catch (error) {
          // The store failed mid-way; the lease will run out and the reminder comes back.
          this.options.onError?.(error);
        }
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, worker));
    return { found: claimed, ...tally };
  }

  /** Runs passes every `intervalMs` (at once again when a pass stopped at maxPerPass) until stop(). */
  start(intervalMs = 30_000): void {
    if (this.loop) return;
    this.stopping = false;
    this.stopSignal = new AbortController();
    this.loop = (async () => {
      while (!this.stopping) {
        let full = false;
        try {
          full = (await this.runOnce()).found >= this.maxPerPass;
        } catch (error) {
          this.options.onError?.(error);
        }
        if (!this.stopping && !full) await this.pause(intervalMs);
      }
    })();
  }

  /** Stops the loop; resolves once the pass in flight has finished (reminders not yet claimed are left for later). */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopSignal.abort();
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  get running(): boolean {
    return this.loop !== undefined;
  }

  /** The wait between passes; stop() cuts it short. The real timer is cleared so nothing lingers after stop. */
  private pause(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.options.sleep) {
        this.wake = resolve;
        void this.options.sleep(ms).then(resolve, resolve);
        return;
      }
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    }).finally(() => {
      this.wake = undefined;
    });
  }

  private async handle(reminder: TrackedReminder): Promise<Outcome> {
    const id = reminder.reminderId;

    const deadline = await this.readDeadline(reminder);
    if (deadline === 'corrupt') return 'failed';
    if (!deadline || !isDeadlineOpen(deadline)) {
      await this.store.cancelClaimed(id, this.owner, deadline ? 'the deadline was done before it was sent' : 'the deadline no longer applies', this.now());
      return 'cancelled';
    }

    let attempts = reminder.attempts;
    const recipients = new Map<string, RecipientDelivery>(reminder.recipients.map((r) => [r.conversationId, r]));
    const told = new Set<unknown>();
    const tools: DeliveryTools = {
      send: async (conversationId, post) => {
        if (recipients.get(conversationId)?.status === 'sent') return { skipped: true };
        try {
          const activityId = await withRetry(
            () => {
              attempts += 1;
              return this.pacer.pace(conversationId, post);
            },
            { ...this.retry, conversationId },
          );
          recipients.set(conversationId, { conversationId, status: 'sent', at: this.now().toISOString(), ...(activityId ? { activityId } : {}) });
          return { skipped: false, ...(activityId ? { activityId } : {}) };
        } catch (caught) {
          const error =
            caught instanceof StoppedError
              ? new DeliveryError('The bot was stopping, so the retry was left to the next one.', { attempts, retryable: true, retryAfterMs: 0, conversationId })
              : caught;
          const gone = error instanceof ConversationGoneError;
          const message = error instanceof Error ? error.message : String(error);
          recipients.set(conversationId, { conversationId, status: gone ? 'gone' : 'failed', at: this.now().toISOString(), error: message.slice(0, 500) });
          if (gone) {
            told.add(error);
            await this.options.onGone?.(reminder, error);
          }
          throw error;
        }
      },
    };

    try {
      const receipt = await this.deliver(reminder, deadline, tools);
      const firstActivity = [...recipients.values()].find((r) => r.status === 'sent' && r.activityId)?.activityId;
      const activityId = (receipt ? receipt.activityId : undefined) ?? firstActivity;
      const ok = await this.store.markSent(id, this.owner, this.now(), { attempts, recipients: [...recipients.values()], ...(activityId ? { activityId } : {}) });
      if (!ok) this.options.onError?.(new Error(`Reminder ${id} was sent, but its lease had passed to another instance first.`));
      return 'sent';
    } catch (error) {
      return this.afterFailure(reminder, error, attempts, [...recipients.values()], told);
    }
  }

  private async readDeadline(reminder: TrackedReminder): Promise<TrackedDeadline | null | 'corrupt'> {
    try {
      return await this.store.getDeadline(reminder.deadlineId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.store.markFailed(reminder.reminderId, this.owner, `Its deadline could not be read: ${message}`, reminder.attempts, this.now());
      await this.options.onFailed?.(reminder, error instanceof Error ? error : new Error(message));
      return 'corrupt';
    }
  }

  private async afterFailure(
    reminder: TrackedReminder,
    error: unknown,
    attempts: number,
    recipients: RecipientDelivery[],
    told: ReadonlySet<unknown>,
  ): Promise<Outcome> {
    const id = reminder.reminderId;
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof ConversationGoneError) {
      if (!told.has(error)) await this.options.onGone?.(reminder, error);
      await this.store.markFailed(id, this.owner, message, attempts, this.now(), recipients);
      return 'gone';
    }
    if (error instanceof DeliveryError && error.retryable && attempts < this.maxTotalAttempts) {
      const waitMs = Math.max(this.retryLaterMs, error.retryAfterMs ?? 0);
      await this.store.release(id, this.owner, new Date(this.now().getTime() + waitMs), { reason: message, attempts, recipients });
      return 'released';
    }
    await this.store.markFailed(id, this.owner, message, attempts, this.now(), recipients);
    await this.options.onFailed?.(reminder, error instanceof Error ? error : new Error(message));
    return 'failed';
  }
}
