/**
 * Why a send did not get through, in words fit for the reminders list, with the HTTP status
 * Teams answered (when there was one) and how many tries it took.
 */
export interface DeliveryErrorDetails {
  readonly status?: number;
  readonly attempts: number;
  /** Worth trying again later (throttled, or Teams briefly unavailable). */
  readonly retryable: boolean;
  /** How long Teams asked us to wait, when that was longer than we wait in-line. */
  readonly retryAfterMs?: number;
  readonly conversationId?: string;
  readonly cause?: unknown;
}

export class DeliveryError extends Error {
  override readonly name: string = 'DeliveryError';
  readonly status?: number;
  readonly attempts: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly conversationId?: string;

  constructor(message: string, details: DeliveryErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.attempts = details.attempts;
    this.retryable = details.retryable;
    if (details.status !== undefined) this.status = details.status;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
    if (details.conversationId !== undefined) this.conversationId = details.conversationId;
  }
}

/**
 * 403 from the Bot Connector: the app was removed from the chat or team, or the person blocked
 * the bot (docs/architecture.md#what-teams-does-to-a-bot). Retrying cannot help; the bot marks the conversation inactive.
 */
export class ConversationGoneError extends DeliveryError {
  override readonly name: string = 'ConversationGoneError';

  constructor(details: Omit<DeliveryErrorDetails, 'retryable'>) {
    super('The bot was removed from this chat or blocked (HTTP 403).', { ...details, retryable: false });
  }
}

export function isDeliveryError(value: unknown): value is DeliveryError {
  return value instanceof DeliveryError;
}
