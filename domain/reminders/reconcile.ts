import type { Reminder } from './remindersFor';
import type { ReminderStatus } from './tracking';

export interface StoredReminderState {
  readonly reminderId: string;
  readonly status: ReminderStatus;
  /** ISO instant. */
  readonly sendAt: string;
}

export interface ReminderChanges {
  /** New reminders to store as pending. */
  readonly insert: readonly Reminder[];
  /** Pending (or cancelled, to revive) reminders whose time changed or that apply again. */
  readonly reschedule: readonly Reminder[];
  /** Pending reminders that no longer apply, with the reason shown in the list. */
  readonly cancel: readonly { readonly reminderId: string; readonly reason: string }[];
}

export const CANCEL_REASONS = {
  gone: 'the deadline no longer applies or was done',
  past: 'the deadline moved, and this reminder would now be late',
} as const;

/**
 * What to write so the stored reminders of a case match a fresh computation (every reminder,
 * past ones included, from remindersFor without `now`):
 * - a reminder not yet stored is added if its time is still ahead (or it is an escalation);
 * - a pending one keeps its place if its time is unchanged, even if that time has just passed
 *   and the scheduler has not reached it yet: a recomputation must never lose a due reminder;
 * - a pending one whose time moved is rescheduled, or cancelled if the new time has passed;
 * - a cancelled one that applies again (a date re-entered) comes back if still ahead;
 * - claimed, sent and failed ones are history and are left alone;
 * - a pending one that was not computed again is cancelled.
 * Pure, so the rules are tested without a database.
 */
export function planReminderChanges(stored: readonly StoredReminderState[], computed: readonly Reminder[], now: Date): ReminderChanges {
  const byId = new Map(stored.map((s) => [s.reminderId, s]));
  const insert: Reminder[] = [];
  const reschedule: Reminder[] = [];
  const cancel: { reminderId: string; reason: string }[] = [];
  const seen = new Set<string>();
  for (const r of computed) {
    seen.add(r.reminderId);
    const ahead = new Date(r.sendAt).getTime() > now.getTime() || r.kind === 'escalation';
    const s = byId.get(r.reminderId);
    if (!s) {
      if (ahead) insert.push(r);
    } else if (s.status === 'pending') {
      if (new Date(s.sendAt).getTime() === new Date(r.sendAt).getTime()) continue;
      if (ahead) reschedule.push(r);
      else cancel.push({ reminderId: r.reminderId, reason: CANCEL_REASONS.past });
    } else if (s.status === 'cancelled' && ahead) {
      reschedule.push(r);
    }
  }
  for (const s of stored) {
    if (s.status === 'pending' && !seen.has(s.reminderId)) cancel.push({ reminderId: s.reminderId, reason: CANCEL_REASONS.gone });
  }
  return { insert, reschedule, cancel };
}
