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
    const p = task()
      .catch((err: unknown) => this.log.error({ task: name, err: (err as Error).message }, 'background task failed'))
      .finally(() => this.running.delete(p));
    this.running.add(p);
  }

  /** Resolves when nothing is running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}
