/**
 * Starts and stops Microsoft 365 Agents Playground (@microsoft/m365agentsplayground), the local
 * Teams emulator, as a child process. Used by `npm start` (scripts/start.ts) and the e2e tests.
 * Node built-ins only.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface PlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  /** Default 56150 (the CLI's default). 0 = any free port, chosen by the playground itself (no race). */
  port?: number;
  /** Default: `.m365agentsplayground.yml` at the repo root. */
  configPath?: string;
  /** Suppress the playground's stderr and our own warnings. */
  quiet?: boolean;
  /** How long to wait for the playground to answer HTTP. Default 20 s. */
  startTimeoutMs?: number;
}

export interface PlaygroundHandle {
  /** For people: http://localhost:<port>. */
  url: string;
  port: number;
  pid: number;
  /**
   * The playground's own log. When its stdout is not a TTY it prints nothing but "Listening on"
   * and sends all other console output (errors included) here. Deleted by stop().
   */
  logFile: string;
  /** Resolves when the process ends, by stop() or on its own (crash): exit code, or null if signalled. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

export const DEFAULT_PLAYGROUND_PORT = 56150;
const CONFIG_FILE_NAME = '.m365agentsplayground.yml';
const STOP_GRACE_MS = 3000;
/**
 * Preloaded into the playground: exit when its stdin (a pipe from us) closes. The OS closes that pipe
 * however our process ends, even on SIGKILL or a crash where no 'exit' handler runs, so the playground
 * never outlives us.
 */
const PARENT_WATCHDOG =
  'data:text/javascript,process.stdin.on("end",()=>process.exit(0)).on("error",()=>process.exit(0)).resume()';

/** Walks up from this file so it works from scripts/ (tsx) and from dist/scripts/ (tsc build). */
function findDefaultConfigPath(): string {
  let dir = __dirname;
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (fs.existsSync(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`${CONFIG_FILE_NAME} not found above ${__dirname}`);
    dir = parent;
  }
}

function cliPath(): string {
  return path.join(path.dirname(require.resolve('@microsoft/m365agentsplayground/package.json')), 'cli.js');
}

function withLoopbackNoProxy(current: string | undefined): string {
  const entries = (current ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const host of ['localhost', '127.0.0.1', '::1']) if (!entries.includes(host)) entries.push(host);
  return entries.join(',');
}

function playgroundEnv(configPath: string, logFile: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Without this the CLI opens a browser on start.
    TEAMSAPPTESTER_BROWSER: 'none',
    // Its config file is found via this or the cwd; we run it in a temp cwd (see below).
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
    // The playground DELETES this file at start, then appends all console output to it. Never point it
    // at something that matters (e.g. /dev/stdout). Default would be ./devTools/ in its cwd.
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
    // Telemetry. `--dt` only stops custom events: the Application Insights SDK is still started, and its
    // "statsbeat" probes the Azure metadata service (169.254.169.254) and DNS at start and every 15 min
    // (seen with strace). NO_STATSBEAT alone stopped every outbound connect; the other two make sure
    // nothing is sent even if a future version tracks something: disableAppInsights is read from the
    // top level of this JSON (applicationinsights 2.x JsonConfig), and the ingestion endpoint is a
    // closed loopback port.
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATIONINSIGHTS_CONFIGURATION_CONTENT: JSON.stringify({ disableAppInsights: true, disableStatsbeat: true }),
    APPLICATIONINSIGHTS_CONNECTION_STRING: [
      'InstrumentationKey=00000000-0000-0000-0000-000000000000',
      'IngestionEndpoint=http://127.0.0.1:9/',
      'LiveEndpoint=http://127.0.0.1:9/',
    ].join(';'),
    // The playground routes its calls to the bot through HTTP(S)_PROXY when set; a corporate proxy
    // cannot reach our localhost bot.
    NO_PROXY: withLoopbackNoProxy(process.env.NO_PROXY ?? process.env.no_proxy),
    no_proxy: withLoopbackNoProxy(process.env.NO_PROXY ?? process.env.no_proxy),
  };
}

