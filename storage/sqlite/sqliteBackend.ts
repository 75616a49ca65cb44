import fs from 'node:fs';
import Database from 'better-sqlite3';
import type { Backend, CollectionOptions, DocCollection, IndexSpec } from '../collection';
import { indexFields } from '../collection';
import { encodeDoc, sqlValue } from './docCodec';
import { fieldExpr, jsonPath, sideTable } from './sqlFilter';
import { SqliteCollection } from './sqliteCollection';
import type { QueryPlanCheck } from './queryPlanCheck';
import { checkedAtOpen } from './fileCheck';
import { StoreFileError } from './storeFileError';
import { WalSync } from './walSync';

/** "SEND" in ASCII: marks the file as this bot's, so a foreign SQLite file is refused, not written into. */
export const APPLICATION_ID = 0x53454e44;
const SCHEMA_VERSION = 1;
const BUSY_TIMEOUT_MS = 5000;
const TTL_SWEEP_MS = 60_000;
const NAME = /^[a-z][a-z0-9_]*$/;
/** The page cache of each connection, in KiB. */
const PAGE_CACHE_KIB = 2000;

export interface SqliteOptions {
  /** Tests: called for each new statement to check an index serves it. */
  readonly checkQueryPlans?: QueryPlanCheck;
  /** The file was checked page by page just before (fileCheck.ts): not again. */
  readonly fileChecked?: boolean;
}

