import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { productionNodeFlags, spawnServer, type Child } from '../../scripts/bench/processes';
import { KIND, person, personalActivity } from '../../scripts/bench/people';
import { buildBot, bundleBeside } from '../../scripts/build-bot';
import { FakeConnector } from '../helpers/fakeConnector';

/**
 * Production runs the esbuild bundle of the bot (`npm run build`), which no other test runs: a
 * file the code looks up beside itself, or a package the bundler mishandles, would only show here.
 */
const OUT = path.join(__dirname, '..', '..', 'test-output', 'bundle-check', 'index.js');

let connector: FakeConnector;
let bot: Child;
let dataDir: string;

beforeAll(async () => {
  connector = await FakeConnector.start();
  await buildBot(OUT);
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bundle-check-'));
  // With production's node flags (package.json's serve script): a flag node refuses would show here.
  bot = await spawnServer('bundled bot', OUT, { DATA_DIR: dataDir }, productionNodeFlags());
}, 60_000);

afterAll(async () => {
  await bot?.stop();
  await connector?.stop();
  await fs.rm(dataDir, { recursive: true, force: true });
});

it('starts healthy on a new embedded store (start-up reads the Terms of Engagement from beside the code)', async () => {
  const res = await fetch(`${bot.url}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', store: 'embedded' });
  await expect(fs.stat(path.join(dataDir, 'send-mediation.sqlite'))).resolves.toBeTruthy();
});

it('answers `help` in a personal chat', async () => {
  const someone = person(KIND.helpUser, 1);
  const res = await fetch(`${bot.url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(personalActivity(someone, connector.url, { text: 'help' })),
  });
  expect(res.status).toBe(200);
  await connector.waitFor(() => connector.delivered().length > 0);
  expect(JSON.stringify(connector.delivered()[0])).toMatch(/\*\*my cases\*\*: Your cases/);
});

it('is all Latin-1, so node holds its 1 MB of source at one byte a character, not two', async () => {
  const code = await fs.readFile(bundleBeside(OUT), 'utf8');
  expect(code.length).toBeGreaterThan(500_000);
  expect(code.match(/[^\t-\u00ff]/gu) ?? []).toEqual([]);
});

describe("V8's code cache (bot/codeCache.ts)", () => {
  const cache = `${bundleBeside(OUT)}.v8cache`;
  const start = () => spawnServer('bundled bot', OUT, { DATA_DIR: dataDir }, productionNodeFlags());
  const healthy = async (child: Child) => expect((await fetch(`${child.url}/healthz`)).status).toBe(200);

  it('is left by a clean stop of a start that had none, and the next start runs with it as it is', async () => {
    await bot.stop();
    const written = await fs.stat(cache);
    expect(written.size).toBeGreaterThan(100_000);
    bot = await start();
    await healthy(bot);
    await bot.stop();
    // V8 took it: a refused cache would have been written again at the exit.
    expect((await fs.stat(cache)).mtimeMs).toBe(written.mtimeMs);
  }, 60_000);

  it('is saved while the bot runs, soon after start-up, not only at its stop', async () => {
    // V8 drops the bytecode of code that has not run for a while: a cache saved when a long-lived
    // bot stops would lack most of what start-up runs (bot/codeCache.ts).
    await fs.rm(cache);
    bot = await start();
    await healthy(bot);
    const deadline = Date.now() + 15_000;
    while (!(await fs.stat(cache).catch(() => undefined)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect((await fs.stat(cache)).size).toBeGreaterThan(100_000);
    await healthy(bot);
    await bot.stop();
  }, 60_000);

  it('does not stop a start when it is damaged or from another build, and is written again', async () => {
    const good = await fs.readFile(cache);
    // Another build's cache (another stamp), then a damaged one with this build's stamp.
    for (const bad of [Buffer.concat([Buffer.alloc(32, 7), good.subarray(32)]), Buffer.concat([good.subarray(0, 32), Buffer.from('not a code cache')])]) {
      await fs.writeFile(cache, bad);
      bot = await start();
      await healthy(bot);
      await bot.stop();
      expect((await fs.readFile(cache)).subarray(0, 32)).toEqual(good.subarray(0, 32));
      expect((await fs.stat(cache)).size).toBeGreaterThan(100_000);
    }
    bot = await start();
    await healthy(bot);
  }, 60_000);

  it("leaves the bundle's import() working (jose, with the first dashboard request) when the code comes from the cache", async () => {
    // V8's cached code cannot reach node's loader for an import(): the build turns them into require().
    await expect(fs.stat(cache)).resolves.toBeTruthy();
    const credentialed = await spawnServer(
      'bundled bot with credentials',
      OUT,
      { DATA_DIR: dataDir, MicrosoftAppId: '11111111-2222-4333-8444-555555555555', MicrosoftAppPassword: 'x', MicrosoftAppTenantId: '5e4d0000-0000-4000-8000-000000000001', MicrosoftAppType: 'SingleTenant' },
      productionNodeFlags(),
    );
    try {
      // jose reads the token and refuses it: 401. Had import() failed, the request would be a 500.
      const res = await fetch(`${credentialed.url}/tab/api/cases`, { headers: { authorization: 'Bearer not-a-token' } });
      expect(res.status).toBe(401);
      expect(credentialed.stderr()).not.toMatch(/Warning|Error/);
    } finally {
      await credentialed.stop();
    }
  }, 60_000);
});
