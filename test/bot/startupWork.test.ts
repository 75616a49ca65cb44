import path from 'node:path';
import { SQLITE_FILE } from '../../storage/appStore';
import { AUDIT_LOG_COLLECTION, auditLogIndexes } from '../../storage/auditLog';
import { CASES_COLLECTION, caseIndexes } from '../../storage/caseStore';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { openStore } from '../../storage/appStore';
import { startTestBot } from '../helpers/testBot';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Start-up work that need not finish before the bot can answer (the sweep of audit entries a
 * crash left in their documents, a read of every case) runs once the bot listens: it still
 * happens, and a shutdown in the middle of it is clean and loses nothing.
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

it('copies the entries a crash left in their documents after the bot is listening', async () => {
  await crashLeftEntries(3);
  const t = await startTestBot({ DATA_DIR: dir });
  try {
    expect((await fetch(`${t.bot.url}/healthz`)).status).toBe(200);
    expect(await t.bot.store.auditRecovery).toBe(3);
    expect(await t.bot.store.auditLog.countIds([0, 1, 2].map((i) => entryOf(i).id))).toBe(3);
  } finally {
    await t.stop();
  }
});

it('a shutdown during the sweep is clean, and the next start copies what it had not reached', async () => {
  // Missing in the last page, which a shutdown straight after the start may not reach.
  await crashLeftEntries(0);
  {
    const backend = SqliteBackend.open(path.join(dir, SQLITE_FILE));
    const log = await backend.collection<{ _id: string }>(AUDIT_LOG_COLLECTION, auditLogIndexes);
    for (const i of [CASES - 2, CASES - 1]) expect(await log.deleteOne({ _id: entryOf(i).id })).toBe(1);
    await backend.close();
  }
  const t = await startTestBot({ DATA_DIR: dir });
  await t.stop();
  const store = await openStore({ kind: 'embedded', dataDir: dir });
  try {
    const copiedNow = await store.auditRecovery;
    expect(copiedNow).toBeLessThanOrEqual(2);
    expect(await store.auditLog.countIds([CASES - 2, CASES - 1].map((i) => entryOf(i).id))).toBe(2);
  } finally {
    await store.close();
  }
});
