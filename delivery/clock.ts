/** Time, injected everywhere in delivery/ so tests can run a year of reminders in milliseconds. */
export type Sleep = (ms: number) => Promise<void>;

export const realSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** Thrown by a stoppable wait when its owner stops. */
export class StoppedError extends Error {
  override readonly name = 'StoppedError';
  constructor() {
    super('stopped while waiting');
  }
}

/**
 * `sleep`, ended early (rejecting with StoppedError) once `signal()` aborts, so that shutting
 * down never waits out a retry's back-off or a pacing delay. The real timer is cleared.
 */
export function stoppable(sleep: Sleep, signal: () => AbortSignal): Sleep {
  return (ms) => {
    const s = signal();
    if (s.aborted) return Promise.reject(new StoppedError());
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const onAbort = () => {
        if (timer) clearTimeout(timer);
        reject(new StoppedError());
      };
      s.addEventListener('abort', onAbort, { once: true });
      const done = () => {
        s.removeEventListener('abort', onAbort);
        resolve();
      };
      if (sleep === realSleep) timer = setTimeout(done, Math.max(0, ms));
      else sleep(ms).then(done, reject);
    });
  };
}
