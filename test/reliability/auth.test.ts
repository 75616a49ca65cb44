import { createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { AuthenticationConstants } from 'botframework-connector';
// Not re-exported by the package index; the cache of signing keys lives on this class.
import { JwtTokenExtractor } from 'botframework-connector/lib/auth/jwtTokenExtractor';
import { OpenIdMetadata } from 'botframework-connector/lib/auth/openIdMetadata';
import { activity, startTestBot, type TestBot } from '../helpers/testBot';
import { storeSnapshot, diffSnapshots, type StoreSnapshot } from './helpers/storeSnapshot';

/**
 * Inbound authentication with the four Microsoft* credentials set. test/bot/auth.test.ts already
 * refuses a missing header, a made-up token, a non-bearer scheme and a JWT signed by a key
 * Microsoft never published; this suite adds what those cannot reach without the network:
 * tokens signed by a key the bot *does* trust but expired, addressed to another bot, or from
 * the wrong issuer, plus a valid token as the control that proves the refusals are not blanket.
 *
 * The machine has no internet, so Microsoft's key directory is replaced, in this process only,
 * by one key generated here: botframework-connector keeps one OpenIdMetadata per metadata URL in
 * JwtTokenExtractor.openIdMetadataCache, and we seed that entry. Everything after the key
 * lookup (signature, issuer, audience, expiry, endorsements, serviceUrl) is the real code.
 */
const CREDENTIALS = {
  MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppTenantId: '66666666-7777-4888-9999-000000000000',
  MicrosoftAppType: 'SingleTenant',
};
const TRUSTED_KID = 'reliability-trusted-key';

const trusted = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });

function trustKey(publicKey: KeyObject): void {
  const jwk = publicKey.export({ format: 'jwk' });
  const metadata = new OpenIdMetadata(AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl);
  // Fresh keys: the library will not try to refresh them from the network for 24 h.
  Object.assign(metadata, { lastUpdated: Date.now(), keys: [{ kty: 'RSA', kid: TRUSTED_KID, n: jwk.n, e: jwk.e, endorsements: ['msteams'] }] });
  (JwtTokenExtractor as unknown as { openIdMetadataCache: Map<string, OpenIdMetadata> }).openIdMetadataCache.set(
    AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    metadata,
  );
}

interface Claims {
  iss: string;
  aud: string;
  serviceurl: string;
  nbf: number;
  exp: number;
}

function jwt(key: KeyObject, claims: Claims, header: Record<string, string> = {}): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'RS256', typ: 'JWT', kid: TRUSTED_KID, ...header });
  const body = b64(claims);
  const sig = createSign('RSA-SHA256').update(`${head}.${body}`).sign(key).toString('base64url');
  return `${head}.${body}.${sig}`;
}

let t: TestBot;
let before: StoreSnapshot;
const now = () => Math.floor(Date.now() / 1000);
const validClaims = (): Claims => ({
  iss: 'https://api.botframework.com',
  aud: CREDENTIALS.MicrosoftAppId,
  serviceurl: t.connector.url,
  nbf: now() - 60,
  exp: now() + 3600,
});
/** A message the bot would answer and record: if auth let it through, the store and the connector would show it. */
const helpMessage = () => activity('personal', { text: 'help' });

beforeAll(async () => {
  trustKey(trusted.publicKey);
  t = await startTestBot(CREDENTIALS);
  // botframework-connector console.error()s the expired-token error it then throws; keep the output readable.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
}, 20_000);
afterAll(async () => {
  jest.restoreAllMocks();
  await t?.stop();
});

beforeEach(async () => {
  t.connector.reset();
  before = await storeSnapshot(t.config.dataDir, { includeBookkeeping: true });
});

const refusedCases: [string, () => Record<string, string>][] = [
  ['no Authorization header (unsigned)', () => ({})],
  ['an unsigned JWT (alg none)', () => ({ authorization: `Bearer ${unsigned(validClaims())}.` })],
  ['a token signed by a key generated here, not the trusted one (forged)', () => ({ authorization: `Bearer ${jwt(stranger.privateKey, validClaims())}` })],
  ['a token whose payload was altered after signing', () => ({ authorization: `Bearer ${tampered()}` })],
  ['an expired token', () => ({ authorization: `Bearer ${jwt(trusted.privateKey, { ...validClaims(), nbf: now() - 7200, exp: now() - 3600 })}` })],
  ['a token for another bot (wrong audience)', () => ({ authorization: `Bearer ${jwt(trusted.privateKey, { ...validClaims(), aud: '99999999-2222-4333-8444-555555555555' })}` })],
  ['a token from an issuer the bot does not accept', () => ({ authorization: `Bearer ${jwt(trusted.privateKey, { ...validClaims(), iss: 'https://evil.example.com' })}` })],
  ['a token issued for another service URL', () => ({ authorization: `Bearer ${jwt(trusted.privateKey, { ...validClaims(), serviceurl: 'https://smba.evil.example.com/' })}` })],
  ['a token signed with HS256 using the public key as the secret', () => ({ authorization: `Bearer ${hs256Confusion()}` })],
];

function unsigned(claims: Claims): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'none', typ: 'JWT', kid: TRUSTED_KID })}.${b64(claims)}`;
}

function tampered(): string {
  const [head, , sig] = jwt(trusted.privateKey, validClaims()).split('.');
  const body = Buffer.from(JSON.stringify({ ...validClaims(), aud: CREDENTIALS.MicrosoftAppId, serviceurl: 'https://attacker.example.com/' })).toString('base64url');
  return `${head}.${body}.${sig}`;
}

function hs256Confusion(): string {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = b64({ alg: 'HS256', typ: 'JWT', kid: TRUSTED_KID });
  const body = b64(validClaims());
  const secret = trusted.publicKey.export({ format: 'pem', type: 'spki' });
  return `${head}.${body}.${createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url')}`;
}

describe('POST /api/messages with credentials configured', () => {
  it.each(refusedCases)('refuses %s with 401, answers nothing and writes nothing', async (_name, headers) => {
    const res = await t.post(helpMessage(), headers());
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'Unauthorized' });
    expect(t.connector.calls).toHaveLength(0);
    // Not even the bookkeeping collections: a refused request must not claim an activity id.
    expect(diffSnapshots(before, await storeSnapshot(t.config.dataDir, { includeBookkeeping: true }))).toEqual([]);
  }, 15_000);

  it('accepts a valid token signed by the trusted key (the control: the refusals above are not blanket)', async () => {
    // A typing indicator needs no reply, so the turn runs without an outbound token (no network).
    const res = await t.post(activity('personal', { type: 'typing' }), { authorization: `Bearer ${jwt(trusted.privateKey, validClaims())}` });
    expect(res.status).toBe(200);
    const after = await storeSnapshot(t.config.dataDir, { includeBookkeeping: true });
    // The turn ran: the activity id was claimed and the conversation recorded.
    expect(diffSnapshots(before, after).length).toBeGreaterThan(0);
  }, 15_000);
});
