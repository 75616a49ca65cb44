/**
 * Bundles the bot's own code (bot/index.ts and everything it imports from this repository) into
 * dist/bot/index.js with esbuild; npm packages stay external and load from node_modules as usual.
 * One file instead of about 400 cuts start-up by about 100 ms of CPU and the resident memory by
 * about 11 MB (docs/benchmarks.md). `npm run build` runs it after tsc has type-checked and
 * compiled the rest of dist/.
 *
 *   npm run build
 */
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
export const BOT_BUNDLE = path.join(ROOT, 'dist', 'bot', 'index.js');

export async function buildBot(outfile: string = BOT_BUNDLE): Promise<string> {
  await build({
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
  });
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
