import { spawnSync } from 'node:child_process';
import { generateKeyPairSync, createSign } from 'node:crypto';
import path from 'node:path';
import { activity, startTestBot, type TestBot } from '../helpers/testBot';

const CREDENTIALS = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '66666666-7777-4888-9999-000000000000',
  MicrosoftAppType: 'SingleTenant',
};

function forgedJwt(): string {
  // Well-formed and signed, but with a key Microsoft never published.
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: 'forged-key' });
  const body = b64({
    iss: 'https://api.botframework.com',
    aud: CREDENTIALS.MicrosoftAppId,
    serviceurl: 'http://127.0.0.1:9/',
    nbf: now - 60,
    exp: now + 3600,
  });
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(privateKey).toString('base64url');
  return `${head}.${body}.${sig}`;
}

describe('with Teams credentials configured', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot(CREDENTIALS);
  });
  afterAll(async () => {
    await t.stop();
  });

  it.each([
    ['no Authorization header', {}],
    ['a made-up bearer token', { authorization: 'Bearer made-up-token' }],
    ['a forged, well-formed JWT', { authorization: `Bearer ${forgedJwt()}` }],
    ['a non-bearer scheme', { authorization: 'Basic dXNlcjpwYXNz' }],
  ])('refuses %s with 401 and sends nothing', async (_name, headers) => {
    const res = await t.post(activity('personal', { text: 'help' }), headers);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Unauthorized' });
    expect(t.connector.calls).toHaveLength(0);
  });
});

describe('start-up configuration', () => {
  const entry = path.resolve(__dirname, '../../bot/index.ts');
  const tsx = path.resolve(__dirname, '../../node_modules/.bin/tsx');
  const run = (env: Record<string, string>) =>
    spawnSync(tsx, [entry], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: '/tmp/never-used', ...env },
      encoding: 'utf8',
      timeout: 20000,
    });

  it('refuses to start in production without credentials, naming what is missing', () => {
    const r = run({ NODE_ENV: 'production' });
    expect(r.status).toBe(1);
    for (const name of Object.keys(CREDENTIALS)) expect(r.stderr).toContain(name);
  });

  it('refuses half-configured credentials', () => {
    const r = run({ MicrosoftAppId: CREDENTIALS.MicrosoftAppId });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/MicrosoftAppPassword, MicrosoftAppTenantId, MicrosoftAppType missing/);
  });

  it('names an invalid variable', () => {
    const r = run({ PORT: 'eighty' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PORT:/);
  });
});
