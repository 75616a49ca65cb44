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

/** Cases remembered per process before the memory is cleared (each then announces once more). */
const REMEMBERED_MAX = 10_000;

/**
 * `announcing` for updates that usually move no deadline (an audit entry for a terms
 * agreement, a checklist tick): announces only when the part of the result that deadlines
 * read (`project`) differs from the last one this process saw for the case. `project` gives
 * undefined when nothing was written. The first update of a case after start always announces,
 * so a recomputation lost to a crash is made up on the next change.
 */
export function announcingWhenChanged<A extends unknown[], R>(
  feed: CaseChangeFeed,
  fn: (...args: A) => Promise<R>,
  caseIdOf: (...args: A) => string,
  project: (result: R) => string | undefined,
): (...args: A) => Promise<R> {
  const last = new Map<string, string>();
  return async (...args: A): Promise<R> => {
    const result = await fn(...args);
    const id = caseIdOf(...args);
    const projection = project(result);
    if (projection === undefined || last.get(id) === projection) return result;
    if (last.size >= REMEMBERED_MAX) last.clear();
    last.set(id, projection);
    feed.emit(id);
    return result;
  };
}
