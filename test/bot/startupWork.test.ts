import path from 'node:path';
import { SQLITE_FILE } from '../../storage/appStore';
import { AUDIT_LOG_COLLECTION, auditLogIndexes } from '../../storage/auditLog';
import { CASES_COLLECTION, caseIndexes } from '../../storage/caseStore';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { openStore } from '../../storage/appStore';
import { BACKGROUND_START_DELAY_MS } from '../../bot/server';
import { startTestBot } from '../helpers/testBot';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Start-up work that need not finish before the bot can answer (the sweep of audit entries a
 * crash left in their documents, a read of every case) begins a moment after the bot listens:
 * it still happens, and a shutdown before or during it is clean and loses nothing.
 */
const CASES = 1500;
let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('send-med-startup-');
  // A first start sets the store's one-time markers, as on any store the bot has run on.
  await (await startTestBot({ DATA_DIR: dir })).stop();
});
afterEach(async () => {
  await removeDir(dir);
});

const entryOf = (i: number) => ({ id: `2026-12-01T09:00:00.000Z~case:c${i}:v2`, at: '2026-12-01T09:00:00.000Z', by: 'aad-lead', action: 'parties.assigned', via: 'thread', caseId: `c${i}` });

/** CASES documents carrying their last write's entry; the log has all but `missing` of them. */
async function crashLeftEntries(missing: number): Promise<void> {
  const backend = SqliteBackend.open(path.join(dir, SQLITE_FILE));
  const cases = await backend.collection<{ _id: string; auditOutbox: object }>(CASES_COLLECTION, caseIndexes, { durability: 'bookkeeping' });
  const log = await backend.collection<{ _id: string }>(AUDIT_LOG_COLLECTION, auditLogIndexes, { durability: 'bookkeeping' });
  for (let i = 0; i < CASES; i++) {
    const entry = entryOf(i);
    await cases.insertOne({ _id: `c${i}`, auditOutbox: entry });
    if (i >= missing) await log.insertOne({ _id: entry.id, ...entry });
  }
  await backend.close();
}

it('answers first, then copies the entries a crash left in their documents', async () => {
  await crashLeftEntries(3);
  const missing = [0, 1, 2].map((i) => entryOf(i).id);
  const t = await startTestBot({ DATA_DIR: dir }, { backgroundStartDelayMs: BACKGROUND_START_DELAY_MS });
  try {
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    // Not yet: the sweep begins after the delay, by itself.
    expect(await t.bot.store.auditLog.countIds(missing)).toBe(0);
    await t.bot.app.deps.background.idle();
    const deadline = Date.now() + 10_000;
    while ((await t.bot.store.auditLog.countIds(missing)) < 3 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(await t.bot.store.auditLog.countIds(missing)).toBe(3);
  } finally {
    await t.stop();
  }
});

it.each([
  ['before the background work began', BACKGROUND_START_DELAY_MS],
  ['during the sweep', 0],
])('a shutdown %s is clean, and the next start copies what it had not reached', async (_when, delay) => {
  // Missing in the last page, which a shutdown straight after the start may not reach.
  await crashLeftEntries(0);
  const last = [CASES - 2, CASES - 1].map((i) => entryOf(i).id);
  {
    const backend = SqliteBackend.open(path.join(dir, SQLITE_FILE));
    const log = await backend.collection<{ _id: string }>(AUDIT_LOG_COLLECTION, auditLogIndexes);
    for (const id of last) expect(await log.deleteOne({ _id: id })).toBe(1);
    await backend.close();
  }
  const t = await startTestBot({ DATA_DIR: dir }, { backgroundStartDelayMs: delay });
  const started = Date.now();
  await t.stop();
  // The delay is cut short, not waited out.
  expect(Date.now() - started).toBeLessThan(BACKGROUND_START_DELAY_MS);
  const store = await openStore({ kind: 'embedded', dataDir: dir });
  try {
    const copiedNow = await store.recoverAudit();
    if (delay > 0) expect(copiedNow).toBe(2);
    expect(await store.auditLog.countIds(last)).toBe(2);
  } finally {
    await store.close();
  }
});
