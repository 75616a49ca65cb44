import type { Filter, FindOptions } from '../collection';
import { sqlList, sqlValue } from './docCodec';

/**
 * The Mongo-style filter subset the stores use, as SQL over a `doc` JSON column:
 * equality, $lt/$lte/$gt/$gte, $in, $ne, $exists, dotted paths, sort and limit.
 * The SQL text depends only on the filter's shape (values are parameters, lists go through
 * json_each), so prepared statements are reused, and each field is read with exactly the
 * expression its index was built on, which is what lets SQLite use the index.
 */

export interface SqlQuery {
  readonly where: string;
  readonly params: (string | number | bigint | null)[];
}

/** Fields declared as arrays (multikey): equality means "contains", served by a side table. */
export interface FilterContext {
  readonly table: string;
  readonly arrayFields: ReadonlySet<string>;
}

const SEGMENT = /^[A-Za-z0-9_]+$/;

export function jsonPath(field: string): string {
  const segments = field.split('.');
  for (const s of segments) {
    if (!SEGMENT.test(s)) throw new Error(`unsupported field name in a store query: "${field}"`);
  }
  return `$.${segments.map((s) => `"${s}"`).join('.')}`;
}

/** The one expression for a field: queries and indexes must spell it identically. */
export function fieldExpr(field: string): string {
  return field === '_id' ? '_id' : `json_extract(doc, '${jsonPath(field)}')`;
}

export function sideTable(table: string, field: string): string {
  return `${table}$${field}`;
}

const OPERATORS = new Set(['$lt', '$lte', '$gt', '$gte', '$in', '$ne', '$exists']);

function isOperatorObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || v instanceof Date || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k.startsWith('$'));
}

export function translateFilter(filter: Filter, ctx: FilterContext): SqlQuery {
  const clauses: string[] = [];
  const params: SqlQuery['params'] = [];
  for (const [field, condition] of Object.entries(filter)) {
    if (field.startsWith('$')) throw new Error(`unsupported top-level operator in a store query: ${field}`);
    const ops: [string, unknown][] = isOperatorObject(condition) ? Object.entries(condition) : [['$eq', condition]];
    for (const [op, value] of ops) {
      const { sql, values } = clause(field, op, value, ctx);
      clauses.push(sql);
      params.push(...values);
    }
  }
  return { where: clauses.length === 0 ? '1' : clauses.join(' AND '), params };
}

function clause(field: string, op: string, value: unknown, ctx: FilterContext): { sql: string; values: SqlQuery['params'] } {
  if (op !== '$eq' && !OPERATORS.has(op)) throw new Error(`unsupported operator in a store query: ${op}`);
  if (typeof value === 'object' && value !== null && !(value instanceof Date) && !(op === '$in' && Array.isArray(value))) {
    throw new Error(`unsupported value for ${field} ${op}: objects and arrays cannot be compared`);
  }
  const expr = fieldExpr(field);
  if (ctx.arrayFields.has(field) && (op === '$eq' || op === '$in') && value !== null) {
    const side = `"${sideTable(ctx.table, field)}"`;
    return op === '$eq'
      ? { sql: `_id IN (SELECT _id FROM ${side} WHERE value = ?)`, values: [sqlValue(value)] }
      : { sql: `_id IN (SELECT _id FROM ${side} WHERE value IN (SELECT value FROM json_each(?)))`, values: [sqlList(value as unknown[])] };
  }
  switch (op) {
    case '$eq':
      return value === null ? { sql: `${expr} IS NULL`, values: [] } : { sql: `${expr} = ?`, values: [sqlValue(value)] };
    case '$ne':
      // As in MongoDB, a missing field is "not equal" to any value.
      return value === null ? { sql: `${expr} IS NOT NULL`, values: [] } : { sql: `(${expr} IS NULL OR ${expr} != ?)`, values: [sqlValue(value)] };
    case '$in': {
      if (!Array.isArray(value)) throw new Error(`$in on ${field} needs a list`);
      const present = value.filter((v) => v !== null && v !== undefined);
      const list = `${expr} IN (SELECT value FROM json_each(?))`;
      return present.length === value.length ? { sql: list, values: [sqlList(present)] } : { sql: `(${list} OR ${expr} IS NULL)`, values: [sqlList(present)] };
    }
    case '$exists': {
      const path = field === '_id' ? null : jsonPath(field);
      if (path === null) return { sql: value ? '1' : '0', values: [] };
      return { sql: `json_type(doc, '${path}') IS ${value ? 'NOT ' : ''}NULL`, values: [] };
    }
    default: {
      if (value === null || value === undefined) throw new Error(`${op} on ${field} needs a value`);
      const sign = { $lt: '<', $lte: '<=', $gt: '>', $gte: '>=' }[op as '$lt' | '$lte' | '$gt' | '$gte'];
      return { sql: `${expr} ${sign} ?`, values: [sqlValue(value)] };
    }
  }
}

export function orderAndLimit(options: FindOptions): { sql: string; params: number[] } {
  const order = Object.entries(options.sort ?? {}).map(([f, dir]) => `${fieldExpr(f)} ${dir === -1 ? 'DESC' : 'ASC'}`);
  const sql = `${order.length ? ` ORDER BY ${order.join(', ')}` : ''}${options.limit !== undefined ? ' LIMIT ?' : ''}`;
  return { sql, params: options.limit !== undefined ? [options.limit] : [] };
}
