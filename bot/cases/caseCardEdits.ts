import type { BackgroundTasks, DelayedTask } from '../background';

/**
 * Edits the case card for this case. `reread` is true when the edit runs later than the request
 * that asked for it: it must read the case afresh so the card shows every change made meanwhile.
 */
export type CardEdit = (reread: boolean) => Promise<void>;

interface Slot {
  /** The edit in progress (or the follow-up queued behind it). */
  running?: Promise<void>;
  /** The one follow-up queued behind the running edit; later requests join it. */
  queued?: Promise<void>;
  /** The edit waiting out its coalescing window; requests inside the window join it. */
  waiting?: DelayedTask;
}

/**
 * One per bot app: when each case's root card is next edited. Two kinds of request:
 *
 * - `now`: edit at once (the mediator's own action on the case card, which they expect to see change
 *   as the answer to their click). A request while an edit runs queues one follow-up, which every
 *   further request joins, so a burst costs at most two edits and the last shows the final state.
 * - `soon`: join the case's coalescing window, or open one: a single edit `windowMs` later, which
 *   re-reads the case. For the bursty sources (terms agreed, preparation answers, requested changes):
 *   five answers in a row cost one edit instead of five (six store reads, the card build and an
 *   `updateActivity` each), and one case thread never gets more than about one edit a second from
 *   them, well inside Teams' per-thread limits (7 operations a second, 60 in 30 seconds), which the
 *   thread's alerts and replies share.
 *
 * The waiting edits are BackgroundTasks (`runLater`), so idle() waits for them and shutdown's
 * drain() sends them at once instead of dropping them.
 */
export class CaseCardEdits {
  private readonly slots = new Map<string, Slot>();

  constructor(
    /** The coalescing window; 0 makes `soon` the same as `now` (the test suite). */
    readonly windowMs: number,
    private readonly background: BackgroundTasks,
  ) {}

  now(caseId: string, edit: CardEdit): Promise<void> {
    const slot = this.slot(caseId);
    if (slot.waiting) {
      // The window's edit starts now and re-reads the case: it answers this request too.
      slot.waiting.startNow();
      return slot.waiting.done;
    }
    return this.start(caseId, slot, edit, false);
  }

  soon(caseId: string, edit: CardEdit): void {
    if (this.windowMs <= 0) {
      this.background.run('refresh case card', () => this.now(caseId, edit));
      return;
    }
    const slot = this.slot(caseId);
    // A follow-up already queued behind a running edit re-reads the case too.
    if (slot.waiting || slot.queued) return;
    const waiting = this.background.runLater('refresh case card', this.windowMs, () => {
      slot.waiting = undefined;
      return this.start(caseId, slot, edit, true);
    });
    slot.waiting = waiting;
  }

  private start(caseId: string, slot: Slot, edit: CardEdit, reread: boolean): Promise<void> {
    if (slot.queued) return slot.queued;
    const current = slot.running;
    const next = current
      ? current
          .catch(() => undefined)
          .then(() => {
            slot.queued = undefined;
            return edit(true);
          })
      : edit(reread);
    if (current) slot.queued = next;
    slot.running = next;
    void next
      .finally(() => {
        if (slot.running === next) slot.running = undefined;
        if (!slot.running && !slot.queued && !slot.waiting) this.slots.delete(caseId);
      })
      .catch(() => undefined);
    return next;
  }

  private slot(caseId: string): Slot {
    let slot = this.slots.get(caseId);
    if (!slot) {
      slot = {};
      this.slots.set(caseId, slot);
    }
    return slot;
  }
}
