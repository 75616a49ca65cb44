import fs from 'node:fs/promises';
import path from 'node:path';
import { EmbeddedBackend } from '../../storage/embedded/embeddedBackend';
import { makeTempDir, removeDir } from '../helpers/tempDir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await removeDir(dir);
});

/** File descriptors of this process open on `file` (Linux /proc). */
async function openHandlesOn(file: string): Promise<number> {
  let n = 0;
  for (const fd of await fs.readdir('/proc/self/fd')) {
    const target = await fs.readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (target === file) n += 1;
  }
  return n;
}

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('closing the embedded store', () => {
  it('leaves no data file open, even when a late write lands after close, and keeps that write', async () => {
    const backend = await EmbeddedBackend.open(dir);
    const docs = await backend.collection<{ _id: string; n: number }>('things', []);
    const file = await fs.realpath(path.join(dir, 'things.db'));
    await docs.insertOne({ _id: 'a', n: 1 });
    expect(await openHandlesOn(file)).toBe(1);

    await backend.close();
    expect(await openHandlesOn(file)).toBe(0);

    // A background task that finishes after shutdown still writes through NeDB.
    await docs.insertOne({ _id: 'b', n: 2 });
    expect(await openHandlesOn(file)).toBe(0);

    const again = await EmbeddedBackend.open(dir);
    const reread = await again.collection<{ _id: string; n: number }>('things', []);
    expect(await reread.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', n: 1 },
      { _id: 'b', n: 2 },
    ]);
    await again.close();
  });
});
