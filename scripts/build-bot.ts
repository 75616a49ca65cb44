/**
 * Bundles the bot's own code (bot/index.ts and everything it imports from this repository) into
 * dist/bot/bundle.js with esbuild, with the few packages of BUNDLED_PACKAGES; the other npm packages
 * stay external and load from node_modules as usual. dist/bot/index.js, the entry point production
 * starts, runs it with V8's code cache (bot/launch.ts, bot/codeCache.ts).
 * One file instead of about 400 cuts start-up by about 100 ms of CPU and the resident memory by
 * about 11 MB (docs/benchmarks.md). `npm run build` runs it after tsc has type-checked and
 * compiled the rest of dist/.
 *
 *   npm run build
 */
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
export const BOT_BUNDLE = path.join(ROOT, 'dist', 'bot', 'index.js');

/**
 * Node keeps a script's source in memory for the life of the process, one byte a character when
 * every character is Latin-1 and two bytes otherwise. esbuild escapes everything outside ASCII in
 * strings and regular expressions, but keeps doc comments as written: four "…" in comments made
 * V8 hold the 1 MB bundle as 2 MB. Escaped here the way esbuild escapes strings; in a comment
 * the text only changes for a reader of the bundle (the source map points at the source).
 */
export function latin1Only(code: string): string {
  return code.replace(/[^\t-\u00ff]/gu, (ch) => `\\u{${ch.codePointAt(0)!.toString(16)}}`);
}

/**
 * Packages bundled into the bot's file instead of loaded from node_modules: pure JavaScript the
 * bot loads at every start and the echo bot of the benchmark does not use. zod alone is about 60
 * files; loaded from one file it starts 20-40 ms sooner (docs/benchmarks.md, start-up). Native
 * modules (better-sqlite3), packages loaded on first use (mongodb, jose, date-holidays) and those
 * that find their own files at run time (pino's transports) stay external.
 */
export const BUNDLED_PACKAGES: readonly string[] = ['zod', '@date-fns/tz', 'dotenv'];

/** Every dependency not bundled, with its subpaths. */
function externalPackages(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
  return Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })
    .filter((name) => !BUNDLED_PACKAGES.includes(name))
    .flatMap((name) => [name, `${name}/*`]);
}

/** The bundle beside the entry point that runs it (bot/launch.ts). */
export function bundleBeside(entry: string): string {
  return path.join(path.dirname(entry), 'bundle.js');
}

/**
 * Writes the entry point (`outfile`, bot/launch.ts) and the bundle it runs with V8's code cache
 * (bundle.js beside it, bot/index.ts and what it imports). Returns the entry point.
 */
export async function buildBot(outfile: string = BOT_BUNDLE): Promise<string> {
  const common = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The other packages load from node_modules as they would without the bundle (better-sqlite3's
    // native module, the MongoDB driver loaded only when configured).
    external: externalPackages(),
    // import() of a package (jose, loaded with the first dashboard request) becomes require(),
    // which loads ES modules too on node 20.19 and later: code V8 takes from the code cache
    // (bot/codeCache.ts) cannot reach node's loader for an import().
    supported: { 'dynamic-import': false },
    // Function and class names stay as written, for stack traces and logs.
    keepNames: true,
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  } as const;
  const results = await Promise.all([
    build({ ...common, entryPoints: [path.join(ROOT, 'bot', 'index.ts')], outfile: bundleBeside(outfile) }),
    build({ ...common, entryPoints: [path.join(ROOT, 'bot', 'launch.ts')], outfile }),
  ]);
  await mkdir(path.dirname(outfile), { recursive: true });
  for (const file of results.flatMap((r) => r.outputFiles)) {
    await writeFile(file.path, file.path.endsWith('.js') ? latin1Only(file.text) : file.contents);
  }
  return outfile;
}

if (require.main === module) {
  const started = Date.now();
  buildBot()
    .then((file) => console.log(`Bot bundled in ${Date.now() - started} ms: ${path.relative(process.cwd(), file)}`))
    .catch((error: unknown) => {
      console.error('Could not bundle the bot:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
