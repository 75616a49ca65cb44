/**
 * The few document operations the product needs, implemented once per backend
 * (embedded NeDB and MongoDB). The product's stores are written against this
 * interface only, so both backends share every line of business logic and the
 * contract tests exercise the same code paths.
 */

/** Mongo-style filter subset that NeDB also understands: equality, $lt/$lte/$gt/$gte, $in, $ne, $exists. */
export type Filter = Record<string, unknown>;

export interface IndexSpec {
  readonly field: string;
  readonly unique?: boolean;
  /** TTL: documents are removed this many seconds after the (Date) field's value. */
  readonly expireAfterSeconds?: number;
}

export interface FindOptions {
  readonly sort?: Readonly<Record<string, 1 | -1>>;
  readonly limit?: number;
}

export interface DocCollection<T extends { _id: string }> {
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  count(filter: Filter): Promise<number>;
  /** false when a unique index (or _id) already holds the value: the caller decides what a duplicate means. */
  insertOne(doc: T): Promise<boolean>;
  /** Replaces the document matched by `filter`; returns how many matched (0 or 1). */
  replaceOne(filter: Filter, doc: T): Promise<number>;
  /** $set on the first match; with upsert, creates it from the filter's equality fields plus `set`. */
  updateOne(filter: Filter, set: Partial<T>, options?: { upsert?: boolean }): Promise<number>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
}

export interface Backend {
  readonly kind: 'embedded' | 'mongodb';
  collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[]): Promise<DocCollection<T>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
