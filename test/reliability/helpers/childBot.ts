import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const START_TIMEOUT_MS = 20_000;

/**
 * The product's production entry point (bot/index.ts) in its own process, so that it can be
 * killed for real. Started with `node --import tsx` rather than the tsx CLI: the CLI runs the
 * bot in a grandchild process, which a SIGKILL of the CLI would leave running.
 */
export class ChildBot {
  private output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess, readonly url: string) {
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString('utf8')));
  }

  /** Starts the bot on DATA_DIR and resolves once it listens (it logs its port at info level). */
  static async start(dataDir: string, env: Record<string, string> = {}): Promise<ChildBot> {
    const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--import', 'tsx', path.join(ROOT, 'bot/index.ts')], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'info', LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`child bot did not start within ${START_TIMEOUT_MS} ms:\n${log}`));
      }, START_TIMEOUT_MS);
      const onData = (d: Buffer) => {
        log += d.toString('utf8');
        const m = /"port":(\d+)[^\n]*"msg":"bot listening"/.exec(log);
        if (m) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve(Number(m[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (d: Buffer) => (log += d.toString('utf8')));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`child bot exited during start-up (code ${code}, signal ${signal}):\n${log}`));
      });
    });
    const bot = new ChildBot(child, `http://127.0.0.1:${port}`);
    bot.output = log;
    return bot;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Everything the process printed (pino JSON lines, one per log entry). */
  get log(): string {
    return this.output;
  }

  async post(activity: Record<string, unknown>): Promise<{ status: number; text: string }> {
    const res = await fetch(`${this.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
    });
    return { status: res.status, text: await res.text() };
  }

  async healthz(): Promise<number> {
    return (await fetch(`${this.url}/healthz`)).status;
  }

  async kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  /** For afterAll: never leaves a process behind, whatever state the test ended in. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
    await this.exited;
    clearTimeout(timer);
  }
}
