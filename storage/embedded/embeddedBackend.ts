import fs from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import type { Backend, DocCollection, Filter, FindOptions, IndexSpec } from '../collection';
import { KeptOpenAppend } from './keptOpenAppend';
import { repairTornTail } from './repairTornTail';

const COMPACT_EVERY_MS = 10 * 60 * 1000;

function isUniqueViolation(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { errorType?: unknown }).errorType === 'uniqueViolated';
}

class EmbeddedCollection<T extends { _id: string }> implements DocCollection<T> {
  constructor(private readonly db: Datastore<T>) {}

  async findById(id: string): Promise<T | null> {
    return this.db.findOneAsync({ _id: id } as Filter);
  }
  async findOne(filter: Filter): Promise<T | null> {
    return this.db.findOneAsync(filter);
  }
  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.db.findAsync(filter);
    if (options.sort) cursor = cursor.sort(options.sort as Record<string, number>);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return cursor;
  }
  async count(filter: Filter): Promise<number> {
    return this.db.countAsync(filter);
  }
  async insertOne(doc: T): Promise<boolean> {
    try {
      await this.db.insertAsync(doc);
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }
  async replaceOne(filter: Filter, doc: T): Promise<number> {
    const { numAffected } = await this.db.updateAsync(filter, doc, {});
    return numAffected;
  }
  async updateOne(filter: Filter, set: Partial<T>, options: { upsert?: boolean } = {}): Promise<number> {
    try {
      const { numAffected } = await this.db.updateAsync(filter, { $set: set }, { upsert: options.upsert ?? false });
      return numAffected;
    } catch (err) {
      if (isUniqueViolation(err)) return 0;
      throw err;
    }
  }
  async deleteOne(filter: Filter): Promise<number> {
    return this.db.removeAsync(filter, { multi: false });
  }
  async deleteMany(filter: Filter): Promise<number> {
    return this.db.removeAsync(filter, { multi: true });
  }
}

/**
 * Files under DATA_DIR, one per collection, whole data set in memory. One process
 * only: NeDB has no cross-process locking, which is why several instances need MongoDB.
 */
export class EmbeddedBackend implements Backend {
  readonly kind = 'embedded' as const;
  private readonly stores: Datastore<{ _id: string }>[] = [];
  private readonly appenders: KeptOpenAppend[] = [];

  private constructor(private readonly dir: string, private readonly onRepair: (file: string, bytes: number) => void) {}

  static async open(dir: string, onRepair: (file: string, bytes: number) => void = () => {}): Promise<EmbeddedBackend> {
    await fs.mkdir(dir, { recursive: true });
    return new EmbeddedBackend(dir, onRepair);
  }

  async collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[]): Promise<DocCollection<T>> {
    const filename = path.join(this.dir, `${name}.db`);
    const { repaired, droppedBytes } = await repairTornTail(filename);
    if (repaired) this.onRepair(filename, droppedBytes);
    const db = new Datastore<T>({ filename, autoload: false, corruptAlertThreshold: 0, timestampData: false });
    await db.loadDatabaseAsync();
    for (const ix of indexes) {
      await db.ensureIndexAsync({ fieldName: ix.field, unique: ix.unique ?? false, expireAfterSeconds: ix.expireAfterSeconds });
    }
    db.setAutocompactionInterval(COMPACT_EVERY_MS);
    this.stores.push(db as unknown as Datastore<{ _id: string }>);
    this.appenders.push(KeptOpenAppend.install(db as unknown as Datastore<{ _id: string }>, filename));
    return new EmbeddedCollection<T>(db);
  }

  async ping(): Promise<void> {
    // The store lives in this process; "reachable" means its folder is still writable.
    await fs.access(this.dir, fs.constants.W_OK);
  }

  async close(): Promise<void> {
    for (const db of this.stores) db.stopAutocompaction();
    // Before the compactions, so that no write after them can open a handle again.
    for (const a of this.appenders) a.stopKeepingOpen();
    for (const db of this.stores) {
      // Compaction only tidies the file; every write is already appended, so a failure here loses nothing.
      // It also closes the kept handle, in NeDB's queue behind any write still running.
      await db.compactDatafileAsync().catch(() => undefined);
    }
    this.stores.length = 0;
    // In case a compaction never ran (its handle is otherwise already closed; nothing reopens one now).
    for (const a of this.appenders) await a.release().catch(() => undefined);
    this.appenders.length = 0;
  }
}
