/**
 * Builds the dashboard tab: bundles tab/src/app.ts and tab/src/config.ts (with
 * @microsoft/teams-js) into tab/dist with esbuild, and copies the pages and the stylesheet.
 * `npm start`, `npm run serve` and the browser test run it; the output is git-ignored.
 *
 *   npm run build:tab
 */
import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

export const TAB_DIR = path.resolve(__dirname, '..', 'tab');
export const TAB_DIST = path.join(TAB_DIR, 'dist');

export async function buildTab(options: { readonly outDir?: string; readonly minify?: boolean } = {}): Promise<string> {
  const outDir = options.outDir ?? TAB_DIST;
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { app: path.join(TAB_DIR, 'src', 'app.ts'), config: path.join(TAB_DIR, 'src', 'config.ts') },
    outdir: outDir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020', 'chrome100', 'safari15', 'firefox100'],
    minify: options.minify ?? true,
    legalComments: 'none',
    logLevel: 'warning',
    // teams-js reads these; without a value esbuild would leave `process` in the browser bundle.
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  await Promise.all(['index.html', 'config.html', 'styles.css'].map((f) => copyFile(path.join(TAB_DIR, f), path.join(outDir, f))));
  return outDir;
}

if (require.main === module) {
  const started = Date.now();
  buildTab()
    .then((dir) => console.log(`Dashboard tab built in ${Date.now() - started} ms: ${path.relative(process.cwd(), dir) || dir}`))
    .catch((error: unknown) => {
      console.error('Could not build the dashboard tab:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
