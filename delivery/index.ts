/**
 * Proactive delivery without botbuilder: the reminder scheduler (leases over the shared
 * store), retries with backoff for Teams' transient failures, and per-conversation pacing
 * within Teams' limits. The bot supplies the actual send as a callback.
 */
export { realSleep, StoppedError, type Sleep } from './clock';
export { DeliveryError, ConversationGoneError, isDeliveryError, type DeliveryErrorDetails } from './errors';
export { statusOf, retryAfterMsOf, isNetworkError } from './statusOf';
export { withRetry, defaultRetryable, RETRYABLE_STATUSES, DEFAULT_RETRY, type RetryOptions, type RetryInfo } from './retry';
export { ConversationPacer, TEAMS_CONVERSATION_LIMITS, type PacerOptions, type RateLimit } from './pacer';
export {
  ReminderScheduler,
  type Deliver,
  type DeliveryReceipt,
  type DeliveryTools,
  type PassResult,
  type ReminderQueue,
  type SchedulerOptions,
  type SendResult,
} from './scheduler';