function describe(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_NOTADB') return 'this file is not a SQLite database (damaged, or another program\'s file)';
  if (code === 'SQLITE_CORRUPT') return 'the database file is damaged';
  return err instanceof Error ? err.message : String(err);
}

/**
 * The embedded store: one SQLite file in WAL mode. Every write of case data is on disk before
 * the store reports it done (the WAL fsynced, as synchronous=FULL would, but off the event loop:
 * WalSync), and several processes on the same machine can share the file: writers
 * wait for each other (busy_timeout) instead of failing, and each conditional write is one
 * atomic statement or an IMMEDIATE transaction.
 */
export class SqliteBackend implements Backend {
  readonly kind = 'embedded' as const;
  private readonly sweeps: (() => void)[] = [];
  private readonly timer: NodeJS.Timeout;
  private readonly inode: number;
  private readonly walSync: WalSync;
  /** Each table in the file with its `ix_` indexes, read once on the first collection(). */
  private schema: Map<string, Set<string>> | undefined;

  private constructor(
    private readonly db: Database.Database,
    readonly location: string,
    private readonly options: SqliteOptions,
  ) {
    this.walSync = new WalSync(`${location}-wal`);
    this.inode = fs.statSync(location).ino;
    this.timer = setInterval(() => this.sweepExpired(), TTL_SWEEP_MS);
    this.timer.unref();
  }

  static open(file: string, options: SqliteOptions = {}): SqliteBackend {
    let db: Database.Database | undefined;
    try {
      db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
      checkOwnership(db, file);
      const mode = db.pragma('journal_mode = WAL', { simple: true });
      if (mode !== 'wal') throw new StoreFileError(file, `could not switch the database to WAL mode (got ${String(mode)})`);
      // NORMAL, plus an fsync of the WAL awaited off the event loop for every write of case data (WalSync).
      db.pragma('synchronous = NORMAL');
      // SQLite's own default page cache (2 MB), not better-sqlite3's 16 MB: the operating system
      // caches the file anyway, and the start-up check and sweep would otherwise fill 16 MB of the
      // bot's memory with pages it will not read again (docs/decisions/0005-sqlite-embedded-store.md).
      db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
      if (!options.fileChecked && checkedAtOpen(file)) {
        const check = db.pragma('quick_check', { simple: true });
        if (check !== 'ok') throw damaged(file, String(check));
      }
      return new SqliteBackend(db, file, options);
    } catch (err) {
      db?.close();
      if (err instanceof StoreFileError) throw err;
      throw new StoreFileError(file, describe(err));
    }
  }

  async collection<T extends { _id: string }>(name: string, indexes: readonly IndexSpec[], options: CollectionOptions = {}): Promise<DocCollection<T>> {
    const durable = options.durability === 'bookkeeping' ? undefined : () => this.walSync.sync();
    if (!NAME.test(name)) throw new Error(`invalid collection name "${name}"`);
    const arrayFields = new Set(indexes.flatMap((ix) => (ix.array ? [indexFields(ix)[0]!] : [])));
    // At every start but the first after an upgrade, everything is there: no write transaction.
    if (!this.upToDate(name, indexes)) this.db.transaction(() => this.createTable(name, indexes, options.unordered === true)).immediate();
    for (const ix of indexes) {
      if ('field' in ix && ix.expireAfterSeconds !== undefined) {
        const sweep = this.db.prepare(`DELETE FROM "${name}" WHERE ${fieldExpr(ix.field)} < ?`);
        const seconds = ix.expireAfterSeconds;
        const run = () => sweep.run(sqlValue(new Date(Date.now() - seconds * 1000)));
        run();
        this.sweeps.push(run);
      }
    }
    return new SqliteCollection<T>(this.db, name, arrayFields, this.options.checkQueryPlans, durable);
  }

  /** The table, its side tables and exactly its declared indexes are in the file (as it was when first asked). */
  private upToDate(name: string, indexes: readonly IndexSpec[]): boolean {
    this.schema ??= schemaOf(this.db);
    const present = this.schema.get(name);
    if (!present) return false;
    const wanted = new Set<string>();
    for (const ix of indexes) {
      const fields = indexFields(ix);
      if (ix.array) {
        if (!this.schema.has(sideTable(name, fields[0]!))) return false;
      } else wanted.add(indexName(name, fields));
    }
    return wanted.size === present.size && [...wanted].every((n) => present.has(n));
  }

  private createTable(name: string, indexes: readonly IndexSpec[], unordered = false): void {
    // Without a rowid, rows sit in _id order: nothing records the order they were written in.
    this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)${unordered ? ' WITHOUT ROWID' : ''}`);
    const wanted = new Set<string>();
    for (const ix of indexes) {
      const fields = indexFields(ix);
      const ixName = indexName(name, fields);
      if (ix.array) {
        // SQLite has no multikey index: the list field gets a side table; later fields are sorted in memory.
        this.createSideTable(name, fields[0]!);
        continue;
      }
      wanted.add(ixName);
      const unique = ix.unique ? 'UNIQUE ' : '';
      this.db.exec(`CREATE ${unique}INDEX IF NOT EXISTS "${ixName}" ON "${name}" (${fields.map(fieldExpr).join(', ')})`);
    }
    // A declaration removed from the code leaves no index behind to slow every write.
    const existing = this.db
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND name LIKE 'ix\\_%' ESCAPE '\\'`)
      .all(name) as { name: string }[];
    for (const { name: ixName } of existing) {
      if (!wanted.has(ixName)) this.db.exec(`DROP INDEX "${ixName}"`);
    }
  }

  /** A list field gets a (value, _id) table kept current by triggers: SQLite's multikey index. */
  private createSideTable(name: string, field: string): void {
    const side = sideTable(name, field);
    const path = jsonPath(field);
    const known = this.db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(side);
    if (known) return;
    this.db.exec(`
      CREATE TABLE "${side}" (value NOT NULL, _id TEXT NOT NULL, PRIMARY KEY (value, _id)) WITHOUT ROWID;
      CREATE INDEX "${side}_id" ON "${side}" (_id);
      CREATE TRIGGER "${side}_insert" AFTER INSERT ON "${name}" BEGIN
        INSERT OR IGNORE INTO "${side}" (value, _id) SELECT value, NEW._id FROM json_each(NEW.doc, '${path}') WHERE value IS NOT NULL;
      END;
      CREATE TRIGGER "${side}_update" AFTER UPDATE OF doc ON "${name}" BEGIN
        DELETE FROM "${side}" WHERE _id = OLD._id;
        INSERT OR IGNORE INTO "${side}" (value, _id) SELECT value, NEW._id FROM json_each(NEW.doc, '${path}') WHERE value IS NOT NULL;
      END;
      CREATE TRIGGER "${side}_delete" AFTER DELETE ON "${name}" BEGIN
        DELETE FROM "${side}" WHERE _id = OLD._id;
      END;
      INSERT OR IGNORE INTO "${side}" (value, _id)
        SELECT j.value, t._id FROM "${name}" AS t, json_each(t.doc, '${path}') AS j WHERE j.value IS NOT NULL;
    `);
  }

  private sweepExpired(): void {
    for (const sweep of this.sweeps) {
      try {
        sweep();
      } catch {
        // Busy for longer than busy_timeout (another process is writing a lot): the next sweep catches up.
      }
    }
  }

  /** The import of an earlier version's data: a whole collection in one transaction. */
  insertAll(name: string, docs: readonly { _id: string }[]): number {
    if (!NAME.test(name)) throw new Error(`invalid collection name "${name}"`);
    return this.db
      .transaction(() => {
        this.db.exec(`CREATE TABLE IF NOT EXISTS "${name}" (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)`);
        const insert = this.db.prepare(`INSERT INTO "${name}" (_id, doc) VALUES (?, ?)`);
        for (const doc of docs) insert.run(doc._id, encodeDoc(doc));
        return (this.db.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n;
      })
      .immediate();
  }

  /** Store-wide facts that are not documents (which migrations ran, with their counts). */
  readMeta(key: string): string | undefined {
    this.db.exec('CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    return (this.db.prepare('SELECT value FROM _meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  writeMeta(key: string, value: string): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS _meta (key TEXT PRIMARY KEY NOT NULL, value TEXT NOT NULL)');
    this.db.prepare('INSERT INTO _meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /**
   * Healthy means the file we write is still the one at its path: an open handle keeps working
   * after the file or its folder is deleted or replaced, and everything written then would be lost.
   */
  async ping(): Promise<void> {
    const now = fs.statSync(this.location, { throwIfNoEntry: false });
    if (now?.ino !== this.inode) throw new StoreFileError(this.location, 'the store file was removed or replaced while the bot was running');
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    this.walSync.close();
    if (this.db.open) this.db.close();
  }
}

function indexName(table: string, fields: readonly string[]): string {
  return `ix_${table}_${fields.join('_').replace(/\./g, '_')}`;
}

function schemaOf(db: Database.Database): Map<string, Set<string>> {
  const rows = db.prepare(`SELECT type, name, tbl_name AS tbl FROM sqlite_master WHERE type IN ('table', 'index')`).all() as { type: string; name: string; tbl: string }[];
  const tables = new Map<string, Set<string>>(rows.filter((r) => r.type === 'table').map((r) => [r.name, new Set<string>()]));
  for (const r of rows) if (r.type === 'index' && r.name.startsWith('ix_')) tables.get(r.tbl)?.add(r.name);
  return tables;
}

/** What quick_check reported about a damaged file. */
export function damaged(file: string, check: string): StoreFileError {
  return new StoreFileError(file, `the database file is damaged (integrity check: ${check})`);
}

/** A new file becomes ours; an existing one must already be ours. */
function checkOwnership(db: Database.Database, file: string): void {
  const appId = db.pragma('application_id', { simple: true }) as number;
  if (appId === APPLICATION_ID) {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new StoreFileError(file, `written by a newer version of the bot (store format ${version}, this version reads ${SCHEMA_VERSION}); upgrade the bot`);
    }
    return;
  }
  const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_master`).get() as { n: number };
  if (appId !== 0 || tables.n > 0) {
    throw new StoreFileError(file, 'this SQLite database belongs to another program; move it out of DATA_DIR or choose another DATA_DIR');
  }
  db.pragma(`application_id = ${APPLICATION_ID}`);
  db.pragma(`user_version = ${SCHEMA_VERSION}`);
}
