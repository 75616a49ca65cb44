/**
 * `npx tsx scripts/bench/indexCost.ts`: what one index costs a write in the embedded store. A
 * table shaped like the audit log (50,000 entries, about 200 bytes each), the store's pragmas
 * (WAL, synchronous=NORMAL: the fsync is the store's own, on the thread pool, and not counted
 * here), and CPU per autocommitted insert, and per update that leaves the indexed values as they
 * were, with none, one and two of the store's expression indexes (`json_extract(doc, …)`).
 * Three rounds, alternating, because this machine's speed drifts between minutes.
 * `--build <n>`: instead, the time to build the reminders' (deadlineId, status) index over n
 * reminder-shaped rows, as the first start after that declaration changed does once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';

const ROWS = 50_000;
const MEASURED = 20_000;
const VARIANTS: Record<string, string[]> = {
  'no index': [],
  'one index (caseId, _id)': [`CREATE INDEX a1 ON a (json_extract(doc, '$."caseId"'), _id)`],
  'two indexes (caseId, _id) and (by)': [`CREATE INDEX a1 ON a (json_extract(doc, '$."caseId"'), _id)`, `CREATE INDEX a2 ON a (json_extract(doc, '$."by"'))`],
};

function doc(i: number, version: number): string {
  return JSON.stringify({ at: new Date(1_790_000_000_000 + i).toISOString(), by: `person-${(i * 7919) % 10_007}`, action: 'terms.agreed', via: 'personal', caseId: `case-${i % 5000}`, subject: 'party:p1', detail: `v${version}` });
}

function cpuUs(f: () => void): number {
  const before = process.cpuUsage();
  f();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / MEASURED;
}

function measure(indexes: readonly string[]): { insert: number; update: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'index-cost-'));
  const db = new Database(path.join(dir, 'x.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE a (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)');
    for (const sql of indexes) db.exec(sql);
    const insert = db.prepare('INSERT INTO a (_id, doc) VALUES (?, ?)');
    const update = db.prepare('UPDATE a SET doc = ? WHERE _id = ?');
    // Ids sort by time, as the log's do: new entries go to the end of the table.
    const id = (i: number) => `${String(i).padStart(9, '0')}-entry`;
    db.transaction(() => {
      for (let i = 0; i < ROWS; i++) insert.run(id(i), doc(i, 0));
    })();
    const inserts = cpuUs(() => {
      for (let i = ROWS; i < ROWS + MEASURED; i++) insert.run(id(i), doc(i, 0));
    });
    const updates = cpuUs(() => {
      for (let k = 0; k < MEASURED; k++) {
        const i = (k * 7919) % ROWS;
        update.run(doc(i, k + 1), id(i));
      }
    });
    return { insert: inserts, update: updates };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function reminder(i: number): string {
  const at = new Date(1_790_000_000_000 + i * 60_000).toISOString();
  return JSON.stringify({
    deadlineId: `case-${Math.floor(i / 10)}:T${i % 7}`, caseId: `case-${Math.floor(i / 10)}`, offset: 'ideal-5d', kind: 'reminder', title: 'Issue the amended plan',
    sendAt: at, status: i % 3 ? 'pending' : 'sent', queueAt: null, owner: null, leaseUntil: null, attempts: 0, lastError: null, deliveredAt: null, activityId: null,
    recipients: [{ conversationId: `a:${i}`, status: 'sent', at }], cancelReason: null, createdAt: at, updatedAt: at,
  });
}

/** Milliseconds to build the compound index over `rows` reminders in a file written beforehand. */
function buildTime(rows: number): number {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'index-build-'));
  const file = path.join(dir, 'x.sqlite');
  try {
    const seed = new Database(file);
    seed.pragma('journal_mode = WAL');
    seed.exec('CREATE TABLE reminders (_id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL)');
    const insert = seed.prepare('INSERT INTO reminders (_id, doc) VALUES (?, ?)');
    seed.transaction(() => {
      for (let i = 0; i < rows; i++) insert.run(`r${i}`, reminder(i));
    })();
    seed.close();
    // A fresh connection, as a start has: nothing of the table in SQLite's page cache.
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    const started = performance.now();
    db.exec(`CREATE INDEX ix_reminders_deadlineId_status ON reminders (json_extract(doc, '$."deadlineId"'), json_extract(doc, '$."status"'))`);
    const ms = performance.now() - started;
    db.close();
    return ms;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const buildArg = process.argv.indexOf('--build');
if (buildArg >= 0) {
  const rows = Number(process.argv[buildArg + 1] ?? 100_000);
  console.log(`building the (deadlineId, status) index over ${rows.toLocaleString('en-GB')} reminders: ${buildTime(rows).toFixed(0)} ms`);
  process.exit(0);
}

const results = new Map<string, { insert: number[]; update: number[] }>();
for (let round = 0; round < 3; round++) {
  for (const [name, indexes] of Object.entries(VARIANTS)) {
    const r = measure(indexes);
    const seen = results.get(name) ?? { insert: [], update: [] };
    seen.insert.push(r.insert);
    seen.update.push(r.update);
    results.set(name, seen);
  }
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`CPU per write, µs (median of 3 rounds; ${ROWS.toLocaleString('en-GB')} rows, ${MEASURED.toLocaleString('en-GB')} writes measured):`);
for (const [name, r] of results) console.log(`  ${name.padEnd(36)} insert ${median(r.insert).toFixed(1).padStart(6)}   update, indexed values unchanged ${median(r.update).toFixed(1).padStart(6)}`);
