/**
 * The Teams app package: schema-valid offline, command menus generated from the catalog, icons of
 * the sizes and colours Teams demands, and `npm run package` producing an uploadable zip.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { COMMANDS, menuCommandsFor as commandsFor, type Scope } from '../bot/commandCatalog';
import {
  BOT_SCOPES,
  COMMAND_LIMITS,
  DEV_PLACEHOLDER_BOT_ID,
  ICONS,
  MANIFEST_DIR,
  MANIFEST_PATH,
  buildManifest,
  commandListsFrom,
  generatedManifest,
  manifestText,
  decodePng,
  iconProblems,
  validateManifest,
  type TeamsManifest,
} from '../manifest/build';

const ROOT = join(__dirname, '..');
/** The tile colour of color.png, halfway down its gradient. */
const ACCENT_COLOR = '#117D80';
const TEST_BOT_ID = '3f2a9c1e-7b4d-4e8a-9c0f-5d6e7f8a9b0c';
const ALL_SCOPES: Scope[] = ['personal', 'groupChat', 'team'];

function iconBuffer(file: string): Buffer {
  return readFileSync(join(MANIFEST_DIR, file));
}

function theBot(manifest: TeamsManifest) {
  const bot = manifest.bots?.[0];
  if (!bot) throw new Error('manifest has no bot');
  return bot;
}

