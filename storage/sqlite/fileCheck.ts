import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';

/** The embedded store's file in DATA_DIR. */
export const SQLITE_FILE = 'send-mediation.sqlite';

/**
 * quick_check reads every page: about 70 ms per 100 MB here. Up to this size (some 15,000 cases)
 * it runs at every start; past it the start would take seconds, and SQLite still reports a damaged
 * page when it is first read (SQLITE_CORRUPT, logged with the file's name), never as missing data.
 */
export const CHECK_AT_OPEN_MAX_BYTES = 256 * 1024 * 1024;

/** An existing store small enough to check page by page at every start. */
export function checkedAtOpen(file: string): boolean {
  const size = fs.statSync(file, { throwIfNoEntry: false })?.size;
  return size !== undefined && size > 0 && size <= CHECK_AT_OPEN_MAX_BYTES;
}

/**
 * The check at open, started early on a thread of its own: `result` is 'ok', SQLite's report of
 * the damage, or undefined when the worker did not check (no file yet, too large, or it could not
 * open it), in which case the store checks as it opens.
 */
export interface FileCheck {
  readonly file: string;
  readonly result: Promise<string | undefined>;
}

// Plain CommonJS for an eval worker; better-sqlite3 is passed as a resolved path (an eval
// worker resolves modules from the working directory, not from this file).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, timeout: 5000 });
  parentPort.postMessage(String(db.pragma('quick_check', { simple: true })));
} catch {
  parentPort.postMessage(null);
} finally {
  if (db) db.close();
}`;

/**
 * Starts the check on its own read-only connection in a worker thread, so that reading every
 * page (130 ms with 10,000 cases) happens while the bot's modules load instead of after.
 * A new store (no file yet) starts no worker.
 */
export function startFileCheck(dataDir: string): FileCheck {
  const file = path.join(dataDir, SQLITE_FILE);
  if (!checkedAtOpen(file)) return { file, result: Promise.resolve(undefined) };
  const result = new Promise<string | undefined>((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { file, sqlite: require.resolve('better-sqlite3') } });
    worker.unref();
    worker.once('message', (report: string | null) => resolve(report ?? undefined));
    worker.once('error', () => resolve(undefined));
    worker.once('exit', () => resolve(undefined));
  });
  return { file, result };
}
