/**
 * The dashboard API over real HTTP (the real bot server, embedded store on a temp dir): who may
 * ask, and what they get back. Teams mode uses SSO tokens signed with a key pair generated here
 * and published on a loopback JWKS endpoint; local mode uses the playground's mock users.
 */
import http from 'node:http';
import os from 'node:os';
import type { CaseDetail, CaseListAnswer, CaseSummary } from '../../domain/dashboard';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { APP_ID, keyPair, PG, signToken, ssoClaims, startJwksServer, storeCase, TENANT, type KeyPair } from './tabFixtures';

const NOW = new Date('2026-12-03T10:00:00Z'); // a Thursday

async function get(t: TestBot, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
  const res = await fetch(`${t.bot.url}${path}`, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, headers: res.headers };
}

/** fetch() will not send a Host header of our choosing; node:http will. */
function getWithHost(t: TestBot, path: string, host: string, headers: Record<string, string> = {}, address = '127.0.0.1'): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: address, port: t.bot.port, path, headers: { ...headers, host } }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as unknown) : undefined }));
    });
    req.on('error', reject);
  });
}

const SUMMARY_KEYS = [
  'caseId',
  'caseReference',
  'caseTypeLabel',
  'localAuthority',
  'childInitials',
  'isYoungPerson',
  'state',
  'stateLabel',
  'stage',
  'stageLabel',
  'myRole',
  'isMediator',
  'meetingText',
  'next',
  'overdueCount',
  'dueThisWeek',
  'preparation',
  'nextTask',
  'links',
];
const DETAIL_KEYS = [...SUMMARY_KEYS, 'timeline', 'deadlines', 'myTasks', 'mediators', 'parties', 'actions'];

