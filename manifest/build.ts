/**
 * The Teams app manifest. manifest/manifest.json is complete as committed, with the Agents
 * Toolkit's `${{...}}` placeholders for what differs per deployment (the Teams app id, the bot's
 * Microsoft App ID, the public host), so the Toolkit's own zip step and `npm run package` produce
 * the same app. Its command menus and tab entries are generated from the code
 * (`npm run manifest`: the command catalog and manifest/tabs.ts), and a test fails when the
 * committed file and the code differ.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils, type TeamsManifestV1D25 } from '@microsoft/app-manifest';
import { z } from 'zod';
import { menuCommandsFor, type CommandInfo, type Scope } from '../bot/commandCatalog';
import { tabEntries } from './tabs';

export { ICONS, decodePng, iconProblems, nonWhiteVisiblePixels } from './icons';

export type TeamsManifest = TeamsManifestV1D25.TeamsManifestV1D25;
export type CommandList = TeamsManifestV1D25.CommandList;

export const MANIFEST_DIR = __dirname;
export const MANIFEST_PATH = join(MANIFEST_DIR, 'manifest.json');

/** The placeholders manifest.json carries, named as the Agents Toolkit's env files name them. */
export const PLACEHOLDERS = { teamsAppId: '${{TEAMS_APP_ID}}', botId: '${{BOT_ID}}', host: '${{BOT_DOMAIN}}' } as const;

/**
 * Only for sideloading into a local/dev tenant or the Agents Playground: Teams needs some GUID,
 * and a recognisable all-zero one makes an accidental production upload obvious.
 */
export const DEV_PLACEHOLDER_BOT_ID = '00000000-0000-4000-8000-000000000000';

/**
 * Teams' documented limits for bot command menus. The v1.25 JSON schema is looser (title 128,
 * 12 commands per list), but Teams truncates or rejects beyond these, so we enforce them here.
 */
export const COMMAND_LIMITS = { title: 32, description: 128, perList: 10 } as const;

/** The bot's scopes, in the order the command lists are written. */
export const BOT_SCOPES: readonly Scope[] = ['personal', 'team', 'groupChat'];

// Same pattern as the schema's #/definitions/guid, so we fail early with a readable message.
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
// The schema does not check `version`, but Teams' upload does: plain semver, no pre-release tags.
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

/**
 * validDomains wants a bare host (optionally with a port), never a URL. People paste either,
 * so accept `https://bot.example.org/` too and keep only the host.
 */
export function toValidDomain(value: string): string {
  const raw = value.trim();
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  let url: URL;
  try {
    url = new URL(hasScheme ? raw : `https://${raw}`);
  } catch {
    throw new Error(`"${value}" is not a host name`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new Error(`"${value}" must be a host name such as bot.example.org (or an https URL)`);
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
    throw new Error(`"${value}" must be just the host (such as bot.example.org), without a path or query`);
  }
  if (!HOSTNAME.test(url.hostname)) throw new Error(`"${value}" is not a valid host name`);
  return url.host;
}

const optionsSchema = z.object({
  botId: z
    .string({ error: 'the bot id is required' })
    .trim()
    .regex(GUID, {
      error: (issue) =>
        `the bot id must be the bot's Microsoft App ID, a GUID such as 1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d (got "${String(issue.input)}")`,
    }),
  teamsAppId: z
    .string()
    .trim()
    .regex(GUID, { error: (issue) => `the Teams app id must be a GUID (got "${String(issue.input)}")` })
    .optional(),
  version: z
    .string()
    .trim()
    .regex(SEMVER, { error: (issue) => `the version must be MAJOR.MINOR.PATCH, such as 1.0.3 (got "${String(issue.input)}")` })
    .optional(),
  publicHost: z
    .string()
    .transform((value, ctx) => {
      if (value.trim() === '') return undefined;
      try {
        return toValidDomain(value);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: `the public host ${(err as Error).message}` });
        return z.NEVER;
      }
    })
    .optional(),
});

export type BuildOptions = z.input<typeof optionsSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => issue.message).join('; ');
}

function defaultVersion(): string {
  const pkg: unknown = JSON.parse(readFileSync(join(MANIFEST_DIR, '..', 'package.json'), 'utf8'));
  const parsed = z.object({ version: z.string() }).safeParse(pkg);
  if (!parsed.success) throw new Error('package.json has no version');
  return parsed.data.version;
}

/**
 * One command list per scope, straight from the catalog. Throws when the catalog breaks a Teams
 * limit, because Teams would otherwise reject the upload or silently cut the menu.
 */
