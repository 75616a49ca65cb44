import { MongoClient, MongoServerError, type Collection, type Db, type Document } from 'mongodb';
import type { Backend, DocCollection, Filter, FindOptions, IndexSpec } from '../collection';

const DUPLICATE_KEY = 11000;

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
  async deleteOne(filter: Filter): Promise<number> {
    return (await this.c.deleteOne(filter)).deletedCount;
  }
  async deleteMany(filter: Filter): Promise<number> {
    return (await this.c.deleteMany(filter)).deletedCount;
  }
}

/** For deployments with several bot instances: the same operations on a shared MongoDB. */
export class MongoBackend implements Backend {
  readonly kind = 'mongodb' as const;

  private constructor(private readonly client: MongoClient, private readonly db: Db) {}

  static async open(uri: string, dbName: string): Promise<MongoBackend> {
    const client = new MongoClient(uri, { serverSelectionTimeoutMS: 5000, appName: 'send-mediation-bot' });
    await client.connect();
    return new MongoBackend(client, client.db(dbName));
  }

  async collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[]): Promise<DocCollection<T>> {
    const c = this.db.collection(name);
    for (const ix of indexes) {
      await c.createIndex(
        { [ix.field]: 1 },
        {
          unique: ix.unique ?? false,
          ...(ix.expireAfterSeconds !== undefined ? { expireAfterSeconds: ix.expireAfterSeconds } : {}),
        },
      );
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
