/**
 * `npm run package`: builds appPackage.zip (manifest.json, color.png, outline.png) for uploading
 * to Teams, from manifest/manifest.json with its placeholders filled (as the Agents Toolkit's
 * teamsApp/zipAppPackage step does). Fails with every schema error listed, so a broken package never reaches an admin.
 *
 * Environment (a .env file at the repo root is read too; real environment variables win):
 *   MicrosoftAppId (or BOT_ID)  the bot's Microsoft App ID; without it a placeholder is used and
 *                               the package is only good for local sideloading
 *   TEAMS_APP_ID                the Teams app id, when the Agents Toolkit made one (default: the bot id)
 *   BOT_PUBLIC_HOST             public host of the bot, added to validDomains (optional)
 *   APP_VERSION                 manifest version (default: package.json's version)
 *   APP_PACKAGE_OUT             where to write the zip (default: <repo>/appPackage.zip)
 *
 * Reads process.env itself rather than bot/config.ts: packaging must work without the secrets
 * the running bot insists on.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import JSZip from 'jszip';
import { z } from 'zod';
import {
  DEV_PLACEHOLDER_BOT_ID,
  ICONS,
  MANIFEST_DIR,
  buildManifest,
  iconProblems,
  validateManifest,
  type TeamsManifest,
} from '../manifest/build';

const ROOT = resolve(__dirname, '..');

// Blank values (`MicrosoftAppId=` in a .env) mean "not set", not "set to nothing".
const optional = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), z.string().trim().optional());

const envSchema = z.object({
  MicrosoftAppId: optional,
  BOT_ID: optional,
  TEAMS_APP_ID: optional,
  BOT_PUBLIC_HOST: optional,
  APP_VERSION: optional,
  APP_PACKAGE_OUT: optional,
});

function fail(message: string): never {
  console.error(`\nTeams app package NOT written.\n${message}\n`);
  process.exit(1);
}

function checkIcons(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const icon of Object.values(ICONS)) {
    try {
      files.set(icon.file, readFileSync(join(MANIFEST_DIR, icon.file)));
    } catch {
      // reported as missing below
    }
  }
  const problems = iconProblems(files);
  if (problems.length > 0) fail(`Icon problems (replace the files in manifest/):\n  - ${problems.join('\n  - ')}`);
  return files;
}

async function main(): Promise<void> {
  loadDotenv({ path: join(ROOT, '.env'), quiet: true });
  const env = envSchema.parse(process.env);

  const configuredId = env.MicrosoftAppId ?? env.BOT_ID;
  const idSource = env.MicrosoftAppId !== undefined ? 'MicrosoftAppId' : 'BOT_ID';
  if (configuredId === undefined) {
    console.warn(
      [
        '',
        'WARNING: neither MicrosoftAppId nor BOT_ID is set.',
        `         Using the development placeholder bot id ${DEV_PLACEHOLDER_BOT_ID}.`,
        '         This package is for LOCAL USE ONLY (sideloading, the Agents Playground);',
        '         it will not reach a real bot. Set MicrosoftAppId to the Azure Bot\'s app id for a real one.',
        '',
      ].join('\n'),
    );
  }

  let manifest: TeamsManifest;
  try {
    manifest = buildManifest({
      botId: configuredId ?? DEV_PLACEHOLDER_BOT_ID,
      teamsAppId: env.TEAMS_APP_ID,
      version: env.APP_VERSION,
      publicHost: env.BOT_PUBLIC_HOST,
    });
  } catch (err) {
    const sources = [
      ...(configuredId !== undefined ? [`the bot id comes from ${idSource}`] : []),
      ...(env.BOT_PUBLIC_HOST !== undefined ? ['the public host from BOT_PUBLIC_HOST'] : []),
      ...(env.APP_VERSION !== undefined ? ['the version from APP_VERSION'] : []),
    ];
    fail(`${(err as Error).message}${sources.length > 0 ? `\n(${sources.join('; ')})` : ''}`);
  }

  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    fail(`manifest.json fails the Teams v${manifest.manifestVersion} schema (${errors.length} errors):\n  - ${errors.join('\n  - ')}`);
  }

  const icons = checkIcons();

  const zip = new JSZip();
  // A fixed date keeps the zip byte-identical between runs with the same inputs.
  const date = new Date(Date.UTC(2020, 0, 1));
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, { date });
  for (const [name, png] of icons) zip.file(name, png, { date });
  const out = resolve(env.APP_PACKAGE_OUT ?? join(ROOT, 'appPackage.zip'));
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, content);

  const domains = manifest.validDomains?.length ? manifest.validDomains.join(', ') : '(none; set BOT_PUBLIC_HOST)';
  console.log(`Teams app package written: ${out} (${content.length} bytes)`);
  console.log(`  bot id ${manifest.id}, version ${manifest.version}, validDomains ${domains}`);
}

main().catch((err: unknown) => fail(err instanceof Error ? (err.stack ?? err.message) : String(err)));
