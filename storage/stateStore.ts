import { randomUUID } from 'node:crypto';
import type { DocCollection } from './collection';

/** Same shape as botbuilder's StoreItem, declared here so storage/ does not import botbuilder. */
export interface StateItem {
  eTag?: string;
  [key: string]: unknown;
}
export type StateItems = Record<string, StateItem>;

export interface StateDoc {
  _id: string;
  eTag: string;
  /** JSON: dialog state holds keys such as `$instance` that NeDB and MongoDB refuse as field names. */
  json: string;
  updatedAt: Date;
}

export class StateConflictError extends Error {
  override readonly name = 'StateConflictError';
  constructor(key: string) {
    super(`State for "${key}" was changed by another turn (eTag mismatch)`);
  }
}

/**
 * Key-value state for botbuilder's ConversationState/UserState (it structurally
 * satisfies botbuilder's `Storage`). Honours eTags: a write carrying an eTag other
 * than "*" succeeds only if the stored item still has that eTag.
 */
export class StateStore {
  constructor(private readonly docs: DocCollection<StateDoc>) {}

  async read(keys: string[]): Promise<StateItems> {
    const out: StateItems = {};
    for (const key of keys) {
      const doc = await this.docs.findById(key);
      if (doc) out[key] = { ...(JSON.parse(doc.json) as StateItem), eTag: doc.eTag };
    }
    return out;
  }

  async write(changes: StateItems): Promise<void> {
    for (const [key, item] of Object.entries(changes)) {
      const { eTag, ...data } = item;
      const next: StateDoc = { _id: key, eTag: randomUUID(), json: JSON.stringify(data), updatedAt: new Date() };
      if (eTag === undefined || eTag === '*') {
        if ((await this.docs.replaceOne({ _id: key }, next)) === 0 && !(await this.docs.insertOne(next))) {
          // Created concurrently between the two calls: last writer wins, as "*" asks.
          await this.docs.replaceOne({ _id: key }, next);
        }
        continue;
      }
      if ((await this.docs.replaceOne({ _id: key, eTag }, next)) === 1) continue;
      if ((await this.docs.findById(key)) !== null || !(await this.docs.insertOne(next))) {
        throw new StateConflictError(key);
      }
    }
  }

  async delete(keys: string[]): Promise<void> {
    for (const key of keys) await this.docs.deleteOne({ _id: key });
  }
}
