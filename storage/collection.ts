/**
 * The few document operations the product needs, implemented once per backend
 * (embedded SQLite and MongoDB). The product's stores are written against this
 * interface only, so both backends share every line of business logic and the
 * contract tests exercise the same code paths.
 */

/** Mongo-style filter subset both backends implement: equality, $lt/$lte/$gt/$gte, $in, $ne, $exists. */
export type Filter = Record<string, unknown>;

/**
 * Every query a store issues must be served by one of its collection's declared indexes
 * (a test runs the stores with SQLite's query planner checking it). The same declarations
 * build the SQLite expression indexes and the MongoDB indexes.
 */
export type IndexSpec =
  | {
      readonly field: string;
      readonly unique?: boolean;
      /** TTL: documents are removed this many seconds after the (Date) field's value. */
      readonly expireAfterSeconds?: number;
      /** The field holds a list and equality means "contains" (MongoDB's multikey index). */
      readonly array?: boolean;
    }
  | {
      /** A compound index, in this order: the equality fields of a query first, then its sort. */
      readonly fields: readonly [string, string, ...string[]];
      readonly unique?: boolean;
      /** The first field holds a list (SQLite indexes that field alone, MongoDB the whole compound). */
      readonly array?: boolean;
    };

export function indexFields(ix: IndexSpec): readonly string[] {
  return 'fields' in ix ? ix.fields : [ix.field];
}

export interface FindOptions {
  readonly sort?: Readonly<Record<string, 1 | -1>>;
  readonly limit?: number;
}

export interface DocCollection<T extends { _id: string }> {
  findById(id: string): Promise<T | null>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<T[]>;
  /**
   * Like find, but only `_id` and the named top-level fields come back: for a pass over a whole
   * collection that needs one small part of each document. A field stored as null comes back
   * absent, on both backends.
   */
  findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[], options?: FindOptions): Promise<Pick<T, '_id' | K>[]>;
  count(filter: Filter): Promise<number>;
  /**
   * The distinct values of one scalar field among the matches (MongoDB's distinct), without
   * reading the documents: for finding which cases a period touches before reading them once.
   */
  distinct(field: string, filter: Filter): Promise<unknown[]>;
  /** false when a unique index (or _id) already holds the value: the caller decides what a duplicate means. */
  insertOne(doc: T): Promise<boolean>;
  /** Replaces the document matched by `filter`; returns how many matched (0 or 1). */
  replaceOne(filter: Filter, doc: T): Promise<number>;
  /** $set on the first match; with upsert, creates it from the filter's equality fields plus `set`. */
  updateOne(filter: Filter, set: Partial<T>, options?: { upsert?: boolean }): Promise<number>;
  /**
   * $set on the first match in `sort` order, atomically, returning the document as written
   * (MongoDB's findOneAndUpdate): several instances claiming work each get a different one.
   */
  findOneAndUpdate(filter: Filter, set: Partial<T>, options?: { sort?: FindOptions['sort'] }): Promise<T | null>;
  deleteOne(filter: Filter): Promise<number>;
  deleteMany(filter: Filter): Promise<number>;
}

export interface CollectionOptions {
  /**
   * 'bookkeeping' is for records the product can afford to redo or rebuild: processed activity
   * ids, conversation references, dialog state, attempt counts. On SQLite their writes do not
   * wait for an fsync of their own: a crash of the process loses nothing; a power cut may lose
   * the last of them, while every write of case data (the default, 'acknowledged') is on disk
   * before the store reports it done, and takes the earlier ones with it.
   */
  readonly durability?: 'acknowledged' | 'bookkeeping';
  /**
   * Keep no trace of the order documents were written in: for records that must not be matched
   * to another collection's by their position (anonymous feedback beside the note of who has
   * answered). SQLite keeps such a table in `_id` order (WITHOUT ROWID); MongoDB cannot promise
   * this (docs/after-the-meeting.md).
   */
  readonly unordered?: boolean;
}

export interface Backend {
  readonly kind: 'embedded' | 'mongodb';
  /** Where the data lives, for logs: the SQLite file, or the MongoDB database name. */
  readonly location: string;
  collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[], options?: CollectionOptions): Promise<DocCollection<T>>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
