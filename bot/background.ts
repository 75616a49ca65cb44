import type { Logger } from './logger';

/**
 * Work that must not hold up an invoke answer (Teams waits about 5 s): sending terms
 * cards, updating the case card for everyone. Each task is awaited here, its failure
 * logged, and shutdown waits for the ones still running.
 */
export class BackgroundTasks {
  private readonly running = new Set<Promise<void>>();

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

  private track(name: string, started: Promise<void>): void {
    const p = started
      .catch((err: unknown) => this.log.error({ task: name, err: (err as Error).message }, 'background task failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves when nothing is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
