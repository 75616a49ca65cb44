import path from 'node:path';
import { openStore, SQLITE_FILE, type AppStore } from '../../storage/appStore';
import { CASES_COLLECTION, caseIndexes } from '../../storage/caseStore';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { CorruptDocumentError } from '../../storage/corruptDocument';
import { LEAD, makeCase } from '../domain/caseFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * A case store keeps the schema-checked copy of the cases it read last (storage/parsedCache.ts).
 * What a user must never see from it: a case as it was before another process changed it, or
 * one caller's change to a case leaking into what the next caller reads.
 */
let dir: string;
let a: AppStore;
let b: AppStore;
beforeEach(async () => {
  dir = await makeTempDir('send-med-case-reads-');
  // Two stores on one file: two bot processes sharing the embedded store.
  a = await openStore({ kind: 'embedded', dataDir: dir });
  b = await openStore({ kind: 'embedded', dataDir: dir });
});
afterEach(async () => {
  await a.close();
  await b.close();
  await removeDir(dir);
});

const audit = { by: LEAD.aadObjectId, action: 'case.edited' as const, detail: 'test' };

it('reads the change another process made to a case it read before', async () => {
  const c = makeCase({ caseReference: 'READ-1' });
  await a.cases.create(c);
  expect((await a.cases.get(c.id))?.childInitials).toBe(c.childInitials);

  const changed = await b.cases.update(c.id, (x) => ({ ...x, childInitials: 'ZZ' }), audit);
  expect(changed.status).toBe('updated');

  const seen = await a.cases.get(c.id);
  expect(seen?.childInitials).toBe('ZZ');
  expect(seen?.version).toBe(c.version + 1);
  expect((await a.cases.findByReference(c.providerKey, c.caseReference))?.childInitials).toBe('ZZ');
});

it('reads its own change back, and a case deleted elsewhere as gone', async () => {
  const c = makeCase({ caseReference: 'READ-2' });
  await a.cases.create(c);
  await a.cases.get(c.id);
  await a.cases.update(c.id, (x) => ({ ...x, localAuthority: 'Another Council' }), audit);
  expect((await a.cases.get(c.id))?.localAuthority).toBe('Another Council');

  await b.caseRecords.remove(c.id);
  expect(await a.cases.get(c.id)).toBeNull();
});

it('gives every caller a case nobody can change in place', async () => {
  const c = makeCase({ caseReference: 'READ-3' });
  await a.cases.create(c);
  const first = (await a.cases.get(c.id))!;
  expect(() => (first.parties as unknown[]).push({})).toThrow(TypeError);
  expect(() => Object.assign(first.dates, { meetingDate: '2030-01-01' })).toThrow(TypeError);
  expect((await a.cases.get(c.id))?.dates).toEqual(c.dates);
});

it('still reports a case damaged after it was read', async () => {
  const c = makeCase({ caseReference: 'READ-4' });
  await a.cases.create(c);
  await a.cases.get(c.id);
  // A damaged write (a restore gone wrong) always comes with another stamp than the copy's.
  const raw = SqliteBackend.open(path.join(dir, SQLITE_FILE));
  try {
    const docs = await raw.collection<{ _id: string }>(CASES_COLLECTION, caseIndexes);
    await docs.replaceOne({ _id: c.id }, { _id: c.id, version: 7, updatedAt: 'x', state: 'NOT_A_STATE' } as { _id: string });
  } finally {
    await raw.close();
  }
  await expect(a.cases.get(c.id)).rejects.toThrow(CorruptDocumentError);
});