function readTail(file: string, maxChars = 4000): string {
  try {
    const text = fs.readFileSync(file, 'utf8');
    return text.length > maxChars ? `…${text.slice(-maxChars)}` : text;
  } catch {
    return '(no log written)';
  }
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    // Negative pid = the whole process group (we spawn detached), so nothing it started survives it.
    process.kill(-child.pid, signal);
  } catch {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

async function isReady(port: number): Promise<boolean> {
  try {
    // testConfig rather than /_debug/ping: it only answers 200 once the config file has loaded; with a
    // bad config the routes are never mounted and the process exits 1.
    const res = await fetch(`http://127.0.0.1:${port}/_internal/v1/testConfig`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function startPlayground(opts: PlaygroundOptions): Promise<PlaygroundHandle> {
  const requestedPort = opts.port ?? DEFAULT_PLAYGROUND_PORT;
  const configPath = path.resolve(opts.configPath ?? findDefaultConfigPath());
  // Checked here because the CLI silently falls back to a built-in tenant (random ids) when the file is missing.
  if (!fs.existsSync(configPath)) throw new Error(`Playground config not found: ${configPath}`);
  const startTimeoutMs = opts.startTimeoutMs ?? 20_000;

  // A private cwd: the CLI writes relative files (devTools/, event recordings) into its cwd.
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agents-playground-'));
  const logFile = path.join(workDir, 'playground.log');
  const child = spawn(
    process.execPath,
    [
      '--import',
      PARENT_WATCHDOG,
      cliPath(),
      'start',
      '-e',
      opts.botEndpoint,
      '-c',
      'msteams',
      '-p',
      String(requestedPort),
      '--dt',
    ],
    // detached: its own process group, so stop() can signal the group, and a Ctrl-C meant for us is
    // handled by our shutdown code rather than racing it.
    { cwd: workDir, env: playgroundEnv(configPath, logFile), stdio: ['pipe', 'pipe', 'pipe'], detached: true },
  );
  let spawnError: Error | undefined;
  child.on('error', (e) => (spawnError ??= e));
  // Never written to; it only exists for the watchdog. Ignore EPIPE once the child has gone.
  child.stdin?.on('error', () => undefined);
  if (child.pid === undefined) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw new Error('could not spawn the Agents Playground');
  }
  const pid = child.pid;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  // If our process exits without stop() (an uncaught error, process.exit in a test runner), do not leave
  // the playground running on its port. 'exit' handlers must be synchronous; process.kill is.
  const onParentExit = (): void => killGroup(child, 'SIGKILL');
  process.once('exit', onParentExit);

  let stdout = '';
  let actualPort: number | undefined;
  child.stdout?.setEncoding('utf8');
  child.stdout?.on('data', (chunk: string) => {
    stdout += chunk;
    // The only line it prints when stdout is a pipe. Its port may differ from the one we asked for:
    // "-p" falls back to a random port when that one is taken, and -p 0 always picks one.
    const match = /Listening on (\d+)/.exec(stdout);
    if (match?.[1] && actualPort === undefined) actualPort = Number(match[1]);
  });
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    if (!opts.quiet) process.stderr.write(chunk.replace(/^(?=.)/gm, '[playground] '));
  });

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      killGroup(child, 'SIGTERM');
      if (!(await waitForExit(child, STOP_GRACE_MS))) {
        killGroup(child, 'SIGKILL');
        await waitForExit(child, STOP_GRACE_MS);
      }
      process.off('exit', onParentExit);
      child.stdin?.destroy();
      child.stdout?.destroy();
      child.stderr?.destroy();
      fs.rmSync(workDir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const deadline = Date.now() + startTimeoutMs;
  let port: number | undefined;
  while (port === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const log = readTail(logFile);
      await stop();
      throw new Error(
        `Agents Playground exited during start (code ${child.exitCode ?? child.signalCode}). Its log:\n${log}`,
      );
    }
    if (spawnError) {
      await stop();
      throw new Error(`could not run the Agents Playground CLI: ${spawnError.message}`);
    }
    if (actualPort !== undefined && (await isReady(actualPort))) port = actualPort;
    else if (Date.now() > deadline) {
      const log = readTail(logFile);
      await stop();
      throw new Error(`Agents Playground did not become ready within ${startTimeoutMs} ms. Its log:\n${log}`);
    } else await delay(50);
  }

  if (!opts.quiet && requestedPort !== 0 && port !== requestedPort) {
    process.stderr.write(`[playground] port ${requestedPort} is in use; the playground took ${port} instead\n`);
  }
  return { url: `http://localhost:${port}`, port, pid, logFile, exited, stop };
}
