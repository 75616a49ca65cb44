import { formatLondonDateTime } from '../londonTime';
import type { Deadline } from './deadline';
import type { Reminder } from './remindersFor';
import { plural } from '../plural';

/**
 * A deadline and its reminders as the store keeps them: the computed record plus what has
 * happened since (done, sent, failed). Storage maps its documents to these types, so cards
 * and the bot never see storage shapes.
 */

export interface DoneMark {
  /** ISO instant. */
  readonly at: string;
  /** AAD object id of who marked it done (a mediator may do it for a party). */
  readonly by: string;
}

export interface TrackedDeadline extends Deadline {
  readonly done?: DoneMark;
  readonly updatedAt: string;
}

/** Open: not marked done, and the case does not show it done either. */
export function isDeadlineOpen(d: Pick<TrackedDeadline, 'done' | 'satisfied'>): boolean {
  return d.done === undefined && d.satisfied === undefined;
}

/**
 * - `pending`: waiting for its time (or for a retry after a failed pass).
 * - `claimed`: one scheduler instance holds a lease on it and is sending it.
 * - `sent`: delivered; never picked up again.
 * - `failed`: given up (the chat is gone, Teams refused it, or every retry failed).
 * - `cancelled`: not to be sent (the deadline was done, moved into the past, or went away).
 */
export const REMINDER_STATUSES = ['pending', 'claimed', 'sent', 'failed', 'cancelled'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** What happened to one chat a reminder went to (docs/architecture.md#what-teams-does-to-a-bot: per-recipient delivery status). */
export interface RecipientDelivery {
  readonly conversationId: string;
  readonly status: 'sent' | 'gone' | 'failed';
  /** ISO instant. */
  readonly at: string;
  readonly activityId?: string;
  readonly error?: string;
}

export interface TrackedReminder extends Reminder {
  readonly status: ReminderStatus;
  /** The deadline's title when the reminder was planned: the history reads the same after the deadline goes. */
  readonly title: string;
  /** Sends tried so far, over every pass. */
  readonly attempts: number;
  readonly lastError?: string;
  /** ISO instant. */
  readonly deliveredAt?: string;
  readonly activityId?: string;
  readonly recipients: readonly RecipientDelivery[];
  /** Why a cancelled reminder was not sent. */
  readonly cancelReason?: string;
  readonly updatedAt: string;
}

/** The delivery status in words, for the reminders list. */
export function deliveryStatusText(r: TrackedReminder): string {
  const when = formatLondonDateTime(new Date(r.sendAt));
  switch (r.status) {
    case 'pending':
      return r.attempts > 0
        ? `Will try again (${plural(r.attempts, 'attempt', 'attempts')} so far${r.lastError ? `; last problem: ${r.lastError}` : ''})`
        : `Due to go out ${when}`;
    case 'claimed':
      return 'Being sent now';
    case 'sent': {
      const at = r.deliveredAt ? formatLondonDateTime(new Date(r.deliveredAt)) : when;
      const gone = r.recipients.filter((x) => x.status !== 'sent').length;
      const reached = r.recipients.filter((x) => x.status === 'sent').length;
      const to = reached > 1 ? ` to ${plural(reached, 'chat', 'chats')}` : '';
      return `Delivered ${at}${to}${gone > 0 ? `; ${plural(gone, 'chat', 'chats')} could not be reached` : ''}`;
    }
    case 'failed':
      return `Not delivered after ${plural(r.attempts, 'attempt', 'attempts')}${r.lastError ? `: ${r.lastError}` : ''}`;
    case 'cancelled':
      return `Not sent: ${r.cancelReason ?? 'no longer needed'}`;
  }
}
