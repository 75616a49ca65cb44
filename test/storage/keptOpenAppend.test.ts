import fs from 'node:fs/promises';
import path from 'node:path';
import Datastore from '@seald-io/nedb';
import { KeptOpenAppend } from '../../storage/embedded/keptOpenAppend';
import { makeTempDir, removeDir } from '../helpers/tempDir';

interface Doc {
  _id: string;
  n: number;
  at?: Date;
}

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

async function load(filename: string): Promise<Datastore<Doc>> {
  const db = new Datastore<Doc>({ filename, autoload: false });
  await db.loadDatabaseAsync();
  return db;
}

describe('appends through a kept-open file handle', () => {
  it('writes what NeDB would, and keeps writing to the live file across a compaction', async () => {
    const filename = path.join(dir, 'docs.db');
    const db = await load(filename);
    const appender = KeptOpenAppend.install(db as unknown as Datastore<{ _id: string }>, filename);
    const at = new Date('2026-12-01T10:00:00Z');
    await db.insertAsync({ _id: 'a', n: 1, at });
    await db.insertAsync({ _id: 'b', n: 2 });
    await db.updateAsync({ _id: 'a' }, { $set: { n: 10 } });
    // Compaction renames a rewritten file over the old one: later appends must reach the new file.
    await db.compactDatafileAsync();
    await db.insertAsync({ _id: 'c', n: 3 });
    await db.removeAsync({ _id: 'b' }, {});
    await appender.release();

    const again = await load(filename);
    const docs = await again.findAsync({}).sort({ _id: 1 });
    expect(docs).toEqual([
      { _id: 'a', n: 10, at },
      { _id: 'c', n: 3 },
    ]);
    // One JSON document per line, as NeDB's own appends leave it (torn-tail repair relies on it).
    const lines = (await fs.readFile(filename, 'utf8')).split('\n');
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(0, -1)) expect(() => JSON.parse(line) as unknown).not.toThrow();
  });
});
