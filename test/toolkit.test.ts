/**
 * The Agents Toolkit's project files: both lifecycle files validate against the Toolkit's own
 * published schema (v1.11, as bundled in @microsoft/teamsfx-core 3.1.3, copied to test/schemas),
 * every `${{VAR}}` they use is defined for each environment, and they zip the app from manifest/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { MANIFEST_PATH } from '../manifest/build';

const ROOT = join(__dirname, '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');

const schema = JSON.parse(read('test/schemas/m365agents.v1.11.yaml.schema.json')) as object;
// The published schema uses keywords and formats ajv's strict mode does not know; it is draft-07.
const validate = new Ajv({ strict: false, allErrors: true }).compile(schema);

/** Names in an env file (`NAME=value` lines). */
function envNames(file: string): Set<string> {
  return new Set(read(file).split('\n').flatMap((line) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1] ?? []));
}

/** Variables the lifecycle's own steps write (teamsApp/create, aadApp/create, ...). */
function written(doc: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k === 'writeToEnvironmentFile' && child && typeof child === 'object') for (const name of Object.values(child)) out.add(String(name));
        else walk(child);
      }
    }
  };
  walk(doc);
  return out;
}

describe.each([
  ['m365agents.local.yml', ['env/.env.local']],
  ['m365agents.yml', ['env/.env.dev']],
])('%s', (file, envFiles) => {
  const text = read(file);
  const doc: unknown = parse(text);

  it("validates against the Toolkit's v1.11 schema", () => {
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    expect(text).toContain('$schema=https://aka.ms/m365-agents-toolkits/v1.11/yaml.schema.json');
  });

  it('the schema check is live: a misspelt action is refused', () => {
    const broken = structuredClone(doc) as { provision: { uses: string }[] };
    broken.provision[0] = { ...broken.provision[0], uses: 'teamsApp/craete' } as { uses: string };
    expect(validate(broken)).toBe(false);
  });

  it.each(envFiles)('uses only variables that %s defines, its steps write, or the .user file holds (SECRET_)', (envFile) => {
    const defined = envNames(envFile);
    const used = [...new Set([...text.matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1] ?? ''))];
    const missing = used.filter((name) => !defined.has(name) && !written(doc).has(name));
    expect(missing).toEqual([]);
    for (const secret of [...written(doc)].filter((n) => n.startsWith('SECRET_'))) expect(defined.has(secret)).toBe(false);
  });

  it("hands the bot every setting it reads (.env.example), except npm start's and npm run package's own", () => {
    const deployEnvs = (doc as { deploy: { uses: string; with?: { envs?: Record<string, unknown> } }[] }).deploy.find((step) => step.uses === 'file/createOrUpdateEnvironmentFile')?.with?.envs ?? {};
    // PLAYGROUND_PORT: npm start only; BOT_PUBLIC_HOST: npm run package only (the Toolkit has BOT_DOMAIN).
    // A host's secret is never written to a file the deploy step leaves behind.
    const notHere = new Set(['PLAYGROUND_PORT', 'BOT_PUBLIC_HOST', ...(file === 'm365agents.yml' ? ['MicrosoftAppPassword'] : [])]);
    const productReads = [...envNames('.env.example')].filter((n) => !notHere.has(n));
    expect(productReads.filter((n) => !(n in deployEnvs))).toEqual([]);
    expect(productReads.length).toBeGreaterThan(20);
  });

  it('zips the app package from manifest/ (the folder keeps its name), icons beside it', () => {
    expect(text).toContain('manifestPath: ./manifest/manifest.json');
    expect(text).not.toContain('appPackage/');
    expect(existsSync(MANIFEST_PATH)).toBe(true);
    for (const icon of ['color.png', 'outline.png']) expect(existsSync(join(ROOT, 'manifest', icon))).toBe(true);
  });
});

describe('env files', () => {
  it("hold the manifest's placeholders for every environment", () => {
    const placeholders = [...new Set([...readFileSync(MANIFEST_PATH, 'utf8').matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]))];
    for (const envFile of ['env/.env.local', 'env/.env.dev']) {
      const names = envNames(envFile);
      expect({ envFile, missing: placeholders.filter((p) => p && !names.has(p)) }).toEqual({ envFile, missing: [] });
    }
  });

  it('keep secrets out of git: the .user files and the bot settings the Toolkit writes are ignored', () => {
    const ignore = read('.gitignore');
    expect(ignore).toMatch(/^env\/\.env\.\*\.user$/m);
    expect(ignore).toMatch(/^\.localConfigs$/m);
    for (const envFile of ['env/.env.local', 'env/.env.dev']) expect([...envNames(envFile)].filter((n) => n.startsWith('SECRET_') || /PASSWORD/i.test(n))).toEqual([]);
  });
});

describe('.vscode/launch.json', () => {
  it('starts the bot with the playground (npm start), and the bot alone with the Toolkit-written settings', () => {
    const launch = JSON.parse(read('.vscode/launch.json')) as { configurations: { name: string; runtimeArgs?: string[]; envFile?: string; program?: string }[] };
    const [playground, teams] = launch.configurations;
    expect(playground?.runtimeArgs).toEqual(['start']);
    expect(teams?.envFile).toBe('${workspaceFolder}/.localConfigs');
    expect(existsSync(join(ROOT, (teams?.program ?? '').replace('${workspaceFolder}/', '')))).toBe(true);
  });
});
