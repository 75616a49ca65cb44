/**
 * Tells whoever listens that something a case's deadlines depend on was written (the case,
 * its meeting, outcome, certificates, or the requested changes being sent). The bot listens
 * to recompute reminders; storage knows nothing about reminders, only which case changed.
 * Listeners run synchronously and must not throw: they only schedule work.
 */
export type CaseChangeListener = (caseId: string, reason: ChangeReason) => void;

/**
 * 'changed': something the listeners read was written. 'unseen': a write that changed none of
 * it, to a case this process had not seen since it started, announced so that work a crash
 * left undone (a recomputation of its reminders) is made up.
 */
export type ChangeReason = 'changed' | 'unseen';

export class CaseChangeFeed {
  private readonly listeners = new Set<CaseChangeListener>();

  subscribe(listener: CaseChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(caseId: string, reason: ChangeReason = 'changed'): void {
    for (const listener of this.listeners) {
      try {
        listener(caseId, reason);
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

/** What announcingWhenChanged compares: the part listeners read, after the write and before it. */
export interface ChangeProjection {
  readonly now: string;
  readonly before: string;
}

/**
 * `announcing` for updates that usually change nothing a listener reads (an audit entry for a
 * terms agreement, a checklist tick): announces 'changed' only when the part listeners read
 * (`project`, after and before the write) differs. `project` gives undefined when nothing was
 * written. The first update of a case after start is announced anyway, as 'unseen', so a
 * recomputation lost to a crash is made up on the next change.
 */
export function announcingWhenChanged<A extends unknown[], R>(
  feed: CaseChangeFeed,
  fn: (...args: A) => Promise<R>,
  caseIdOf: (...args: A) => string,
  project: (result: R) => ChangeProjection | undefined,
): (...args: A) => Promise<R> {
  const seen = new Set<string>();
  return async (...args: A): Promise<R> => {
    const result = await fn(...args);
    const p = project(result);
    if (p === undefined) return result;
    const id = caseIdOf(...args);
    const first = !seen.has(id);
    if (first) {
      if (seen.size >= REMEMBERED_MAX) seen.clear();
      seen.add(id);
    }
    if (p.now !== p.before) feed.emit(id, 'changed');
    else if (first) feed.emit(id, 'unseen');
    return result;
  };
}
