import { createHash } from 'node:crypto';
import fs from 'node:fs';
import Module from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What node's CommonJS loader keeps private but a module run by hand needs. */
interface ModuleInternals {
  _nodeModulePaths(from: string): string[];
  _resolveFilename(request: string, parent: Module, isMain: boolean, options?: { paths?: string[] }): string;
}

export type CodeCacheState = 'used' | 'rejected' | 'none';

/**
 * Runs the bot's bundle as node would run it as the main module, but compiled with V8's code cache
 * from an earlier start (the file `<bundle>.v8cache`): V8 then skips compiling the functions that
 * start-up runs, about 70 ms of a start (docs/benchmarks.md, start-up). Node 22 does this itself
 * (module.enableCompileCache); the bot runs on Node 20.
 *
 * The cache is written when a start had none, or V8 refused it (another node or other flags),
 * shortly after the bot is listening (see saveAfterStart). A start that is killed before then
 * leaves none, and the next one tries again. Written to a temporary file and renamed,
 * so two processes sharing dist/ never read half a cache; a folder that cannot be written only
 * means no cache. A script run this way has no import() of its own (node's loader is not called
 * for code from the cache): scripts/build-bot.ts turns the bundle's import() into require().
 */
export function runWithCodeCache(bundle: string): CodeCacheState {
  const cacheFile = `${bundle}.v8cache`;
  const source = fs.readFileSync(bundle, 'latin1');
  const stamp = createHash('sha256').update(source, 'latin1').digest();
  const cachedData = readCache(cacheFile, stamp);
  const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const state: CodeCacheState = !cachedData ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';

  const main = new Module(bundle, undefined);
  main.filename = bundle;
  const internals = Module as unknown as ModuleInternals;
  main.paths = internals._nodeModulePaths(path.dirname(bundle));
  main.loaded = true;
  const requireFromBundle = Object.assign((id: string): unknown => main.require(id), {
    resolve: (request: string, options?: { paths?: string[] }) => internals._resolveFilename(request, main, false, options),
    main,
    cache: require.cache,
  });
  const run = script.runInThisContext() as (exports: unknown, req: unknown, module: Module, filename: string, dirname: string) => void;
  run.call(main.exports, main.exports, requireFromBundle, main, bundle, path.dirname(bundle));
  if (state !== 'used') saveAfterStart(main.exports as { started?: unknown }, () => writeCache(script, cacheFile, stamp));
  return state;
}

/** After the bundle's `started` (bot/index.ts): the start-up work that follows listening is in it too. */
const SAVE_AFTER_START_MS = 2000;

/**
 * Saved soon after start-up, not at the process's exit: V8 drops the bytecode of functions that
 * have not run for a while (bytecode flushing), so a cache written when a long-lived bot stops
 * lacks much of what start-up runs. One written at the exit of the bench's load run was 727 KB
 * against 1.16 MB, and the starts that used it took 472 ms against 442 (docs/benchmarks.md,
 * start-up). A process that exits sooner saves it at its exit, as before.
 */
function saveAfterStart(bundleExports: { started?: unknown }, save: () => void): void {
  let saved = false;
  const once = () => {
    if (saved) return;
    saved = true;
    save();
  };
  process.once('exit', once);
  const started = bundleExports.started;
  if (started instanceof Promise) void started.then(() => setTimeout(once, SAVE_AFTER_START_MS).unref());
}

/**
 * The cache after the bundle's SHA-256: V8 checks only the source's length, and a cache of another
 * build of the same length would run that build's code.
 */
function readCache(cacheFile: string, stamp: Buffer): Buffer | undefined {
  try {
    const file = fs.readFileSync(cacheFile);
    return file.subarray(0, stamp.length).equals(stamp) ? file.subarray(stamp.length) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(script: vm.Script, cacheFile: string, stamp: Buffer): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(temporary, Buffer.concat([stamp, script.createCachedData()]));
    fs.renameSync(temporary, cacheFile);
  } catch {
    // A read-only dist/: the bot starts as fast as it would without a cache.
    fs.rmSync(temporary, { force: true });
  }
}

