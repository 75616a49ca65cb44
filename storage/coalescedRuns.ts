/**
 * Work per key (a case) that a burst of requests must not repeat: a request while the key's run
 * is going is folded into one more pass after it, so a burst of fifty costs two passes and the
 * last request is always served. Used for work that follows writes: reminders, service records.
 */
export class CoalescedRuns {
  private readonly running = new Map<string, Promise<void>>();
  private readonly again = new Set<string>();

  /** Starts `pass` for the key, or marks one more pass; returns the new run, or undefined when folded in. */
  request(key: string, pass: () => Promise<void>): Promise<void> | undefined {
    if (this.running.has(key)) {
      this.again.add(key);
      return undefined;
    }
    const run = (async () => {
      try {
        do {
          this.again.delete(key);
          await pass();
        } while (this.again.has(key));
      } finally {
        this.running.delete(key);
      }
    })();
    this.running.set(key, run);
    return run;
  }

  /** Resolves once no run is going (runs requested meanwhile included). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()]);
  }
}
