import { realSleep, type Sleep } from './clock';

/** At most `count` sends in any `windowMs`. */
export interface RateLimit {
  readonly count: number;
  readonly windowMs: number;
}

/** Teams' limits per bot per conversation (docs/architecture.md#what-teams-does-to-a-bot). */
export const TEAMS_CONVERSATION_LIMITS: readonly RateLimit[] = [
  { count: 7, windowMs: 1000 },
  { count: 60, windowMs: 30_000 },
];

export interface PacerOptions {
  readonly limits?: readonly RateLimit[];
  /** Epoch ms. */
  readonly now?: () => number;
  readonly sleep?: Sleep;
}

interface Lane {
  /** Resolves when the last queued send has its slot: sends take slots in arrival order. */
  tail: Promise<void>;
  /** Start times of recent sends, oldest first; never longer than the largest limit's count. */
  readonly starts: number[];
  waiting: number;
}

/**
 * Idle lanes are forgotten once there are more than this many, so memory follows activity; after
 * a sweep, the next comes when the lanes left have doubled (see pace).
 */
const SWEEP_AT = 1000;

/**
 * Keeps sends to each conversation within Teams' limits, using a sliding log of start times
 * per conversation. Sends to one conversation queue for slots in arrival order; different
 * conversations have separate lanes and never wait for each other. The send itself is not
 * serialised: once it has its slot, the next one in the lane can take the following slot.
 */
export class ConversationPacer {
  private readonly limits: readonly RateLimit[];
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly maxWindow: number;
  private readonly maxCount: number;
  private readonly lanes = new Map<string, Lane>();
  private sweepAt = SWEEP_AT;

  constructor(options: PacerOptions = {}) {
    this.limits = options.limits ?? TEAMS_CONVERSATION_LIMITS;
    if (this.limits.some((l) => !(l.count >= 1) || !(l.windowMs > 0))) throw new Error('Each rate limit needs a count of 1 or more and a window above 0 ms.');
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? realSleep;
    this.maxWindow = Math.max(0, ...this.limits.map((l) => l.windowMs));
    this.maxCount = Math.max(0, ...this.limits.map((l) => l.count));
  }

  /** Waits for a slot in the conversation's lane, then runs `send` and returns what it returns. */
  async pace<T>(conversationId: string, send: () => Promise<T>): Promise<T> {
    if (this.lanes.size > this.sweepAt) {
      this.sweep();
      // When most lanes are busy (over a thousand conversations sent to within the largest window),
      // sweeping again at the next send would walk them all for nothing, on every send.
      this.sweepAt = Math.max(SWEEP_AT, 2 * this.lanes.size);
    }
    let lane = this.lanes.get(conversationId);
    if (!lane) {
      lane = { tail: Promise.resolve(), starts: [], waiting: 0 };
      this.lanes.set(conversationId, lane);
    }
    const current = lane;
    current.waiting += 1;
    const slot = current.tail.then(() => this.takeSlot(current));
    // The next send waits for this slot whether or not it was granted cleanly.
    current.tail = slot.catch(() => undefined);
    try {
      await slot;
    } finally {
      current.waiting -= 1;
    }
    return send();
  }

  /** Conversations with recent or queued sends (for tests and metrics). */
  get activeConversations(): number {
    return this.lanes.size;
  }

  private async takeSlot(lane: Lane): Promise<void> {
    for (;;) {
      const t = this.now();
      let wait = 0;
      for (const limit of this.limits) {
        const n = lane.starts.length;
        if (n < limit.count) continue;
        const oldestInWindow = lane.starts[n - limit.count] ?? t;
        wait = Math.max(wait, oldestInWindow + limit.windowMs - t);
      }
      if (wait <= 0) {
        lane.starts.push(t);
        if (lane.starts.length > this.maxCount) lane.starts.splice(0, lane.starts.length - this.maxCount);
        return;
      }
      await this.sleep(wait);
    }
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, lane] of this.lanes) {
      const last = lane.starts[lane.starts.length - 1];
      if (lane.waiting === 0 && (last === undefined || last + this.maxWindow <= t)) this.lanes.delete(id);
    }
  }
}
