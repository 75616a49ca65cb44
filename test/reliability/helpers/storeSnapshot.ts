import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../../../storage/appStore';

/**
 * The embedded store's SQLite file read back as documents: collection -> _id -> canonical JSON.
 * Read from disk rather than through AppStore so that every collection, including ones added
 * after this suite was written, is compared without the suite having to know it exists, and so
 * that what counts is what was persisted.
 */
export type StoreSnapshot = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Collections every turn legitimately writes, left out of "nothing written":
 * - conversations: the conversation reference is upserted on every turn (bot/recordConversation.ts);
 * - processed_activities: the de-duplication claim of each activity id (bot/messageEndpoint.ts);
 * - bot_state: botbuilder's ConversationState, saved at the end of every turn (dialog state);
 * - rate_limits: failed attempts (e.g. wrong join codes) are counted on purpose.
 */
export const BOOKKEEPING_COLLECTIONS: readonly string[] = ['conversations', 'processed_activities', 'bot_state', 'rate_limits'];

/**
 * The audit log: legitimate reads add to it (every view of case data is logged), so suites that
 * send valid-looking reads in bulk (the fuzz) leave it out and check it separately.
 */
export const AUDIT_LOG = 'audit_log';

export async function storeSnapshot(dataDir: string, options: { includeBookkeeping?: boolean; skip?: readonly string[] } = {}): Promise<StoreSnapshot> {
  const out = new Map<string, Map<string, string>>();
  for (const [name, rows] of readTables(dataDir)) {
    if (!options.includeBookkeeping && BOOKKEEPING_COLLECTIONS.includes(name)) continue;
    if (options.skip?.includes(name)) continue;
    out.set(name, new Map(rows.map((r) => [r._id, canonical(JSON.parse(r.doc))])));
  }
  return out;
}

/** Every collection table of the SQLite file, read through a connection of its own (as another process would). */
function readTables(dataDir: string): Map<string, { _id: string; doc: string }[]> {
  const out = new Map<string, { _id: string; doc: string }[]>();
  const file = path.join(dataDir, SQLITE_FILE);
  if (!existsSync(file)) return out;
  const db = new Database(file, { readonly: true, timeout: 5000 });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB '[a-z]*' AND name NOT LIKE '%$%' ORDER BY name`).all() as { name: string }[];
    for (const { name } of tables) out.set(name, db.prepare(`SELECT _id, doc FROM "${name}" ORDER BY _id`).all() as { _id: string; doc: string }[]);
  } finally {
    db.close();
  }
  return out;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/** "collection: added|changed|removed _id" for every difference; [] when the two are the same. */
export function diffSnapshots(before: StoreSnapshot, after: StoreSnapshot): string[] {
  const out: string[] = [];
  const names = new Set([...before.keys(), ...after.keys()]);
  for (const name of [...names].sort()) {
    const a = before.get(name) ?? new Map<string, string>();
    const b = after.get(name) ?? new Map<string, string>();
    for (const [id, doc] of b) {
      if (!a.has(id)) out.push(`${name}: added ${id}`);
      else if (a.get(id) !== doc) out.push(`${name}: changed ${id}`);
    }
    for (const id of a.keys()) if (!b.has(id)) out.push(`${name}: removed ${id}`);
  }
  return out;
}

export function countDocs(snapshot: StoreSnapshot, collection: string): number {
  return snapshot.get(collection)?.size ?? 0;
}

/**
 * A hash of every product collection (bookkeeping left out): cheap enough on a test-sized store
 * to take around every one of thousands of fuzzed requests; take a full snapshot to say what changed.
 */
export async function storeFingerprint(dataDir: string, skip: readonly string[] = []): Promise<string> {
  const hash = createHash('sha1');
  for (const [name, rows] of readTables(dataDir)) {
    if (BOOKKEEPING_COLLECTIONS.includes(name) || skip.includes(name)) continue;
    for (const r of rows) hash.update(`${name}\0${r._id}\0${r.doc}\n`);
  }
  return hash.digest('hex');
}

/**
 * The shape of what the store holds, without ids or times: per collection, how many documents
 * and how many array elements they hold in all (audit entries, parties, ticks' lists, answers…).
 * Two runs of the same journey have the same shape; an effect applied twice does not.
 */
export function storeShape(snapshot: StoreSnapshot): Record<string, { docs: number; elements: number }> {
  const count = (v: unknown): number =>
    Array.isArray(v) ? v.length + v.reduce((n: number, x) => n + count(x), 0) : v && typeof v === 'object' ? Object.values(v).reduce((n: number, x) => n + count(x), 0) : 0;
  const out: Record<string, { docs: number; elements: number }> = {};
  for (const [name, docs] of snapshot) {
    let elements = 0;
    for (const doc of docs.values()) elements += count(JSON.parse(doc));
    out[name] = { docs: docs.size, elements };
  }
  return out;
}
