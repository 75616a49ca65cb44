import { randomBytes } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { DocCollection, Filter, FindOptions } from '../collection';
import { decodeDoc, decodeValue, encodeDoc } from './docCodec';
import { fieldExpr, jsonPath, orderAndLimit, translateFilter, type FilterContext, type SqlQuery } from './sqlFilter';
import type { QueryPlanCheck } from './queryPlanCheck';

type Row = { _id: string; doc: string };
type Param = SqlQuery['params'][number];

function isConstraintViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** MongoDB's $set with dotted paths: intermediate objects are created. */
function setPath(doc: Record<string, unknown>, field: string, value: unknown): void {
  const parts = field.split('.');
  let node = doc;
  for (const part of parts.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== 'object' || next === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

function applySet<T>(doc: T, set: Partial<T>): T {
  const next = doc as Record<string, unknown>;
  for (const [k, v] of Object.entries(set)) {
    if (v !== undefined) setPath(next, k, v);
  }
  return doc;
}

/** The equality fields of a filter become the fields of an upserted document, as in MongoDB. */
function seedFromFilter(filter: Filter): Record<string, unknown> {
  const doc: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    const isOperator = typeof v === 'object' && v !== null && !(v instanceof Date) && Object.keys(v).some((key) => key.startsWith('$'));
    if (!isOperator) setPath(doc, k, v);
  }
  return doc;
}

/**
 * One collection = one table (`_id`, `doc` JSON). better-sqlite3 is synchronous: each call
 * runs to completion on the event loop, and every read-modify-write runs in an IMMEDIATE
 * transaction so that another process on the same file waits (busy_timeout) rather than
 * interleaving.
 */
export class SqliteCollection<T extends { _id: string }> implements DocCollection<T> {
  private readonly statements = new Map<string, Database.Statement>();
  private readonly ctx: FilterContext;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    arrayFields: ReadonlySet<string>,
    private readonly planCheck: QueryPlanCheck | undefined,
    /** For collections whose writes must be on disk before they are reported done (see WalSync). */
    private readonly durable: (() => Promise<void>) | undefined,
  ) {
    this.ctx = { table, arrayFields };
  }

  private statement(sql: string, params: readonly Param[]): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
      this.planCheck?.(this.db, this.table, sql, params);
    }
    return st;
  }

  private select(filter: Filter, options: FindOptions, columns = '_id, doc'): { st: Database.Statement; params: Param[] } {
    const q = translateFilter(filter, this.ctx);
    const tail = orderAndLimit(options);
    const params = [...q.params, ...tail.params];
    return { st: this.statement(`SELECT ${columns} FROM "${this.table}" WHERE ${q.where}${tail.sql}`, params), params };
  }

  async findById(id: string): Promise<T | null> {
    return this.findOne({ _id: id });
  }

  async findOne(filter: Filter): Promise<T | null> {
    const { st, params } = this.select(filter, { limit: 1 });
    const row = st.get(...params) as Row | undefined;
    return row ? decodeDoc<T>(row.doc) : null;
  }

  async find(filter: Filter, options: FindOptions = {}): Promise<T[]> {
    const { st, params } = this.select(filter, options);
    return (st.all(...params) as Row[]).map((r) => decodeDoc<T>(r.doc));
  }

  async findFields<K extends keyof T & string>(filter: Filter, fields: readonly K[], options: FindOptions = {}): Promise<Pick<T, '_id' | K>[]> {
    // `->` returns the field as JSON (true stays true, where json_extract would give 1), and json_object nests it.
    const parts = fields.map((f) => {
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(f)) throw new Error(`findFields takes top-level field names (got ${f})`);
      return `'${f}', doc -> '${jsonPath(f)}'`;
    });
    const { st, params } = this.select(filter, options, `_id, json_object('_id', _id${parts.map((p) => `, ${p}`).join('')}) AS doc`);
    return (st.all(...params) as Row[]).map((r) => {
      const doc = decodeDoc<Record<string, unknown>>(r.doc);
      for (const f of fields) if (doc[f] === null) delete doc[f];
      return doc as Pick<T, '_id' | K>;
    });
  }

  async count(filter: Filter): Promise<number> {
    const { st, params } = this.select(filter, {}, 'count(*) AS n');
    return (st.get(...params) as { n: number }).n;
  }

  async distinct(field: string, filter: Filter): Promise<unknown[]> {
    const { st, params } = this.select(filter, {}, `DISTINCT ${fieldExpr(field)} AS v`);
    // The field's own index expression (json_extract), so the index serves it; dates decoded as find does.
    return (st.all(...params) as { v: unknown }[]).filter((r) => r.v !== null).map((r) => decodeValue(r.v));
  }

  async insertOne(doc: T): Promise<boolean> {
    try {
      this.statement(`INSERT INTO "${this.table}" (_id, doc) VALUES (?, ?)`, []).run(doc._id, encodeDoc(doc));
    } catch (err) {
      if (isConstraintViolation(err)) return false;
      throw err;
    }
    await this.durable?.();
    return true;
  }

  /** After a write that changed something: on disk before the caller hears it is done. */
  private async written(changes: number): Promise<number> {
    if (changes > 0) await this.durable?.();
    return changes;
  }

  async replaceOne(filter: Filter, doc: T): Promise<number> {
    const q = translateFilter(filter, this.ctx);
    // One statement: the version check and the write are atomic, across processes too.
    const sql = `UPDATE "${this.table}" SET doc = ? WHERE _id IN (SELECT _id FROM "${this.table}" WHERE ${q.where} LIMIT 1)`;
    const params = [encodeDoc(doc), ...q.params];
    let changes: number;
    try {
      changes = this.statement(sql, params).run(...params).changes;
    } catch (err) {
      if (isConstraintViolation(err)) return 0;
      throw err;
    }
    return this.written(changes);
  }

  async updateOne(filter: Filter, set: Partial<T>, options: { upsert?: boolean } = {}): Promise<number> {
    let changes: number;
    try {
      changes = this.db
        .transaction(() => {
          if (this.updateFirst(filter, set, {})) return 1;
          if (!options.upsert) return 0;
          const seeded = seedFromFilter(filter);
          const doc = applySet({ _id: randomBytes(12).toString('base64url'), ...seeded } as unknown as T, set);
          this.statement(`INSERT INTO "${this.table}" (_id, doc) VALUES (?, ?)`, []).run(doc._id, encodeDoc(doc));
          return 1;
        })
        .immediate();
    } catch (err) {
      if (isConstraintViolation(err)) return 0;
      throw err;
    }
    return this.written(changes);
  }

  async findOneAndUpdate(filter: Filter, set: Partial<T>, options: { sort?: FindOptions['sort'] } = {}): Promise<T | null> {
    const doc = this.db.transaction(() => this.updateFirst(filter, set, options)).immediate();
    if (doc) await this.durable?.();
    return doc;
  }

  /** Inside a transaction: read the first match, apply $set, write it back. */
  private updateFirst(filter: Filter, set: Partial<T>, options: { sort?: FindOptions['sort'] }): T | null {
    const { st, params } = this.select(filter, { ...options, limit: 1 });
    const row = st.get(...params) as Row | undefined;
    if (!row) return null;
    const next = applySet(decodeDoc<T>(row.doc), set);
    const write = [encodeDoc(next), row._id];
    this.statement(`UPDATE "${this.table}" SET doc = ? WHERE _id = ?`, write).run(...write);
    return next;
  }

  async deleteOne(filter: Filter): Promise<number> {
    const q = translateFilter(filter, this.ctx);
    const sql = `DELETE FROM "${this.table}" WHERE _id = (SELECT _id FROM "${this.table}" WHERE ${q.where} LIMIT 1)`;
    return this.written(this.statement(sql, q.params).run(...q.params).changes);
  }

  async deleteMany(filter: Filter): Promise<number> {
    const q = translateFilter(filter, this.ctx);
    return this.written(this.statement(`DELETE FROM "${this.table}" WHERE ${q.where}`, q.params).run(...q.params).changes);
  }
}
