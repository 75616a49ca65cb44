import type { DocCollection, IndexSpec } from './collection';

/** Long enough to cover every Teams retry and a late duplicate; short enough to stay small. */
export const PROCESSED_TTL_SECONDS = 2 * 24 * 60 * 60;

export interface StoredInvokeResponse {
  readonly status: number;
  readonly body?: unknown;
}

export interface ProcessedActivityDoc {
  _id: string;
  state: 'processing' | 'done';
  /** JSON, so that any invoke body (with `$schema` or dotted keys) round-trips on every backend. */
  response?: string;
  createdAt: Date;
}

export const processedActivityIndexes: readonly IndexSpec[] = [
  { field: 'createdAt', expireAfterSeconds: PROCESSED_TTL_SECONDS },
];

export type ClaimResult =
  | { readonly claimed: true }
  | { readonly claimed: false; readonly state: 'processing' | 'done'; readonly response?: StoredInvokeResponse };

/** Remembers which activities were handled, so a redelivered one has no second effect. */
export class ProcessedActivityStore {
  constructor(private readonly docs: DocCollection<ProcessedActivityDoc>) {}

  static key(conversationId: string, activityId: string): string {
    return `${conversationId}|${activityId}`;
  }

  /**
   * `answered: false` for an activity whose HTTP answer carries nothing (a message: Teams reads
   * only the status). It is stored as done at once, so its turn needs no second write: a
   * duplicate hears 200 straight away, as it would once the turn were over.
   */
  async claim(key: string, now: Date, options: { answered?: boolean } = {}): Promise<ClaimResult> {
    const state = options.answered === false ? 'done' : 'processing';
    if (await this.docs.insertOne({ _id: key, state, createdAt: now })) return { claimed: true };
    const existing = await this.peek(key);
    if (!existing) return this.claim(key, now, options); // expired between the two calls
    return { claimed: false, ...existing };
  }

  async peek(key: string): Promise<{ state: 'processing' | 'done'; response?: StoredInvokeResponse } | null> {
    const doc = await this.docs.findById(key);
    if (!doc) return null;
    return { state: doc.state, response: doc.response ? (JSON.parse(doc.response) as StoredInvokeResponse) : undefined };
  }

  /**
   * Marks a claimed activity done with its answer. `claimedAt` is the time given to `claim`: the
   * whole record is written in one statement, without reading it back first (every turn does this).
   */
  async complete(key: string, claimedAt: Date, response?: StoredInvokeResponse): Promise<void> {
    await this.docs.replaceOne({ _id: key }, { _id: key, state: 'done', ...(response ? { response: JSON.stringify(response) } : {}), createdAt: claimedAt });
  }

  /** A turn that failed is released (only its own process does this) so that the channel's retry can run it again. */
  async release(key: string): Promise<void> {
    await this.docs.deleteOne({ _id: key });
  }
}