describe('dashboard API with Teams credentials (SSO tokens)', () => {
  let t: TestBot;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let key: KeyPair;
  let caseA: string;
  let caseB: string;
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    key = keyPair('key-1');
    jwks = await startJwksServer([key]);
    t = await startTestBot(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppType: 'SingleTenant',
        PUBLIC_BASE_URL: 'https://bot.example.org',
        TAB_SSO_JWKS_URL: jwks.url,
      },
      { now: () => NOW },
    );
    caseA = (await storeCase(t.bot.store, { reference: 'SM-A', mediator: PG.maya, parties: [[PG.sam, 'parent_carer']], createdAt: NOW, thread: 'root-a' })).id;
    caseB = (await storeCase(t.bot.store, { reference: 'SM-B', mediator: PG.tom, parties: [[PG.priya, 'la_officer']], createdAt: NOW })).id;
  });
  afterAll(async () => {
    await t.stop();
    await jwks.close();
  });

  it('answers 401 without a token, with no case data', async () => {
    const res = await get(t, '/tab/api/cases');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.stringMatching(/sign-in/i) });
    expect((await get(t, `/tab/api/cases/${caseA}`)).status).toBe(401);
  });

  it('answers 401 to an expired token, a wrongly signed one, a wrong audience, tenant or issuer, and alg none', async () => {
    const other = keyPair('key-1'); // same kid, different key: a forgery
    const bad = {
      expired: signToken(ssoClaims(PG.maya, new Date(NOW.getTime() - 3 * 3_600_000)), key),
      forged: signToken(ssoClaims(PG.maya, NOW), other),
      audience: signToken(ssoClaims(PG.maya, NOW, { aud: 'api://bot.example.org/99999999-2222-4333-8444-555555555555' }), key),
      tenant: signToken(ssoClaims(PG.maya, NOW, { tid: '99999999-0000-4000-8000-000000000001', iss: 'https://login.microsoftonline.com/99999999-0000-4000-8000-000000000001/v2.0' }), key),
      issuer: signToken(ssoClaims(PG.maya, NOW, { iss: 'https://evil.example/v2.0' }), key),
      unknownKid: signToken(ssoClaims(PG.maya, NOW), { ...key, kid: 'key-unknown' }),
      notYet: signToken(ssoClaims(PG.maya, new Date(NOW.getTime() + 3_600_000)), key),
      algNone: `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'key-1' })).toString('base64url')}.${Buffer.from(JSON.stringify(ssoClaims(PG.maya, NOW))).toString('base64url')}.`,
      garbage: 'not-a-token',
    };
    for (const [what, token] of Object.entries(bad)) {
      const res = await get(t, '/tab/api/cases', bearer(token));
      expect({ what, status: res.status }).toEqual({ what, status: 401 });
    }
    // The same token, correctly signed and in date, gets in: the refusals above are about the flaw.
    expect((await get(t, '/tab/api/cases', bearer(signToken(ssoClaims(PG.maya, NOW), key)))).status).toBe(200);
  });

  it('accepts the v1 issuer and the plain app id audience', async () => {
    const token = signToken(ssoClaims(PG.maya, NOW, { iss: `https://sts.windows.net/${TENANT}/`, aud: APP_ID }), key);
    const res = await get(t, '/tab/api/cases', bearer(token));
    expect(res.status).toBe(200);
    // Read as Maya: her cases, as a v2 token for her gets them.
    const references = (r: { body: unknown }) => (r.body as CaseListAnswer).cases.map((c) => c.caseReference);
    const v2 = await get(t, '/tab/api/cases', bearer(signToken(ssoClaims(PG.maya, NOW), key)));
    expect(references(res)).not.toEqual([]);
    expect(references(res)).toEqual(references(v2));
  });

  it('ignores the local-mode header when credentials are configured', async () => {
    const res = await get(t, '/tab/api/cases', { 'x-dashboard-user': PG.maya.aadObjectId });
    expect(res.status).toBe(401);
    const settings = await get(t, '/tab/api/settings');
    expect(settings.body).toEqual({ mode: 'teams' });
  });

  it("lists only the caller's cases, with only the dashboard's fields", async () => {
    const res = await get(t, '/tab/api/cases', bearer(signToken(ssoClaims(PG.sam, NOW), key)));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = res.body as CaseListAnswer;
    expect(body.cases.map((c) => c.caseReference)).toEqual(['SM-A']);
    const row = body.cases[0] as CaseSummary;
    for (const k of Object.keys(row)) expect(SUMMARY_KEYS).toContain(k);
    expect(row.myRole).toBe('Parent or carer');
    // A party gets the chat with the bot, not the mediators' channel thread.
    expect(row.links.conversation).toBe(`https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`28:${APP_ID}`)}`);
    expect(row.links.dashboard).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${APP_ID}/mycases\\?context=`));
  });

  it('gives a party of another case 403, and the same answer for a case that does not exist', async () => {
    const token = bearer(signToken(ssoClaims(PG.priya, NOW), key));
    const other = await get(t, `/tab/api/cases/${caseA}`, token);
    expect(other.status).toBe(403);
    expect(JSON.stringify(other.body)).not.toContain('SM-A');
    const missing = await get(t, '/tab/api/cases/nosuchcase0000', token);
    expect(missing).toMatchObject({ status: 403, body: other.body });
    expect((await get(t, '/tab/api/cases/..%2F..%2Fetc', token)).status).toBe(403);
    expect((await get(t, `/tab/api/cases/${caseB}`, token)).status).toBe(200);
  });

  it("answers a party's own case with the allowed fields only: no ids, no audit", async () => {
    const res = await get(t, `/tab/api/cases/${caseA}`, bearer(signToken(ssoClaims(PG.sam, NOW), key)));
    expect(res.status).toBe(200);
    const detail = res.body as CaseDetail;
    expect(Object.keys(detail).sort()).toEqual(DETAIL_KEYS.filter((k) => k in detail).sort());
    const text = JSON.stringify(detail);
    for (const secret of [PG.maya.aadObjectId, PG.sam.aadObjectId, '"audit"', 'providerKey', 'partyId', 'createdBy']) expect(text).not.toContain(secret);
    expect(detail.parties).toEqual([{ displayName: PG.sam.name, roleLabel: 'Parent or carer' }]);
    expect(detail.timeline.map((p) => p.id)).toEqual(expect.arrayContaining(['referral', 'la-informed', 'meeting']));
  });

  it('sends the mediator back to the case thread', async () => {
    const res = await get(t, `/tab/api/cases/${caseA}`, bearer(signToken(ssoClaims(PG.maya, NOW), key)));
    const detail = res.body as CaseDetail;
    expect(detail.myRole).toBe('Lead mediator');
    expect(detail.links.conversation).toContain('https://teams.microsoft.com/l/message/');
    expect(detail.links.conversation).toContain('root-a');
  });

  it('fetches the signing keys once and caches them', async () => {
    const before = jwks.hits();
    for (let i = 0; i < 3; i++) await get(t, '/tab/api/cases', bearer(signToken(ssoClaims(PG.maya, NOW), key)));
    expect(jwks.hits()).toBe(before);
    expect(before).toBe(1);
  });
});

describe('dashboard API in local mode (no Teams credentials)', () => {
  let t: TestBot;

  beforeAll(async () => {
    t = await startTestBot({ HOST: '0.0.0.0' }, { now: () => NOW });
    await storeCase(t.bot.store, { reference: 'SM-L', mediator: PG.maya, parties: [[PG.sam, 'parent_carer']], createdAt: NOW });
  });
  afterAll(async () => t.stop());

  it("offers the playground's mock users and accepts one of them from this computer", async () => {
    const settings = await get(t, '/tab/api/settings');
    expect(settings.body).toMatchObject({ mode: 'local', localUsers: expect.arrayContaining([PG.maya, PG.sam]) });
    const res = await get(t, '/tab/api/cases', { 'x-dashboard-user': PG.maya.aadObjectId });
    expect(res.status).toBe(200);
    expect((res.body as CaseListAnswer).cases.map((c) => c.caseReference)).toEqual(['SM-L']);
    // Without credentials the card's link opens the local page.
    expect((res.body as CaseListAnswer).cases[0]?.links.dashboard).toMatch(/^http:\/\/localhost:\d+\/tab\/\?case=/);
  });

  it('refuses a missing or unknown user with 401', async () => {
    expect((await get(t, '/tab/api/cases')).status).toBe(401);
    expect((await get(t, '/tab/api/cases', { 'x-dashboard-user': '00000000-0000-0000-0000-0000000000f1' })).status).toBe(401);
  });

  it('refuses a page that reached the bot under another host name (DNS rebinding)', async () => {
    const res = await getWithHost(t, '/tab/api/cases', 'evil.example', { 'x-dashboard-user': PG.maya.aadObjectId });
    expect(res.status).toBe(403);
    expect((await getWithHost(t, '/tab/api/cases', `localhost:${t.bot.port}`, { 'x-dashboard-user': PG.maya.aadObjectId })).status).toBe(200);
    const settings = await getWithHost(t, '/tab/api/settings', 'evil.example:80');
    expect(settings.body).toEqual({ mode: 'local' });
  });

  const external = Object.values(os.networkInterfaces())
    .flat()
    .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;
  (external ? it : it.skip)(`refuses requests from another address than loopback (${external ?? 'no external interface'})`, async () => {
    // The Host header says localhost, so only the peer address can give it away.
    const res = await getWithHost(t, '/tab/api/cases', 'localhost', { 'x-dashboard-user': PG.maya.aadObjectId }, external);
    expect(res).toEqual({ status: 403, body: { error: expect.stringMatching(/this computer only/) } });
  });
});
