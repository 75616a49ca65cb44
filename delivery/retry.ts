import { realSleep, StoppedError, type Sleep } from './clock';
import { ConversationGoneError, DeliveryError } from './errors';
import { isNetworkError, retryAfterMsOf, statusOf } from './statusOf';

/**
 * Statuses worth another try (docs/architecture.md#what-teams-does-to-a-bot): throttled (429), a precondition race on the
 * Teams side (412), and the gateway family (502, 503, 504).
 */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([412, 429, 502, 503, 504]);

export interface RetryInfo {
  readonly attempt: number;
  readonly status?: number;
  readonly delayMs: number;
  readonly error: unknown;
}

export interface RetryOptions {
  /** Sends tried in all, the first included. Default 5. */
  readonly maxAttempts?: number;
  /** The first backoff's ceiling; it doubles per attempt. Default 500 ms. */
  readonly baseMs?: number;
  /** The largest computed backoff. Default 30 s. */
  readonly maxMs?: number;
  /**
   * The longest single wait worth spending in-line, Retry-After included. A longer wait ends
   * the attempts with a retryable DeliveryError carrying `retryAfterMs`, so the caller can
   * come back later instead of holding a lease. Default 60 s.
   */
  readonly maxWaitMs?: number;
  /** In [0, 1): full jitter. Default Math.random. */
  readonly random?: () => number;
  readonly sleep?: Sleep;
  /** Epoch ms, to turn a Retry-After date into a wait. Default Date.now. */
  readonly now?: () => number;
  /** Which failures to retry; default: the statuses above, or no HTTP answer at all. */
  readonly retryable?: (status: number | undefined, error: unknown) => boolean;
  readonly onRetry?: (info: RetryInfo) => void;
  /** Named in errors, so a failure says where it happened. */
  readonly conversationId?: string;
}

export const DEFAULT_RETRY = { maxAttempts: 5, baseMs: 500, maxMs: 30_000, maxWaitMs: 60_000 } as const;

export function defaultRetryable(status: number | undefined, error: unknown): boolean {
  return status === undefined ? isNetworkError(error) : RETRYABLE_STATUSES.has(status);
}

function describe(status: number | undefined, error: unknown): string {
  if (status !== undefined) return `HTTP ${status}`;
  return error instanceof Error && error.message ? error.message : 'no answer';
}

/**
 * Runs `send` until it succeeds, retrying transient failures with exponential backoff and
 * full jitter (a random wait up to base·2^(n-1), capped), or the server's Retry-After when
 * that is longer. Gives up with a DeliveryError that says why and carries the last status:
 * - 403 at once, as ConversationGoneError (the app was removed or blocked);
 * - any other failure that is not retryable (other 4xx, 500, a bug) at once;
 * - a retryable one after `maxAttempts`, or when asked to wait longer than `maxWaitMs`.
 * `send` gets the attempt number (1, 2, …).
 */
export async function withRetry<T>(send: (attempt: number) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_RETRY.maxAttempts);
  const baseMs = options.baseMs ?? DEFAULT_RETRY.baseMs;
  const maxMs = options.maxMs ?? DEFAULT_RETRY.maxMs;
  const maxWaitMs = options.maxWaitMs ?? DEFAULT_RETRY.maxWaitMs;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? Date.now;
  const retryable = options.retryable ?? defaultRetryable;
  const where = options.conversationId !== undefined ? { conversationId: options.conversationId } : {};

  for (let attempt = 1; ; attempt++) {
    try {
      return await send(attempt);
    } catch (error) {
      // The owner is stopping (a pacing wait inside `send` was cut short): not a failed delivery.
      if (error instanceof StoppedError) throw error;
      const status = statusOf(error);
      if (status === 403) throw new ConversationGoneError({ status, attempts: attempt, cause: error, ...where });
      if (!retryable(status, error)) {
        const why = status !== undefined ? `Teams refused the message (HTTP ${status}).` : `The message could not be sent (${describe(status, error)}).`;
        throw new DeliveryError(why, {
          ...(status !== undefined ? { status } : {}),
          attempts: attempt,
          retryable: false,
          cause: error,
          ...where,
        });
      }
      const statusPart = status !== undefined ? { status } : {};
      if (attempt >= maxAttempts) {
        throw new DeliveryError(`Teams was still unavailable after ${attempt} attempts (last: ${describe(status, error)}).`, {
          ...statusPart,
          attempts: attempt,
          retryable: true,
          cause: error,
          ...where,
        });
      }
      const backoff = random() * Math.min(maxMs, baseMs * 2 ** (attempt - 1));
      const asked = retryAfterMsOf(error, now());
      const delayMs = asked !== undefined && asked > backoff ? asked : backoff;
      if (delayMs > maxWaitMs) {
        throw new DeliveryError(`Teams asked us to wait ${Math.ceil(delayMs / 1000)} s before trying again (${describe(status, error)}).`, {
          ...statusPart,
          attempts: attempt,
          retryable: true,
          retryAfterMs: delayMs,
          cause: error,
          ...where,
        });
      }
      options.onRetry?.({ attempt, ...statusPart, delayMs, error });
      await sleep(delayMs);
    }
  }
}
