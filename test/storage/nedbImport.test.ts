import fs from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openStore, SQLITE_FILE } from '../../storage/appStore';
import type { NedbImportReport } from '../../storage/sqlite/importNedb';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * test/fixtures/nedb-0.1 is a store written by version 0.1 (NeDB) through its own code: 12
 * cases with parties, terms agreements, preparation answers, requested changes, deadlines and
 * reminders. Upgrading must bring every document across, once, and keep the old files.
 */
const FIXTURE = path.join(__dirname, '../fixtures/nedb-0.1');

/** What 0.1 holds, counted from the files themselves (last line per id wins, $$deleted removes). */
async function documentsIn(file: string): Promise<Map<string, Record<string, unknown>>> {
  const docs = new Map<string, Record<string, unknown>>();
  for (const line of (await fs.readFile(file, 'utf8')).split('\n')) {
    if (!line.trim()) continue;
    const doc = JSON.parse(line) as Record<string, unknown>;
    if ('$$indexCreated' in doc) continue;
    if (doc.$$deleted) docs.delete(String(doc._id));
    else docs.set(String(doc._id), doc);
  }
  return docs;
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('send-med-nedb-');
  for (const f of await fs.readdir(FIXTURE)) await fs.copyFile(path.join(FIXTURE, f), path.join(dir, f));
});
afterEach(async () => {
  await removeDir(dir);
});

it('imports every collection of a 0.1 store once, checked by counts, and moves the old files aside', async () => {
  const expected: Record<string, number> = {};
  for (const f of (await fs.readdir(FIXTURE)).sort()) expected[f.slice(0, -3)] = (await documentsIn(path.join(FIXTURE, f))).size;
  expect(expected.cases).toBe(12);

  const reports: NedbImportReport[] = [];
  const store = await openStore({ kind: 'embedded', dataDir: dir, onNedbImport: (r) => reports.push(r) });
  try {
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'imported', counts: expected, tornLines: [] });

    // The product reads what it wrote before: a parent's cases, their terms, their reminders' dates.
    const cases = await fs.readFile(path.join(FIXTURE, 'cases.db'), 'utf8');
    const first = JSON.parse(cases.split('\n')[0]!) as { id: string; parties: { aadObjectId: string }[] };
    const parent = first.parties[0]!.aadObjectId;
    const mine = await store.cases.listForUser(parent);
    expect(mine.map((c) => c.id)).toContain(first.id);
    const { reminders } = await store.reminders.listForCase(first.id);
    expect(reminders.length).toBeGreaterThan(0);
    const conversation = await store.conversations.findPersonalChat(parent);
    expect(conversation?.updatedAt).toBeInstanceOf(Date);
  } finally {
    await store.close();
  }

  const left = await fs.readdir(dir);
  expect(left.filter((f) => f.endsWith('.db'))).toEqual([]);
  const aside = left.find((f) => f.startsWith('nedb-before-sqlite-'));
  expect(aside).toBeDefined();
  expect((await fs.readdir(path.join(dir, aside!))).sort()).toEqual((await fs.readdir(FIXTURE)).sort());

  // Once: the next start finds nothing to import.
  const again: NedbImportReport[] = [];
  await (await openStore({ kind: 'embedded', dataDir: dir, onNedbImport: (r) => again.push(r) })).close();
  expect(again).toEqual([]);
});

it('applies later lines over earlier ones and deletions, and drops a half-written last line', async () => {
  const file = path.join(dir, 'bot_state.db');
  await fs.writeFile(
    file,
    [
      '{"_id":"a","eTag":"1","json":"{\\"n\\":1}","updatedAt":{"$$date":1796282775368}}',
      '{"_id":"b","eTag":"1","json":"{\\"n\\":2}","updatedAt":{"$$date":1796282775368}}',
      '{"_id":"a","eTag":"2","json":"{\\"n\\":3}","updatedAt":{"$$date":1796282775369}}',
      '{"$$deleted":true,"_id":"b"}',
      '{"_id":"c","eTag":"1","js',
    ].join('\n'),
  );
  const reports: NedbImportReport[] = [];
  const store = await openStore({ kind: 'embedded', dataDir: dir, onNedbImport: (r) => reports.push(r) });
  try {
    expect(reports[0]?.counts.bot_state).toBe(1);
    expect(reports[0]?.tornLines).toEqual(['bot_state.db']);
    expect(await store.state.read(['a', 'b', 'c'])).toEqual({ a: { n: 3, eTag: '2' } });
  } finally {
    await store.close();
  }
});

it('refuses a file damaged before its last line: names it, imports nothing, changes nothing', async () => {
  const file = path.join(dir, 'cases.db');
  const original = await fs.readFile(file, 'utf8');
  await fs.writeFile(file, `{"_id":"broken\n${original}`);
  await expect(openStore({ kind: 'embedded', dataDir: dir })).rejects.toThrow(`${file}: line 1 is not a valid record`);
  expect(existsSync(path.join(dir, SQLITE_FILE))).toBe(false);
  expect((await fs.readdir(dir)).filter((f) => f.startsWith('nedb-before'))).toEqual([]);
  expect(await fs.readFile(file, 'utf8')).toBe(`{"_id":"broken\n${original}`);
});

it('finishes moving the old files when a start was stopped between the import and the move', async () => {
  const reports: NedbImportReport[] = [];
  await (await openStore({ kind: 'embedded', dataDir: dir })).close();
  // Put the old files back, as if the process had died right after the import's rename.
  const aside = (await fs.readdir(dir)).find((f) => f.startsWith('nedb-before-sqlite-'))!;
  for (const f of await fs.readdir(path.join(dir, aside))) await fs.rename(path.join(dir, aside, f), path.join(dir, f));
  await fs.rmdir(path.join(dir, aside));

  const store = await openStore({ kind: 'embedded', dataDir: dir, onNedbImport: (r) => reports.push(r) });
  await store.close();
  expect(reports[0]?.status).toBe('finished_moving');
  expect((await fs.readdir(dir)).filter((f) => f.endsWith('.db'))).toEqual([]);
});

it('imports a collection that a crash left only as NeDB\'s compaction file (X.db~), as NeDB itself would load it', async () => {
  await fs.rename(path.join(dir, 'cases.db'), path.join(dir, 'cases.db~'));
  const reports: NedbImportReport[] = [];
  const store = await openStore({ kind: 'embedded', dataDir: dir, onNedbImport: (r) => reports.push(r) });
  try {
    expect(reports[0]?.counts.cases).toBe(12);
  } finally {
    await store.close();
  }
  expect((await fs.readdir(dir)).filter((f) => f.includes('.db'))).toEqual([]);
});
