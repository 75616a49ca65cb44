import type { DocCollection } from './collection';

/**
 * Facts about the store itself rather than about any case: which one-time migrations have run,
 * with their counts. A migration that has its marker is not run again, so its full read of a
 * collection happens once in the store's life, not at every start-up.
 */
export interface StoreMarkerDoc {
  _id: string;
  at: Date;
  counts: Record<string, number>;
}

export const STORE_MARKERS_COLLECTION = 'store_markers';

export class StoreMarkers {
  constructor(private readonly docs: DocCollection<StoreMarkerDoc>) {}

  async get(key: string): Promise<StoreMarkerDoc | null> {
    return this.docs.findById(key);
  }

  /** Sets it once; a second instance finishing the same migration at the same time changes nothing. */
  async set(key: string, counts: Record<string, number>, at: Date): Promise<void> {
    await this.docs.insertOne({ _id: key, at, counts });
  }
}

/**
 * Every document of a collection, a page at a time in `_id` order (served by the primary key on
 * both backends), yielding to the event loop between pages so that a long read never holds up
 * requests and never holds a whole collection in memory.
 */
export function everyDocument<T extends { _id: string }>(docs: DocCollection<T>): AsyncGenerator<T>;
/** … or only `_id` and the named fields of each. */
export function everyDocument<T extends { _id: string }, K extends keyof T & string>(docs: DocCollection<T>, fields: readonly K[]): AsyncGenerator<Pick<T, '_id' | K>>;
export async function* everyDocument<T extends { _id: string }, K extends keyof T & string>(docs: DocCollection<T>, fields?: readonly K[]): AsyncGenerator<Pick<T, '_id' | K>> {
  const pageSize = 500;
  let after: string | undefined;
  for (;;) {
    const filter = after === undefined ? {} : { _id: { $gt: after } };
    const options = { sort: { _id: 1 as const }, limit: pageSize };
    const page = fields ? await docs.findFields(filter, fields, options) : await docs.find(filter, options);
    for (const doc of page) yield doc;
    if (page.length < pageSize) return;
    after = String(page[page.length - 1]!._id);
    await new Promise((resolve) => setImmediate(resolve));
  }
}
