import { deadlinesForCase, remindersFor, type TrackedDeadline } from '../../domain/reminders';
import type { SyncResult } from '../../storage/reminderStore';
import type { BotDeps } from '../deps';
import { CoalescedRuns } from '../../storage/coalescedRuns';
import { deadlineFactsFor } from './deadlineFacts';

type SyncDeps = Pick<BotDeps, 'store' | 'calendar' | 'now' | 'log' | 'background' | 'config'>;

/**
 * Keeps each case's stored deadlines and reminders in line with the case. Storage announces
 * every write a deadline can depend on (the case, its meeting, outcome, certificates, sent
 * changes); this recomputes that case in the background, so no handler has to remember to.
 * Requests for a case that is already being recomputed are folded into one more pass, so a
 * burst of checklist ticks costs two recomputations, not fifty, and the last write always wins.
 */
export class ReminderSync {
  private readonly runs = new CoalescedRuns();

  constructor(private readonly deps: SyncDeps) {}

  /** Listens to storage's change feed; returns the unsubscribe function. */
  attach(): () => void {
    return this.deps.store.caseChanges.subscribe((caseId) => this.request(caseId));
  }

  request(caseId: string): void {
    const run = this.runs.request(caseId, async () => {
      await this.syncNow(caseId);
    });
    if (run) this.deps.background.run('recompute reminders', () => run);
  }

  /** Recomputes one case now. A case that is gone, closed or DRS ends up with no deadlines. */
  async syncNow(caseId: string): Promise<SyncResult> {
    const { store, calendar, log, config } = this.deps;
    const now = this.deps.now();
    const c = await store.cases.get(caseId);
    const deadlines = c
      ? deadlinesForCase(c, await store.meetings.current(caseId), await deadlineFactsFor(c, store), calendar, {
          onSkipped: (what, error) => log.warn({ caseId, what, err: error.message }, 'a deadline could not be worked out'),
        })
      : [];
    const plan = (d: TrackedDeadline) => remindersFor(d, config.reminders.schedules, calendar, { sendTime: config.reminders.sendTime });
    const result = await store.reminders.syncCase(caseId, deadlines, plan, now);
    for (const p of result.problems) log.warn({ caseId, deadlineId: p.deadlineId, err: p.message }, 'reminders of a deadline could not be planned');
    return result;
  }
}
