/**
 * Bundles the bot's own code (bot/index.ts and everything it imports from this repository) into
 * dist/bot/index.js with esbuild; npm packages stay external and load from node_modules as usual.
 * One file instead of about 400 cuts start-up by about 100 ms of CPU and the resident memory by
 * about 11 MB (docs/benchmarks.md). `npm run build` runs it after tsc has type-checked and
 * compiled the rest of dist/.
 *
 *   npm run build
 */
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

export async function buildBot(outfile: string = BOT_BUNDLE): Promise<string> {
  const result = await build({
    entryPoints: [path.join(ROOT, 'bot', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // The packages load from node_modules as they would without the bundle (better-sqlite3's
    // native module, the MongoDB driver loaded only when configured).
    packages: 'external',
    // Function and class names stay as written, for stack traces and logs.
    keepNames: true,
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  await mkdir(path.dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
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
