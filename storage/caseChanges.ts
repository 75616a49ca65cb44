/**
 * Tells whoever listens that something a case's deadlines depend on was written (the case,
 * its meeting, outcome, certificates, or the requested changes being sent). The bot listens
 * to recompute reminders; storage knows nothing about reminders, only which case changed.
 * Listeners run synchronously and must not throw: they only schedule work.
 */
export type CaseChangeListener = (caseId: string) => void;

export class CaseChangeFeed {
  private readonly listeners = new Set<CaseChangeListener>();

  subscribe(listener: CaseChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(caseId: string): void {
    for (const listener of this.listeners) {
      try {
        listener(caseId);
      } catch {
        // A listener's failure must never fail the write that was already made.
      }
    }
  }
}

/** `fn`, announcing its case on the feed once it has run (whatever it returned: a recomputation is idempotent). */
export function announcing<A extends unknown[], R>(feed: CaseChangeFeed, fn: (...args: A) => Promise<R>, caseIdOf: (...args: A) => string): (...args: A) => Promise<R> {
  return async (...args: A): Promise<R> => {
    try {
      return await fn(...args);
    } finally {
      feed.emit(caseIdOf(...args));
    }
  };
}
