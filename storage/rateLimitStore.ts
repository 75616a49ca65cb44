import { randomBytes } from 'node:crypto';
import type { AttemptLimiter } from '../domain/invites';
import type { DocCollection, IndexSpec } from './collection';

/**
 * One document per attempt rather than a counter: the document interface has no atomic
 * increment, and inserts never lose an update. Attempts are ranked by (at, _id), so of a
 * burst of simultaneous attempts exactly the first `limit` (in that order) are allowed.
 */
export interface AttemptDoc {
  /** Orders attempts made in the same millisecond: this process's monotonic clock, then random. */
  _id: string;
  key: string;
  at: Date;
}

export const RATE_LIMITS_COLLECTION = 'rate_limits';

/** Longer than any window the product uses, so the TTL never removes a counted attempt. */
export const ATTEMPT_RETENTION_SECONDS = 24 * 60 * 60;

export const rateLimitIndexes: readonly IndexSpec[] = [
  { field: 'key' },
  { field: 'at', expireAfterSeconds: ATTEMPT_RETENTION_SECONDS },
];

function before(a: AttemptDoc, b: AttemptDoc): boolean {
  const ta = a.at.getTime();
  const tb = b.at.getTime();
  return ta < tb || (ta === tb && a._id <= b._id);
}

function attemptId(): string {
  return `${process.hrtime.bigint().toString().padStart(20, '0')}-${randomBytes(6).toString('base64url')}`;
}

export class RateLimitStore implements AttemptLimiter {
  constructor(private readonly docs: DocCollection<AttemptDoc>) {}

  async acquire(key: string, limit: number, windowMs: number, now: Date): Promise<{ allowed: boolean; attemptId: string }> {
    const mine: AttemptDoc = { _id: attemptId(), key, at: now };
    await this.docs.insertOne(mine);
    const recent = await this.docs.find({ key, at: { $gt: new Date(now.getTime() - windowMs) } });
    const rank = recent.filter((d) => before(d, mine)).length;
    if (rank <= limit) return { allowed: true, attemptId: mine._id };
    await this.docs.deleteOne({ _id: mine._id });
    return { allowed: false, attemptId: mine._id };
  }

  async forgive(attemptId: string): Promise<void> {
    await this.docs.deleteOne({ _id: attemptId });
  }

  /** How many counted attempts the key has in the window (for tests and diagnostics). */
  async count(key: string, windowMs: number, now: Date): Promise<number> {
    return this.docs.count({ key, at: { $gt: new Date(now.getTime() - windowMs) } });
  }
}