describe('buildManifest', () => {
  const manifest = buildManifest({ botId: TEST_BOT_ID, version: '1.2.3', publicHost: 'mediation-bot.example.org' });

  it('passes the bundled v1.25 Teams schema offline, through the library lookup and our own', async () => {
    expect(manifest.manifestVersion).toBe('1.25');
    expect(manifest.$schema).toBe('https://developer.microsoft.com/en-us/json-schemas/teams/v1.25/MicrosoftTeams.schema.json');
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('the validator is live: a broken manifest is reported, not waved through', async () => {
    const broken = structuredClone(manifest);
    broken.name.short = 'A name far too long for the Teams app bar';
    broken.accentColor = 'teal';
    const errors = await validateManifest(broken);
    expect(errors.join('\n')).toMatch(/\/name\/short/);
    expect(errors.join('\n')).toMatch(/\/accentColor/);
  });

  it('fills the app id, bot id and version from the options, with no placeholder left over', () => {
    expect(manifest.id).toBe(TEST_BOT_ID);
    expect(theBot(manifest).botId).toBe(TEST_BOT_ID);
    expect(manifest.version).toBe('1.2.3');
    expect(JSON.stringify(manifest)).not.toContain('${{');
  });

  it('defaults the version to package.json', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(buildManifest({ botId: TEST_BOT_ID }).version).toBe(pkg.version);
  });

  it('declares the product, icons and permissions', () => {
    expect(manifest.name).toEqual({ short: 'SEND Mediation', full: 'SEND Mediation case assistant' });
    expect(manifest.description.short).toMatch(/referral to certificate/);
    expect(manifest.description.full).toMatch(/England & Wales working days/);
    expect(manifest.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
    expect(manifest.accentColor).toBe(ACCENT_COLOR);
    expect(manifest.permissions).toEqual(['identity', 'messageTeamMembers']);
    for (const url of Object.values(manifest.developer).filter((v) => v.includes('://'))) {
      expect(url).toMatch(/^https:\/\//);
    }
  });

  it('offers the bot in personal, team and group chat scopes as a conversational bot without files', () => {
    const bot = theBot(manifest);
    expect([...bot.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
    expect(bot.supportsFiles).toBe(false);
    expect(bot.isNotificationOnly).toBe(false);
  });

  it("has one command list per scope that matches the catalog's menu commands exactly", () => {
    const lists = theBot(manifest).commandLists ?? [];
    for (const list of lists) expect(list.scopes).toHaveLength(1);
    for (const scope of ALL_SCOPES) {
      const expected = commandsFor(scope).map((c) => ({ title: c.name, description: c.description }));
      const forScope = lists.filter((l) => l.scopes.includes(scope));
      if (expected.length === 0) {
        expect(forScope).toEqual([]);
      } else {
        expect(forScope).toHaveLength(1);
        expect(forScope[0]?.commands).toEqual(expected);
      }
    }
    expect(lists.map((l) => l.scopes[0])).toEqual(BOT_SCOPES.filter((s) => commandsFor(s).length > 0));
  });

  it("keeps every command within Teams' limits (title 32, description 128, 10 per list)", () => {
    const lists = theBot(manifest).commandLists ?? [];
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      expect(list.commands.length).toBeLessThanOrEqual(10);
      for (const command of list.commands) {
        expect(command.title.length).toBeGreaterThan(0);
        expect(command.title.length).toBeLessThanOrEqual(32);
        expect(command.description.length).toBeGreaterThan(0);
        expect(command.description.length).toBeLessThanOrEqual(128);
      }
    }
    expect(COMMAND_LIMITS).toEqual({ title: 32, description: 128, perList: 10 });
  });

  it('manifest.json is committed complete: what the catalog and tabs generate, placeholders for ids and host only', () => {
    const committed = readFileSync(MANIFEST_PATH, 'utf8');
    expect(committed).toBe(manifestText(generatedManifest()));
    expect([...new Set(committed.match(/\$\{\{\w+\}\}/g))].sort()).toEqual(['${{BOT_DOMAIN}}', '${{BOT_ID}}', '${{TEAMS_APP_ID}}']);
    expect(COMMANDS.length).toBeGreaterThan(0);
  });

  it('notices a committed manifest.json that no longer matches the catalog', () => {
    const stale = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as TeamsManifest;
    theBot(stale).commandLists?.[0]?.commands.pop();
    expect(manifestText(generatedManifest(stale))).not.toBe(manifestText(stale));
    expect(generatedManifest(stale)).toEqual(JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')));
  });

  it("the Agents Toolkit's zip step (placeholders replaced in the text) gives the same manifest as npm run package", () => {
    const env: Record<string, string> = { TEAMS_APP_ID: TEST_BOT_ID, BOT_ID: TEST_BOT_ID, BOT_DOMAIN: 'mediation-bot.example.org' };
    const toolkit = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8').replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => env[name] ?? '')) as TeamsManifest;
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(buildManifest({ botId: TEST_BOT_ID, publicHost: 'mediation-bot.example.org' })).toEqual(toolkit);
    expect(toolkit.version).toBe(pkg.version);
  });

  it('takes a separate Teams app id when the Toolkit has made one', () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const m = buildManifest({ botId: TEST_BOT_ID, teamsAppId: other });
    expect(m.id).toBe(other);
    expect(theBot(m).botId).toBe(TEST_BOT_ID);
  });

  it('refuses a catalog that breaks a Teams limit, naming the problem', () => {
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `cmd${i}`, description: 'x', scopes: ALL_SCOPES }));
    expect(() => commandListsFrom(() => many)).toThrow(/at most 10/);
    const longTitle = [{ name: 'x'.repeat(33), description: 'ok', scopes: ALL_SCOPES }];
    expect(() => commandListsFrom(() => longTitle)).toThrow(/1-32 characters/);
    const longDescription = [{ name: 'ok', description: 'y'.repeat(129), scopes: ALL_SCOPES }];
    expect(() => commandListsFrom(() => longDescription)).toThrow(/description of "ok" must be 1-128/);
  });

  it('puts the public host in validDomains, as a bare host even when given a URL', () => {
    expect(manifest.validDomains).toEqual(['mediation-bot.example.org']);
    expect(buildManifest({ botId: TEST_BOT_ID, publicHost: 'https://Bot.Example.org:8443/' }).validDomains).toEqual([
      'bot.example.org:8443',
    ]);
    expect(buildManifest({ botId: TEST_BOT_ID }).validDomains).toEqual([]);
    expect(buildManifest({ botId: TEST_BOT_ID, publicHost: '  ' }).validDomains).toEqual([]);
  });

  it('rejects a public host that is not a host', () => {
    expect(() => buildManifest({ botId: TEST_BOT_ID, publicHost: 'https://bot.example.org/api/messages' })).toThrow(
      /without a path/,
    );
    expect(() => buildManifest({ botId: TEST_BOT_ID, publicHost: 'bot_example!.org' })).toThrow(/public host/);
    expect(() => buildManifest({ botId: TEST_BOT_ID, publicHost: 'ftp://bot.example.org' })).toThrow(/public host/);
  });

  it.each(['not-a-guid', '', '3f2a9c1e7b4d4e8a9c0f5d6e7f8a9b0c', '{3f2a9c1e-7b4d-4e8a-9c0f-5d6e7f8a9b0c}', `${TEST_BOT_ID}x`])(
    'rejects the invalid bot id %j with a clear message',
    (botId) => {
      expect(() => buildManifest({ botId })).toThrow(/bot id must be the bot's Microsoft App ID, a GUID/);
    },
  );

  it('rejects a version Teams would not accept', () => {
    expect(() => buildManifest({ botId: TEST_BOT_ID, version: '1.0' })).toThrow(/MAJOR\.MINOR\.PATCH/);
    expect(() => buildManifest({ botId: TEST_BOT_ID, version: '1.0.0-beta' })).toThrow(/MAJOR\.MINOR\.PATCH/);
  });
});

describe('icons (decoded with pngjs)', () => {
  it('are 192x192 (colour) and 32x32 (outline)', () => {
    expect(decodePng(iconBuffer('color.png'))).toMatchObject({ width: 192, height: 192 });
    expect(decodePng(iconBuffer('outline.png'))).toMatchObject({ width: 32, height: 32 });
    expect(ICONS.color).toMatchObject({ width: 192, height: 192 });
    expect(ICONS.outline).toMatchObject({ width: 32, height: 32 });
    expect(iconProblems(new Map([['color.png', iconBuffer('color.png')], ['outline.png', iconBuffer('outline.png')]]))).toEqual([]);
  });

  it('the outline icon is white on transparent: every visible pixel is pure white', () => {
    const img = decodePng(iconBuffer('outline.png'));
    expect(img.data).toHaveLength(32 * 32 * 4);
    let visible = 0;
    let transparent = 0;
    for (let i = 0; i < img.data.length; i += 4) {
      const [r, g, b, a] = img.data.subarray(i, i + 4);
      if ((a ?? 0) > 0) {
        visible++;
        expect([r, g, b]).toEqual([255, 255, 255]);
      } else {
        transparent++;
      }
    }
    // A real shape, not a blank or a solid square.
    expect(visible).toBeGreaterThan(200);
    expect(transparent).toBeGreaterThan(200);
  });

  it('the colour icon is a tile in the accent colour with a white symbol and transparent rounded corners', () => {
    const img = decodePng(iconBuffer('color.png'));
    const at = (x: number, y: number) => Array.from(img.data.subarray((y * 192 + x) * 4, (y * 192 + x) * 4 + 4));
    expect(at(0, 0)[3]).toBe(0);
    expect(at(191, 191)[3]).toBe(0);
    // Halfway down the tile's edge the colour is the manifest's accentColor, so the tile Teams draws behind the icon matches it.
    const accent = [1, 3, 5].map((i) => parseInt(ACCENT_COLOR.slice(i, i + 2), 16));
    const [r, g, b, a] = at(4, 96);
    expect(a).toBe(255);
    for (const [i, value] of [r, g, b].entries()) expect(Math.abs((value ?? 0) - (accent[i] ?? 0))).toBeLessThanOrEqual(2);
    let white = 0;
    for (let i = 0; i < img.data.length; i += 4) if (img.data[i] === 255 && img.data[i + 1] === 255 && img.data[i + 2] === 255) white++;
    expect(white).toBeGreaterThan(192 * 192 * 0.1);
  });

  it('names what Teams would reject: wrong size, colour in the outline, a file that is not a PNG, a missing file', () => {
    const big = new PNG({ width: 40, height: 40 });
    big.data.fill(255);
    const coloured = new PNG({ width: 32, height: 32 });
    coloured.data.fill(0);
    coloured.data.set([200, 0, 0, 255], (3 * 32 + 5) * 4);
    expect(iconProblems(new Map([['color.png', PNG.sync.write(big)], ['outline.png', PNG.sync.write(coloured)]]))).toEqual([
      'color.png is 40x40; Teams requires 192x192',
      'outline.png must be white on transparent; non-white pixels at (5,3) rgba(200,0,0,255)',
    ]);
    const problems = iconProblems(new Map([['color.png', Buffer.from('GIF89a, definitely not a PNG')]]));
    expect(problems[0]).toMatch(/^color\.png is not a valid PNG/);
    expect(problems[1]).toBe('outline.png is missing');
  });

  it('a corrupted file is refused, not half-read', () => {
    const png = Buffer.from(iconBuffer('outline.png'));
    png[png.length - 20] = (png[png.length - 20] ?? 0) ^ 0xff;
    expect(() => decodePng(png)).toThrow();
  });
});

describe('npm run package (scripts/package.ts)', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'app-package-'));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  // Blank values count as unset, and dotenv never overrides a variable that exists, so these
  // also keep a developer's .env out of the test.
  function runPackage(env: Record<string, string>) {
    const result = spawnSync('npx', ['tsx', 'scripts/package.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, MicrosoftAppId: '', BOT_ID: '', TEAMS_APP_ID: '', BOT_PUBLIC_HOST: '', APP_VERSION: '', ...env },
    });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
  }

  it('writes a zip with manifest.json, color.png and outline.png at its root', async () => {
    const out = join(dir, 'ok', 'appPackage.zip');
    const run = runPackage({ MicrosoftAppId: TEST_BOT_ID, BOT_PUBLIC_HOST: 'mediation-bot.example.org', APP_PACKAGE_OUT: out });
    expect(run.stderr).not.toMatch(/WARNING/);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(out);
    expect(run.stdout).toMatch(/\(\d+ bytes\)/);

    const zip = await JSZip.loadAsync(readFileSync(out));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '') as TeamsManifest;
    expect(manifest.id).toBe(TEST_BOT_ID);
    expect(manifest.validDomains).toEqual(['mediation-bot.example.org']);
    expect(await validateManifest(manifest)).toEqual([]);
    for (const icon of ['color.png', 'outline.png']) {
      const inZip = await zip.file(icon)?.async('nodebuffer');
      expect(inZip?.equals(iconBuffer(icon))).toBe(true);
    }
  });

  it('without a bot id uses the placeholder and warns that the package is for local use only', async () => {
    const out = join(dir, 'dev', 'appPackage.zip');
    const run = runPackage({ APP_PACKAGE_OUT: out });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/WARNING/);
    expect(run.stderr).toMatch(/LOCAL USE ONLY/);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const manifest = JSON.parse((await zip.file('manifest.json')?.async('string')) ?? '') as TeamsManifest;
    expect(manifest.id).toBe(DEV_PLACEHOLDER_BOT_ID);
  });

  it('fails with exit code 1 and a clear message on an invalid bot id, writing nothing', () => {
    const out = join(dir, 'bad', 'appPackage.zip');
    const run = runPackage({ BOT_ID: 'my-bot', APP_PACKAGE_OUT: out });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bot id must be the bot's Microsoft App ID, a GUID/);
    expect(run.stderr).toMatch(/BOT_ID/);
    expect(() => readFileSync(out)).toThrow();
  });
});
