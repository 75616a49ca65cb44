/**
 * Virtual time for delivery tests: `sleep` registers a timer that fires only when the test
 * advances the clock, so minutes of backoff and pacing run in milliseconds, in a fixed order.
 */
interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly resolve: () => void;
}

/** Lets every promise chain that can run, run (several turns of the event loop). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((r) => setImmediate(r));
}

export class VirtualClock {
  private timers: Timer[] = [];
  private seq = 0;
  /** Every wait asked for, in order (for asserting backoff and Retry-After). */
  readonly sleeps: number[] = [];

  constructor(public t: number = Date.UTC(2026, 0, 5, 9)) {}

  readonly now = (): number => this.t;
  readonly date = (): Date => new Date(this.t);

  readonly sleep = (ms: number): Promise<void> => {
    this.sleeps.push(ms);
    return new Promise<void>((resolve) => {
      this.timers.push({ at: this.t + Math.max(0, ms), seq: this.seq++, resolve });
    });
  };

  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing due timers in order and letting their work run. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settle();
      const next = this.earliest();
      if (!next || next.at > end) break;
      this.fire(next);
    }
    this.t = end;
    await settle();
  }

  /** Fires timers until none is left (bounded, so a bug cannot hang the test). */
  async runAll(maxTimers = 100_000): Promise<void> {
    for (let i = 0; i < maxTimers; i++) {
      await settle();
      const next = this.earliest();
      if (!next) return;
      this.fire(next);
    }
    throw new Error('VirtualClock.runAll: too many timers');
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) if (!best || timer.at < best.at || (timer.at === best.at && timer.seq < best.seq)) best = timer;
    return best;
  }

  private fire(timer: Timer): void {
    this.timers = this.timers.filter((x) => x !== timer);
    this.t = Math.max(this.t, timer.at);
    timer.resolve();
  }
}

/** A sleep that returns at once but moves a plain clock forward: for code that runs one thing at a time. */
export function steppingClock(start: number): { now: () => number; date: () => Date; sleep: (ms: number) => Promise<void>; set: (t: number) => void; sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    date: () => new Date(t),
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
    set: (next) => {
      t = next;
    },
    sleeps,
  };
}
