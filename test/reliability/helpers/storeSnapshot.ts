import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The embedded store's files read back as documents: collection -> _id -> canonical JSON.
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
  let files: string[];
  try {
    files = (await fs.readdir(dataDir)).filter((f) => f.endsWith('.db'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return out;
    throw err;
  }
  for (const file of files.sort()) {
    const name = file.slice(0, -'.db'.length);
    if (!options.includeBookkeeping && BOOKKEEPING_COLLECTIONS.includes(name)) continue;
    if (options.skip?.includes(name)) continue;
    out.set(name, parseNedbFile(await fs.readFile(path.join(dataDir, file), 'utf8')));
  }
  return out;
}

/** NeDB's append-only format: one document per line, the last line for an _id wins, `$$deleted` removes it. */
export function parseNedbFile(text: string): Map<string, string> {
  const docs = new Map<string, string>();
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as Record<string, unknown>;
    if ('$$indexCreated' in doc || '$$indexRemoved' in doc) continue;
    const id = String(doc._id);
    if (doc.$$deleted === true) docs.delete(id);
    else docs.set(id, canonical(doc));
  }
  return docs;
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
 * The sizes of the product's store files: NeDB appends a line for every write, so a write always
 * changes one. Cheap enough to take around every one of thousands of fuzzed requests; take a full
 * snapshot to say what changed.
 */
export async function storeFingerprint(dataDir: string, skip: readonly string[] = []): Promise<string> {
  const name = (f: string) => f.slice(0, -'.db'.length);
  const files = (await fs.readdir(dataDir)).filter((f) => f.endsWith('.db') && !BOOKKEEPING_COLLECTIONS.includes(name(f)) && !skip.includes(name(f))).sort();
  const sizes = await Promise.all(files.map(async (f) => `${f}:${(await fs.stat(path.join(dataDir, f))).size}`));
  return sizes.join(',');
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