export function commandListsFrom(byScope: (scope: Scope) => readonly CommandInfo[] = menuCommandsFor): CommandList[] {
  const lists: CommandList[] = [];
  const problems: string[] = [];
  for (const scope of BOT_SCOPES) {
    const commands = byScope(scope);
    if (commands.length === 0) continue;
    if (commands.length > COMMAND_LIMITS.perList) {
      problems.push(`${scope} has ${commands.length} commands; Teams shows at most ${COMMAND_LIMITS.perList}`);
    }
    for (const c of commands) {
      if (c.name.trim() === '' || c.name.length > COMMAND_LIMITS.title) {
        problems.push(`command "${c.name}" must be 1-${COMMAND_LIMITS.title} characters`);
      }
      if (c.description.trim() === '' || c.description.length > COMMAND_LIMITS.description) {
        problems.push(`the description of "${c.name}" must be 1-${COMMAND_LIMITS.description} characters`);
      }
    }
    lists.push({ scopes: [scope], commands: commands.map((c) => ({ title: c.name, description: c.description })) });
  }
  if (problems.length > 0) {
    throw new Error(`The command catalog breaks Teams' limits: ${[...new Set(problems)].join('; ')}`);
  }
  return lists;
}

function readManifest(): TeamsManifest {
  return JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as TeamsManifest;
}

/**
 * manifest.json as the code says it should be: the committed file with its generated parts (the
 * version from package.json, the command lists from the catalog, the tabs with placeholders)
 * written afresh. `npm run manifest` writes it; the test compares it with the committed file.
 */
export function generatedManifest(current: TeamsManifest = readManifest()): TeamsManifest {
  const manifest = structuredClone(current);
  const bot = manifest.bots?.[0];
  if (manifest.manifestVersion !== '1.25' || !bot || manifest.bots?.length !== 1) {
    throw new Error('manifest.json must be a v1.25 manifest with exactly one bot');
  }
  manifest.version = defaultVersion();
  manifest.id = PLACEHOLDERS.teamsAppId;
  bot.botId = PLACEHOLDERS.botId;
  bot.commandLists = commandListsFrom();
  Object.assign(manifest, tabEntries(PLACEHOLDERS.botId, PLACEHOLDERS.host));
  manifest.validDomains = [PLACEHOLDERS.host];
  return manifest;
}

/** The file's text: two-space JSON and a final newline, so a regenerated file diffs cleanly. */
export function manifestText(manifest: TeamsManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** Replaces every placeholder in every string, as the Toolkit does when it zips the package. */
function fill<T>(value: T, values: Readonly<Record<string, string>>): T {
  if (typeof value === 'string') return value.replace(/\$\{\{(\w+)\}\}/g, (whole, name: string) => values[name] ?? whole) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => fill(v, values)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, values)])) as T;
  }
  return value;
}

export function buildManifest(opts: BuildOptions): TeamsManifest {
  const parsed = optionsSchema.safeParse(opts);
  if (!parsed.success) throw new Error(`Cannot build the Teams manifest: ${describeIssues(parsed.error)}`);
  const { botId, publicHost } = parsed.data;
  const teamsAppId = parsed.data.teamsAppId ?? botId;
  const version = parsed.data.version ?? defaultVersion();
  if (!SEMVER.test(version)) throw new Error(`Cannot build the Teams manifest: package.json version "${version}" is not MAJOR.MINOR.PATCH`);

  const manifest = readManifest();
  manifest.version = version;
  if (!publicHost) {
    // The dashboard tabs are served by the bot, so without a public host there is nowhere to load them from.
    delete manifest.staticTabs;
    delete manifest.configurableTabs;
    delete manifest.webApplicationInfo;
    manifest.validDomains = (manifest.validDomains ?? []).filter((d) => d !== PLACEHOLDERS.host);
  }
  const filled = fill(manifest, { TEAMS_APP_ID: teamsAppId, BOT_ID: botId, ...(publicHost ? { BOT_DOMAIN: publicHost } : {}) });
  const leftover = /\$\{\{(\w+)\}\}/.exec(JSON.stringify(filled));
  if (leftover) throw new Error(`manifest.json has a placeholder nobody fills: ${leftover[0]}`);
  return filled;
}

/**
 * Validates against the v1.25 schema bundled in @microsoft/app-manifest. We hand it the schema
 * ourselves because, if the package ever failed to find its local copy, it would quietly try to
 * download it, and this machine (and CI) has no internet.
 */
export async function validateManifest(manifest: TeamsManifest): Promise<string[]> {
  const schemaPath = join(
    dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
    `v${manifest.manifestVersion}`,
    'MicrosoftTeams.schema.json',
  );
  // The published schemas contain `\a` and `\v` escapes that JSON.parse rejects; the package
  // applies the same fix when it loads them.
  const raw = readFileSync(schemaPath, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  const schema = JSON.parse(raw) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}
