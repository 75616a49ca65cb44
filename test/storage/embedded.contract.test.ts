import fs from 'node:fs/promises';
import path from 'node:path';
import { openStore } from '../../storage/appStore';
import { EmbeddedBackend } from '../../storage/embedded/embeddedBackend';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { storeContract } from './storeContract';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map(removeDir));
});

describe('embedded store contract', () => {
  storeContract(async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const open = () => openStore({ kind: 'embedded', dataDir });
    return { store: await open(), reopen: open, raw: () => EmbeddedBackend.open(dataDir) };
  });
});

describe('embedded store files', () => {
  it('opens after a torn last line and keeps every complete record', async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const repaired: string[] = [];
    const store = await openStore({ kind: 'embedded', dataDir });
    await store.state.write({ a: { n: 1 }, b: { n: 2 } });
    await store.close();
    // A crash in the middle of an append leaves half a JSON line and no newline.
    await fs.appendFile(path.join(dataDir, 'bot_state.db'), '{"_id":"c","eTag":"x","js');
    const again = await openStore({ kind: 'embedded', dataDir, onRepair: (f) => repaired.push(path.basename(f)) });
    expect(Object.keys(await again.state.read(['a', 'b', 'c']))).toEqual(['a', 'b']);
    expect(repaired).toEqual(['bot_state.db']);
    await again.close();
  });

  it('refuses to open a file corrupted in the middle rather than silently dropping data', async () => {
    const dataDir = await makeTempDir();
    dirs.push(dataDir);
    const store = await openStore({ kind: 'embedded', dataDir });
    await store.state.write({ a: { n: 1 } });
    await store.close();
    const file = path.join(dataDir, 'bot_state.db');
    await fs.writeFile(file, `not json\n${await fs.readFile(file, 'utf8')}`);
    await expect(openStore({ kind: 'embedded', dataDir })).rejects.toThrow(/corrupt/);
  });
});
