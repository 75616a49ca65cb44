import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import { ReminderScheduler, type ConversationGoneError, type PassResult } from '../../delivery';
import type { TrackedReminder } from '../../domain/reminders';
import { tellMediatorsUnreachable } from '../cases/unreachable';
import type { BotDeps } from '../deps';
import { personKey, reminderDelivery } from './deliverReminder';
import { ReminderSync } from './reminderSync';

type ServiceDeps = Omit<BotDeps, 'reminders' | 'preparation' | 'purge'>;

/**
 * Reminders in the bot process: recomputation on every case change, and the scheduler that
 * sends what is due. Each instance runs its own scheduler; leases in the shared store make
 * sure a reminder goes out once however many instances there are.
 */
export class ReminderService {
  readonly sync: ReminderSync;
  readonly scheduler: ReminderScheduler;
  private detach: (() => void) | undefined;

  constructor(private readonly deps: ServiceDeps) {
    this.sync = new ReminderSync(deps);
    this.scheduler = new ReminderScheduler({
      store: deps.store.reminders,
      owner: `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`,
      deliver: reminderDelivery(deps, deps.proactive.unmanaged()),
      now: deps.now,
      onGone: (reminder, error) => this.tellMediatorsGone(reminder, error),
      onFailed: (reminder, error) => this.tellMediatorsFailed(reminder, error),
      onError: (error) => deps.log.error({ err: error instanceof Error ? error.message : String(error) }, 'reminder scheduler error'),
    });
  }

  /** Recomputes a case's reminders whenever it changes: from the moment the bot can be asked to change one. */
  follow(): void {
    this.detach ??= this.sync.attach();
  }

  /** Follows case changes, and starts the scheduler unless REMINDER_POLL_SECONDS is 0. */
  start(): void {
    this.follow();
    const pollMs = this.deps.config.reminders.pollMs;
    if (pollMs > 0) this.scheduler.start(pollMs);
  }

  async stop(): Promise<void> {
    this.detach?.();
    this.detach = undefined;
    await this.scheduler.stop();
  }

  /** One delivery pass now (tests, and operators through the tests' clock). */
  runOnce(): Promise<PassResult> {
    return this.scheduler.runOnce();
  }

  private async tellMediatorsGone(reminder: TrackedReminder, error: ConversationGoneError): Promise<void> {
    const c = await this.deps.store.cases.get(reminder.caseId);
    if (!c?.thread || error.conversationId === c.thread.conversationId) {
      this.deps.log.warn({ caseId: reminder.caseId, reminderId: reminder.reminderId }, 'a reminder could not reach the case thread: the bot was removed');
      return;
    }
    const who = c.parties.find((p) => personKey(p) === error.conversationId)?.displayName ?? 'one of the people on this case';
    await tellMediatorsUnreachable(c, this.deps, who, `The reminder "${reminder.title}"`, error);
  }

  private async tellMediatorsFailed(reminder: TrackedReminder, error: Error): Promise<void> {
    const c = await this.deps.store.cases.get(reminder.caseId);
    if (c) await tellMediatorsUnreachable(c, this.deps, 'everyone it was for', `The reminder "${reminder.title}"`, error);
  }
}
