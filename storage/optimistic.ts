import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The one read-modify-write loop behind every versioned document (cases, meetings,
 * requested changes): apply a pure mutation to the latest stored version and write it only
 * if nobody wrote in between; on a clash, re-read and re-apply. There are no multi-document
 * transactions on either backend, so this is how two simultaneous clicks both land.
 */
export type OptimisticResult<T> =
  /** `previous`: the stored version the change was made to. */
  | { readonly status: 'updated'; readonly value: T; readonly previous: T }
  /** The mutation returned what it was given: nothing to write (a repeated click). */
  | { readonly status: 'unchanged'; readonly value: T }
  | { readonly status: 'rejected'; readonly error: Error; readonly value: T }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

export interface OptimisticUpdate<T> {
  readonly attempts: number;
  read(): Promise<T | null>;
  /** The caller's pure mutation; it may run several times. An Error refuses (nothing is written). */
  mutate(current: T): T | Error;
  /** Checks the mutation kept the document's identity; a message refuses it. */
  identityProblem(next: T, current: T): string | undefined;
  /** The document to store: version bumped, audit appended, schema-checked. */
  finish(next: T, current: T): T;
  /** Writes `next` only if the stored version is still `current`'s; true when it did. */
  write(next: T, current: T): Promise<boolean>;
}

export async function updateOptimistically<T>(u: OptimisticUpdate<T>): Promise<OptimisticResult<T>> {
  for (let attempt = 1; attempt <= u.attempts; attempt++) {
    const current = await u.read();
    if (current === null) return { status: 'not_found' };
    const result = u.mutate(current);
    if (result instanceof Error) return { status: 'rejected', error: result, value: current };
    if (result === current) return { status: 'unchanged', value: current };
    const problem = u.identityProblem(result, current);
    if (problem) return { status: 'rejected', error: new Error(problem), value: current };
    const next = u.finish(result, current);
    if (await u.write(next, current)) return { status: 'updated', value: next, previous: current };
    await backoff(attempt);
  }
  return { status: 'conflict' };
}

/** Jittered so that racing writers do not retry in lock-step. */
export function backoff(attempt: number): Promise<void> {
  return sleep(Math.floor(Math.random() * Math.min(5 * attempt, 50)));
}
