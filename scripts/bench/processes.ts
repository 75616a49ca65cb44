import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const ROOT = path.resolve(__dirname, '..', '..');

export interface Child {
  readonly name: string;
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readonly startupMs: number;
  rssKb(): Promise<number>;
  /** Resident memory after a forced full collection (the bots run with --expose-gc). */
  rssAfterGcKb(): Promise<number>;
  /** V8's heap as the last forced collection (rssAfterGcKb) left it. */
  heapAfterGc(): Promise<HeapReport>;
  /** CPU time (user + system, all threads) used so far, in ms. */
  cpuMs(): Promise<number>;
  /** The last 4,000 characters the process wrote to stderr (node's warnings, a crash). */
  stderr(): string;
  stop(): Promise<void>;
}

/** What scripts/bench/gcOnSignal.cjs writes after a forced collection, in bytes. */
export interface HeapReport {
  readonly memory: NodeJS.MemoryUsage;
  readonly spaces: Record<string, { readonly used: number; readonly committed: number }>;
}

/** One line saying where resident memory is: the young and old generations, the rest outside V8's heap. */
export function describeHeap(rssKb: number, h: HeapReport): string {
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  const young = h.spaces.new_space?.committed ?? 0;
  const old = Object.entries(h.spaces).filter(([name]) => name !== 'new_space').reduce((n, [, s]) => n + s.committed, 0);
  return `V8 heap ${mb(h.memory.heapUsed)} in use of ${mb(h.memory.heapTotal)} committed (young generation ${mb(young)}, the rest ${mb(old)}); outside V8's heap about ${mb(rssKb * 1024 - h.memory.heapTotal)} (node itself, native modules, SQLite, malloc)`;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Environment without anything that would turn on Teams authentication or change the store. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^Microsoft|^MONGODB_|^PORT$|^HOST$|^DATA_DIR$|^TERMS_FILE$|^MEDIATOR_ALLOWLIST$|^NODE_OPTIONS$/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, NODE_ENV: 'development', LOG_LEVEL: 'silent', ...extra };
}

const GC_PRELOAD = path.join(ROOT, 'scripts/bench/gcOnSignal.cjs');

/**
 * The node flags production starts the bot with: those of `npm run serve` in package.json
 * (`node <flags> dist/bot/index.js`), read from there so that what is measured and tested is what
 * runs in production and the two cannot drift apart.
 */
export function productionNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const m = /(?:^|&&\s*)node\s+((?:--\S+\s+)*)dist\/bot\/index\.js\s*$/.exec(pkg.scripts?.serve ?? '');
  if (!m) throw new Error('package.json: the serve script does not end with `node [flags] dist/bot/index.js`');
  return m[1]!.split(/\s+/).filter(Boolean);
}

/**
 * Spawns `node <entry>.js` (compiled, as `npm run serve` runs the product in production), or
 * `node --import tsx <entry>.ts`, and polls GET /healthz every 5 ms until it answers 200.
 */
export async function spawnServer(name: string, entry: string, env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<Child> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const loader = entry.endsWith('.ts') ? ['--import', 'tsx'] : [];
  const heapReport = path.join(os.tmpdir(), `bench-heap-${process.pid}-${port}.json`);
  const child = spawn(process.execPath, ['--expose-gc', '--require', GC_PRELOAD, ...nodeArgs, ...loader, entry], {
    cwd: ROOT,
    env: cleanEnv({ PORT: String(port), HOST: '127.0.0.1', BENCH_HEAP_REPORT: heapReport, ...env }),
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (done) throw new Error(`${name} exited before it was healthy:\n${stderr}`);
    if (Date.now() > deadline) {
      await kill(child, exited);
      throw new Error(`${name} was not healthy within 180 s:\n${stderr}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const startupMs = performance.now() - started;
  const pid = child.pid!;
  return {
    name,
    url,
    pid,
    startupMs,
    rssKb: () => rssKb(pid),
    rssAfterGcKb: async () => {
      process.kill(pid, 'SIGUSR2');
      await new Promise((r) => setTimeout(r, 1000));
      return rssKb(pid);
    },
    heapAfterGc: async () => JSON.parse(await fs.readFile(heapReport, 'utf8')) as HeapReport,
    cpuMs: () => cpuMs(pid),
    stderr: () => stderr,
    stop: async () => {
      await kill(child, exited);
      await fs.rm(heapReport, { force: true });
    },
  };
}

async function kill(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** VmRSS from /proc/<pid>/status, in kB. */
export async function rssKb(pid: number): Promise<number> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8');
  const m = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]);
}

const TICKS_PER_SECOND = 100;

/** utime + stime from /proc/<pid>/stat (fields 14 and 15, in clock ticks of 10 ms). */
export async function cpuMs(pid: number): Promise<number> {
  const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may hold spaces; count fields after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
