import { createHash } from 'node:crypto';
import { MongoClient, MongoServerError, type Collection, type Db, type Document, type IndexDescription } from 'mongodb';
import { indexFields, type Backend, type CollectionOptions, type DocCollection, type Filter, type FindOptions, type IndexSpec } from '../collection';

const DUPLICATE_KEY = 11000;
const MIGRATIONS = '_migrations';

function isDuplicateKey(err: unknown): boolean {
  return err instanceof MongoServerError && err.code === DUPLICATE_KEY;
}

class MongoCollection<T extends { _id: string }> implements DocCollection<T> {
  constructor(private readonly c: Collection<Document>) {}

  async findById(id: string): Promise<T | null> {
    return (await this.c.findOne({ _id: id } as Document)) as T | null;
  }
  async findOne(filter: Filter): Promise<T | null> {
    return (await this.c.findOne(filter)) as T | null;
  }
  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    let cursor = this.c.find(filter);
    if (options.sort) cursor = cursor.sort(options.sort as Record<string, 1 | -1>);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    return (await cursor.toArray()) as unknown as T[];
  }
  async findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[], options: FindOptions = {}): Promise<Pick<T, '_id' | K>[]> {
    let cursor = this.c.find(filter, { projection: { _id: 1, ...Object.fromEntries(fields.map((f) => [f, 1])) } });
    if (options.sort) cursor = cursor.sort(options.sort as Record<string, 1 | -1>);
    if (options.limit !== undefined) cursor = cursor.limit(options.limit);
    const docs = await cursor.toArray();
    // As on the embedded store: a field stored as null comes back absent.
    for (const doc of docs) for (const f of fields) if (doc[f] === null) delete doc[f];
    return docs as unknown as Pick<T, '_id' | K>[];
  }
  async distinct(field: string, filter: Filter): Promise<unknown[]> {
    return (await this.c.distinct(field, filter)).filter((v: unknown) => v !== null && v !== undefined);
  }
  async count(filter: Filter): Promise<number> {
    return this.c.countDocuments(filter);
  }
  async insertOne(doc: T): Promise<boolean> {
    try {
      await this.c.insertOne(doc as Document);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
  async replaceOne(filter: Filter, doc: T): Promise<number> {
    return (await this.c.replaceOne(filter, doc as Document)).matchedCount;
  }
  async updateOne(filter: Filter, set: Partial<T>, options: { upsert?: boolean } = {}): Promise<number> {
    try {
      const r = await this.c.updateOne(filter, { $set: set as Document }, { upsert: options.upsert ?? false });
      return r.matchedCount + r.upsertedCount;
    } catch (err) {
      if (isDuplicateKey(err)) return 0;
      throw err;
    }
  }
  async findOneAndUpdate(filter: Filter, set: Partial<T>, options: { sort?: FindOptions['sort'] } = {}): Promise<T | null> {
    const doc = await this.c.findOneAndUpdate(filter, { $set: set as Document }, {
      returnDocument: 'after',
      ...(options.sort ? { sort: options.sort as Record<string, 1 | -1> } : {}),
    });
    return doc as T | null;
  }
  async deleteOne(filter: Filter): Promise<number> {
    return (await this.c.deleteOne(filter)).deletedCount;
  }
  async deleteMany(filter: Filter): Promise<number> {
    return (await this.c.deleteMany(filter)).deletedCount;
  }
}

export function mongoIndex(ix: IndexSpec): IndexDescription {
  const key = Object.fromEntries(indexFields(ix).map((f) => [f, 1 as const]));
  return {
    key,
    unique: ix.unique ?? false,
    ...('field' in ix && ix.expireAfterSeconds !== undefined ? { expireAfterSeconds: ix.expireAfterSeconds } : {}),
  };
}

/**
 * For deployments with several bot instances: the same operations on a shared MongoDB.
 * Writes wait for a majority of the replica set and its journal, so an acknowledged
 * acknowledgement survives the loss of the primary.
 */
export class MongoBackend implements Backend {
  readonly kind = 'mongodb' as const;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
  ) {}

  get location(): string {
    return this.db.databaseName;
  }

  static async open(uri: string, dbName: string): Promise<MongoBackend> {
    const client = new MongoClient(uri, {
      serverSelectionTimeoutMS: 5000,
      appName: 'send-mediation-bot',
      writeConcern: { w: 'majority', journal: true },
    });
    await client.connect();
    return new MongoBackend(client, client.db(dbName));
  }

  /**
   * Indexes are a migration step: created when their declarations change (recorded in
   * `_migrations` with a hash), not by every instance on every start. Indexes no longer
   * declared are dropped, so they stop costing every write.
   */
  /** Every write waits for the majority (options.durability is for SQLite, whose commits cost an fsync each). */
  async collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[], _options?: CollectionOptions): Promise<DocCollection<T>> {
    const c = this.db.collection(name);
    const wanted = indexes.map(mongoIndex);
    const hash = createHash('sha256').update(JSON.stringify(wanted)).digest('hex');
    const migrations = this.db.collection<{ _id: string; hash: string; at: Date }>(MIGRATIONS);
    const done = await migrations.findOne({ _id: `indexes:${name}` });
    if (done?.hash !== hash) {
      const names = wanted.length ? await c.createIndexes(wanted) : [];
      const existing = await c.indexes().catch(() => [] as { name?: string }[]);
      for (const ix of existing) {
        if (ix.name && ix.name !== '_id_' && !names.includes(ix.name)) await c.dropIndex(ix.name);
      }
      await migrations.updateOne({ _id: `indexes:${name}` }, { $set: { hash, at: new Date() } }, { upsert: true });
    }
    return new MongoCollection<T>(c);
  }

  async ping(): Promise<void> {
    await this.db.command({ ping: 1 });
  }

  async close(): Promise<void> {
    await this.client.close();
  }
}
