import type { Logger } from './logger';

/** A task waiting out its delay (BackgroundTasks.runLater). */
export interface DelayedTask {
  /** Settles when the task has run (or failed: the failure is logged by BackgroundTasks). */
  readonly done: Promise<void>;
  /** Starts the task now instead of at the end of its delay; nothing if it has started already. */
  startNow(): void;
  /** Drops the task if it has not started: `done` settles and the task never runs. */
  cancel(): void;
}

/**
 * Work that must not hold up an invoke answer (Teams waits about 5 s): sending terms
 * cards, updating the case card for everyone. Each task is awaited here, its failure
 * logged, and shutdown waits for the ones still running.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();
  /** Delayed tasks not yet started, each by its startNow. */
  private readonly waiting = new Set<() => void>();

  constructor(private readonly log: Logger) {}

  run(name: string, task: () => Promise<void>): void {
    this.track(name, task());
  }

  /**
   * For the follow-up of a request being answered: starts the task on the next turn of the event
   * loop, not now, as its first steps (a store write, the reads for a card) would otherwise run
   * before the answer it must not hold up. Shutdown and idle() wait for it from this call on.
   */
  runAfterAnswer(name: string, task: () => Promise<void>): void {
    this.track(name, new Promise<void>((resolve) => setImmediate(resolve)).then(task));
  }

  /**
   * Starts the task `delayMs` from now (a coalescing window: bot/cases/caseCardEdits.ts). It is
   * tracked from this call on, so idle() waits for it, delay included; drain() starts it at once.
   * The returned promise never rejects: a failure is logged here.
   */
  runLater(name: string, delayMs: number, task: () => Promise<void>): DelayedTask {
    let release!: (run: boolean) => void;
    const released = new Promise<boolean>((resolve) => (release = resolve));
    const settle = (run: boolean): void => {
      if (!this.waiting.delete(startNow)) return;
      clearTimeout(timer);
      release(run);
    };
    const startNow = (): void => settle(true);
    const timer = setTimeout(startNow, delayMs);
    this.waiting.add(startNow);
    return { done: this.track(name, released.then((run) => (run ? task() : undefined))), startNow, cancel: () => settle(false) };
  }

  private track(name: string, started: Promise<void>): Promise<void> {
    const p = started
      .catch((err: unknown) => this.log.error({ task: name, err: (err as Error).message }, 'background task failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
    return p;
  }

  /** Resolves when nothing is running or waiting out a delay (tests). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /**
   * Shutdown: starts every delayed task now (a pending case-card edit is sent, not dropped),
   * including those that running tasks delay meanwhile, and resolves when all have finished.
   */
  async drain(): Promise<void> {
    while (this.running.size > 0) {
      for (const startNow of [...this.waiting]) startNow();
      await Promise.allSettled([...this.running]);
    }
  }
}
