/**
 * `npm start` as a new user runs it: what it says while it builds and starts, the three
 * addresses last, readable logs (pino-pretty), no DEP0111 warning, and the playground page's
 * probes of the messaging endpoint (HEAD, 405) not reported as refused requests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const ROOT = path.resolve(__dirname, '..', '..');
const READY = 'Press Ctrl-C to stop.';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (npm test's pretest does this)`);

describe('npm start', () => {
  let child: ChildProcess;
  let dataDir: string;
  let stdout = '';
  let stderr = '';

  beforeAll(async () => {
    dataDir = await makeTempDir('send-med-start-');
    child = spawn('npm', ['run', '--silent', 'start'], {
      cwd: ROOT,
      // Its own process group, so the test can send the group a Ctrl-C as a terminal would.
      detached: true,
      env: {
        ...process.env,
        PORT: '0',
        PLAYGROUND_PORT: '0',
        DATA_DIR: dataDir,
        LOG_FORMAT: 'pretty',
        LOG_LEVEL: 'info',
        NODE_ENV: 'development',
        MicrosoftAppId: '',
        MicrosoftAppPassword: '',
        MicrosoftAppTenantId: '',
        MicrosoftAppType: '',
        NODE_OPTIONS: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`npm start was not ready in 90 s:\n${stdout}\n${stderr}`)), 90_000);
      const poll = setInterval(() => {
        if (stdout.includes(READY)) {
          clearTimeout(timer);
          clearInterval(poll);
          resolve();
        }
      }, 50);
      child.once('exit', (code) => {
        clearTimeout(timer);
        clearInterval(poll);
        reject(new Error(`npm start exited (code ${code}):\n${stdout}\n${stderr}`));
      });
    });
  }, 100_000);

  afterAll(async () => {
    if (child.pid && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(-child.pid, 'SIGINT');
      await exited;
    }
    await removeDir(dataDir);
  });

  const url = (label: string): string => {
    const m = new RegExp(`${label}:\\s+(http://\\S+)`).exec(stdout);
    if (!m?.[1]) throw new Error(`no ${label} in:\n${stdout}`);
    return m[1];
  };

  it('says what it is doing, in order, and prints the three addresses last', () => {
    const order = ['Building the dashboard page', 'Starting the bot', 'Starting Microsoft 365 Agents Playground', 'Ready.'].map((s) => stdout.indexOf(s));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const last = stdout.trimEnd().split('\n').slice(-4);
    expect(last[0]).toMatch(/^ {2}Bot endpoint: +http:\/\/127\.0\.0\.1:\d+\/api\/messages$/);
    expect(last[1]).toMatch(/^ {2}Case dashboard: +http:\/\/localhost:\d+\/tab\/ /);
    expect(last[2]).toMatch(/^ {2}Agents Playground: +http:\/\/localhost:\d+ /);
    expect(last[3]).toBe(READY);
  });

  it('logs in readable lines in development, not JSON, and prints no DEP0111 warning', () => {
    expect(stdout).toMatch(/INFO.*bot listening/);
    expect(stdout).not.toMatch(/^\{"level"/m);
    expect(stderr).not.toMatch(/DEP0111|DeprecationWarning/);
  });

  it('does not report probes of /api/messages (the playground page sends HEAD) as refused, but still reports a wrong path', async () => {
    // The playground's own page, opened as a developer would: it checks the bot with HEAD.
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      await page.goto(url('Agents Playground'));
      await page.getByText('Connected.').first().waitFor();
    } finally {
      await browser.close();
    }
    const endpoint = url('Bot endpoint');
    expect((await fetch(endpoint, { method: 'HEAD' })).status).toBe(405);
    expect((await fetch(endpoint)).status).toBe(405);
    expect((await fetch(endpoint.replace('/api/messages', '/no-such-page'))).status).toBe(404);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Exactly one: the 404. Not the page's probe, nor our HEAD and GET.
    expect(stdout.match(/request refused/g)).toHaveLength(1);
    expect(stdout).toMatch(/request refused\n\s+status: 404\n\s+method: "GET"\n\s+path: "\/no-such-page"/);
    // The dashboard and the playground answer at the addresses printed.
    expect((await fetch(url('Case dashboard'))).status).toBe(200);
    expect((await fetch(url('Agents Playground'))).status).toBe(200);
  });
});
