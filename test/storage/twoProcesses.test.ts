import { spawn } from 'node:child_process';
import path from 'node:path';
import { openStore } from '../../storage/appStore';
import { makeCase } from '../domain/caseFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * Two bot processes on one machine share the SQLite file (a second instance during a
 * zero-downtime restart). Each makes 300 changes to the same case at the same time: every
 * change must land as its own version (601 in all), none silently overwritten.
 */
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const WRITER = path.join(__dirname, 'helpers/concurrentCaseWriter.ts');
const PER_PROCESS = 300;

interface Written {
  updated: number;
  conflicts: number;
  startedAt: number;
  endedAt: number;
}

function runWriter(dataDir: string, caseId: string): Promise<Written> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dataDir, caseId, String(PER_PROCESS)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (err += d.toString('utf8')));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as Written) : reject(new Error(`writer exited ${code}: ${err}`))));
  });
}

let dataDir: string;
beforeAll(async () => {
  dataDir = await makeTempDir('send-med-2proc-');
});
afterAll(async () => {
  await removeDir(dataDir);
});

it('lands every one of 2 x 300 concurrent changes to one case from two processes', async () => {
  const store = await openStore({ kind: 'embedded', dataDir });
  const c = makeCase({ caseReference: 'TWO-PROC-1' });
  expect(await store.cases.create(c)).toBe('created');

  const [a, b] = await Promise.all([runWriter(dataDir, c.id), runWriter(dataDir, c.id)]);
  expect(a.updated + b.updated).toBe(2 * PER_PROCESS);
  // They really wrote at the same time.
  expect(a.startedAt < b.endedAt && b.startedAt < a.endedAt).toBe(true);

  const after = await store.cases.get(c.id);
  await store.close();
  expect(after?.version).toBe(1 + 2 * PER_PROCESS);
});
