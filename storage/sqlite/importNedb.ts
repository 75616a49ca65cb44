import fs from 'node:fs';
import path from 'node:path';
import { SqliteBackend } from './sqliteBackend';
import { StoreFileError } from './storeFileError';

/**
 * Versions before 0.2 kept the embedded store as NeDB files (`<collection>.db`, one JSON
 * document per line, later lines overriding earlier ones). On the first start of this
 * version they are imported once into the SQLite file: into a temporary file first, checked
 * collection by collection against the documents read, and only then renamed into place, so
 * a crash part-way leaves the old files in charge and the next start simply tries again.
 * The old files are then moved aside (never deleted): the provider removes them when satisfied.
 */
export interface NedbImportReport {
  readonly status: 'imported' | 'finished_moving' | 'ignored';
  /** Documents per collection, as read from the old files and found in SQLite. */
  readonly counts: Readonly<Record<string, number>>;
  /** Files whose last line was half-written by a crash, and dropped. */
  readonly tornLines: readonly string[];
  /** Where the old files now are. */
  readonly movedTo?: string;
}

const META_KEY = 'nedb-import';

export function nedbFiles(dataDir: string): string[] {
  if (!fs.existsSync(dataDir)) return [];
  return fs
    .readdirSync(dataDir)
    .filter((f) => /^[a-z][a-z0-9_]*\.db~?$/.test(f))
    .sort();
}

/** NeDB's own serialisation: dates as {"$$date": ms}; deletions and index lines are markers. */
function parseLine(line: string): Record<string, unknown> {
  return JSON.parse(line, (_k, v: unknown) => {
    if (typeof v === 'object' && v !== null && '$$date' in v) return new Date((v as { $$date: number }).$$date);
    return v;
  }) as Record<string, unknown>;
}

export function readNedbFile(file: string): { docs: { _id: string }[]; torn: boolean } {
  const text = fs.readFileSync(file, 'utf8');
  const lines = text.split('\n');
  const byId = new Map<string, { _id: string }>();
  let torn = false;
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    let doc: Record<string, unknown>;
    try {
      doc = parseLine(line);
    } catch {
      // Only the very last line, with no newline after it, can be a write cut short by a crash.
      if (i === lines.length - 1) {
        torn = true;
        return;
      }
      throw new StoreFileError(file, `line ${i + 1} is not a valid record; the file is damaged (nothing was imported)`);
    }
    if ('$$indexCreated' in doc || '$$indexRemoved' in doc) return;
    if (typeof doc._id !== 'string') throw new StoreFileError(file, `line ${i + 1} has no document id (nothing was imported)`);
    if (doc.$$deleted === true) byId.delete(doc._id);
    else byId.set(doc._id, doc as { _id: string });
  });
  return { docs: [...byId.values()], torn };
}

function moveAside(dataDir: string, files: readonly string[], now: Date): string {
  const dir = path.join(dataDir, `nedb-before-sqlite-${now.toISOString().replace(/[:.]/g, '-')}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of files) fs.renameSync(path.join(dataDir, f), path.join(dir, f));
  return dir;
}

function removeSqlite(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
}

/** Runs before the store opens. Returns undefined when there is nothing from NeDB in DATA_DIR. */
export function importNedbIfPresent(dataDir: string, sqliteFile: string, now = new Date()): NedbImportReport | undefined {
  const files = nedbFiles(dataDir);
  if (files.length === 0) return undefined;
  if (fs.existsSync(sqliteFile)) {
    // Either the import finished and the move of the old files was interrupted, or someone
    // put old files back: only the first is ours to tidy up.
    const backend = SqliteBackend.open(sqliteFile);
    const done = backend.readMeta(META_KEY);
    void backend.close();
    if (done === undefined) return { status: 'ignored', counts: {}, tornLines: [] };
    return { status: 'finished_moving', counts: JSON.parse(done) as Record<string, number>, tornLines: [], movedTo: moveAside(dataDir, files, now) };
  }

  // NeDB writes a compaction to `X.db~` and renames it over `X.db`; a crash between the two leaves
  // only `X.db~`, which NeDB itself would have loaded as `X.db`.
  const collections = files.filter((f) => f.endsWith('.db') || (f.endsWith('.db~') && !files.includes(f.slice(0, -1))));
  const read = collections.map((f) => ({ name: f.replace(/\.db~?$/, ''), ...readNedbFile(path.join(dataDir, f)) }));
  const temp = `${sqliteFile}.importing`;
  removeSqlite(temp);
  const counts: Record<string, number> = {};
  const backend = SqliteBackend.open(temp);
  try {
    for (const c of read) {
      const stored = backend.insertAll(c.name, c.docs);
      if (stored !== c.docs.length) {
        throw new StoreFileError(path.join(dataDir, `${c.name}.db`), `imported ${stored} of ${c.docs.length} documents; nothing was changed`);
      }
      counts[c.name] = stored;
    }
    backend.writeMeta(META_KEY, JSON.stringify(counts));
  } catch (err) {
    void backend.close();
    removeSqlite(temp);
    throw err;
  }
  void backend.close();
  fs.renameSync(temp, sqliteFile);
  const movedTo = moveAside(dataDir, files, now);
  return { status: 'imported', counts, tornLines: read.filter((c) => c.torn).map((c) => `${c.name}.db`), movedTo };
}
