import fs from 'node:fs/promises';
import path from 'node:path';
import { openStore, SQLITE_FILE } from '../../storage/appStore';
import { caseFormData } from '../helpers/caseForm';
import { FakeConnector } from '../helpers/fakeConnector';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { activity, USERS } from '../helpers/testBot';
import { ChildBot } from './helpers/childBot';

/**
 * The product (bot/index.ts) runs in a child process on the embedded store and is killed with
 * SIGKILL in the middle of a write load. What the bot acknowledged (a 2xx carrying the case
 * card) must be on disk after a restart (SQLite in WAL mode, synchronous=FULL), and the store
 * must open; a damaged file must stop the start, not be replaced by an empty store.
 */
jest.setTimeout(60_000);

const WORKERS = 8;
/** Kill once this many cases are acknowledged: enough for several writes to be in flight. */
const KILL_AFTER_ACKED = 40;

let connector: FakeConnector;
let dataDir: string;
const children: ChildBot[] = [];

beforeAll(async () => {
  connector = await FakeConnector.start();
  connector.members = [USERS.mediator, USERS.parent, USERS.officer];
  dataDir = await makeTempDir('send-med-crash-');
});
afterAll(async () => {
  for (const c of children) await c.stop();
  await connector?.stop();
  if (dataDir) await removeDir(dataDir);
});

async function start(): Promise<ChildBot> {
  const child = await ChildBot.start(dataDir);
  children.push(child);
  return child;
}

const thread = (n: number) => `19:cases@thread.tacv2;messageid=crash-${n}`;
const reference = (n: number) => `SM-CRASH-${String(n).padStart(4, '0')}`;

function inThread(n: number, verb: string, data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...activity('channel', { conversation: { id: thread(n), conversationType: 'channel', tenantId: 'tenant-1', isGroup: true }, replyToId: `form-${n}` }),
    serviceUrl: connector.url,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data } },
  };
}

const createCase = (n: number) =>
  inThread(n, 'case.create', caseFormData({ caseReference: reference(n), meetingDate: '2027-02-10' }));

interface Acked {
  readonly created: Set<number>;
  /** Case number -> case id, for the cases whose parent was acknowledged as added. */
  readonly partyAdded: Map<number, string>;
}

/**
 * Each worker opens cases one after another and adds the parent to each (a conditional
 * read-modify-write of the case), recording only what the bot acknowledged.
 */
async function writeLoad(bot: ChildBot, acked: Acked, stopWhen: () => boolean): Promise<{ failed: number }> {
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (!stopWhen()) {
      const n = next++;
      try {
        const res = await bot.post(createCase(n));
        if (res.status !== 200 || !res.text.includes(reference(n))) throw new Error(`create ${n}: ${res.status}`);
        acked.created.add(n);
        const caseId = /"caseId":"([^"]+)"/.exec(res.text)?.[1];
        if (!caseId) throw new Error(`no caseId in the card of case ${n}`);
        const roles = await bot.post(inThread(n, 'case.assignRoles', { caseId, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' }));
        if (roles.status === 200) acked.partyAdded.set(n, caseId);
      } catch {
        // The process was killed under this request: not acknowledged, so nothing is promised.
        failed++;
      }
    }
  };
  await Promise.all(Array.from({ length: WORKERS }, worker));
  return { failed };
}

async function assertAckedPresent(acked: Acked): Promise<void> {
  const store = await openStore({ kind: 'embedded', dataDir });
  try {
    const missing: string[] = [];
    for (const n of acked.created) {
      const c = await store.cases.findByThreadConversation(thread(n));
      if (!c || c.caseReference !== reference(n)) missing.push(`case ${reference(n)}`);
    }
    for (const [n, caseId] of acked.partyAdded) {
      const c = await store.cases.get(caseId);
      if (!c?.parties.some((p) => p.aadObjectId === USERS.parent.aadObjectId)) missing.push(`parent on case ${reference(n)}`);
    }
    expect(missing).toEqual([]);
  } finally {
    await store.close();
  }
}

it('keeps every acknowledged write after SIGKILL in the middle of a write load, and reopens', async () => {
  const first = await start();
  const acked: Acked = { created: new Set(), partyAdded: new Map() };
  let killed = false;
  const load = writeLoad(first, acked, () => killed);
  const deadline = Date.now() + 30_000;
  while (acked.created.size < KILL_AFTER_ACKED && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
  const exit = await first.kill('SIGKILL');
  killed = true;
  const { failed } = await load;
  expect(exit.signal).toBe('SIGKILL');
  // The kill really landed mid-load: requests were in flight and lost their answers.
  expect(acked.created.size).toBeGreaterThanOrEqual(KILL_AFTER_ACKED);
  expect(failed).toBeGreaterThan(0);

  const second = await start();
  expect(await second.healthz()).toBe(200);
  // Still writable after the restart: the next case is accepted.
  const after = await second.post(createCase(100_000));
  expect(after.status).toBe(200);
  expect(after.text).toContain(reference(100_000));
  expect((await second.kill('SIGTERM')).code).toBe(0);

  await assertAckedPresent(acked);
});

it('refuses to start on a damaged store file, naming it, rather than serve an empty store', async () => {
  const file = path.join(dataDir, SQLITE_FILE);
  const bytes = await fs.readFile(file);
  bytes.fill(0x5a, 3 * 4096, 5 * 4096);
  await fs.writeFile(file, bytes);
  const failed = await start().then(
    () => 'started',
    (err: unknown) => String(err),
  );
  expect(failed).toMatch(/child bot exited during start-up \(code 1/);
  expect(failed).toContain(`Failed to start: ${file}: `);
  expect(failed).toMatch(/damaged/);
});
