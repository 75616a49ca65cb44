/** The SSO token check (jose) and the signing-key set it fetches, with key pairs generated here (no network). */
import { createLocalJWKSet } from 'jose';
import { remoteSigningKeys, verifySsoToken } from '../../bot/tab/ssoToken';
import { APP_ID, keyPair, PG, signToken, ssoClaims, TENANT, type KeyPair } from './tabFixtures';

const NOW = new Date('2026-12-03T10:00:00Z');

function jwk(k: KeyPair): Record<string, unknown> {
  return { ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig' };
}

function jwksFetch(sets: KeyPair[][]): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fake = (async () => {
    const keys = sets[Math.min(calls, sets.length - 1)] ?? [];
    calls++;
    // A key of another type in the set must not get in the way.
    return new Response(JSON.stringify({ keys: [{ kty: 'EC', kid: 'ec', crv: 'P-256', x: 'a', y: 'b' }, ...keys.map(jwk)] }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetch: fake, calls: () => calls };
}

const AUDIENCE = `api://bot.example.org/${APP_ID}`;

describe('verifySsoToken', () => {
  const key = keyPair('k1');
  const options = { tenantId: TENANT, audiences: [AUDIENCE], keys: createLocalJWKSet({ keys: [jwk(key)] }), now: () => NOW };

  it('returns the caller from a good token', async () => {
    expect(await verifySsoToken(signToken(ssoClaims(PG.sam, NOW), key), options)).toEqual({
      ok: true,
      identity: { oid: PG.sam.aadObjectId, tid: TENANT, name: PG.sam.name },
    });
  });

  it('allows five minutes of clock skew, and no more', async () => {
    const expiredAt = (seconds: number) => signToken(ssoClaims(PG.sam, NOW, { exp: NOW.getTime() / 1000 - seconds }), key);
    expect((await verifySsoToken(expiredAt(240), options)).ok).toBe(true);
    expect(await verifySsoToken(expiredAt(360), options)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const [h, , s] = signToken(ssoClaims(PG.sam, NOW), key).split('.');
    const forged = Buffer.from(JSON.stringify(ssoClaims(PG.maya, NOW))).toString('base64url');
    expect(await verifySsoToken(`${h}.${forged}.${s}`, options)).toEqual({ ok: false, reason: 'bad signature' });
  });

  it('says which check failed: audience, issuer, tenant, key, algorithm, not-before, shape', async () => {
    const other = '99999999-0000-4000-8000-000000000001';
    const unsigned = (claims: Record<string, unknown>) =>
      `${Buffer.from(JSON.stringify({ alg: 'none', kid: 'k1' })).toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const cases: Record<string, string> = {
      'wrong audience': signToken(ssoClaims(PG.sam, NOW, { aud: 'api://elsewhere/app' }), key),
      'wrong issuer': signToken(ssoClaims(PG.sam, NOW, { iss: 'https://evil.example/v2.0' }), key),
      // Another tenant's token, with that tenant's issuer: refused by the issuer check, which names our tenant only.
      'wrong issuer ': signToken(ssoClaims(PG.sam, NOW, { tid: other, iss: `https://login.microsoftonline.com/${other}/v2.0` }), key),
      'wrong tenant': signToken(ssoClaims(PG.sam, NOW, { tid: other }), key),
      'unknown signing key': signToken(ssoClaims(PG.sam, NOW), { ...key, kid: 'k-unknown' }),
      'unsupported token header': unsigned(ssoClaims(PG.sam, NOW)),
      'not yet valid': signToken(ssoClaims(PG.sam, new Date(NOW.getTime() + 3_600_000)), key),
      'token claims missing': signToken(ssoClaims(PG.sam, NOW, { oid: undefined }), key),
      'not a valid JWT': 'not-a-token',
    };
    for (const [reason, token] of Object.entries(cases)) {
      expect({ reason, result: await verifySsoToken(token, options) }).toEqual({ reason, result: { ok: false, reason: reason.trim() } });
    }
  });

  it('refuses an HS256 token "signed" with the public key (key confusion)', async () => {
    const { createHmac } = await import('node:crypto');
    const h = Buffer.from(JSON.stringify({ alg: 'HS256', kid: 'k1' })).toString('base64url');
    const p = Buffer.from(JSON.stringify(ssoClaims(PG.sam, NOW))).toString('base64url');
    const s = createHmac('sha256', key.publicKey.export({ format: 'pem', type: 'spki' })).update(`${h}.${p}`).digest('base64url');
    expect(await verifySsoToken(`${h}.${p}.${s}`, options)).toEqual({ ok: false, reason: 'unsupported token header' });
  });
});

describe('remoteSigningKeys', () => {
  const verifyWith = (keys: ReturnType<typeof remoteSigningKeys>, key: KeyPair) =>
    verifySsoToken(signToken(ssoClaims(PG.sam, NOW), key), { tenantId: TENANT, audiences: [AUDIENCE], keys, now: () => NOW });

  afterEach(() => jest.useRealTimers());

  it('fetches once, then serves keys from its cache', async () => {
    const k = keyPair('k1');
    const f = jwksFetch([[k]]);
    const keys = remoteSigningKeys({ url: 'https://keys.example/jwks', fetch: f.fetch });
    expect((await verifyWith(keys, k)).ok).toBe(true);
    expect((await verifyWith(keys, k)).ok).toBe(true);
    expect(f.calls()).toBe(1);
  });

  it('refetches for an unknown kid (a key rollover) at most every five minutes', async () => {
    // Only the clock jose reads for its cool-down is moved; timers and I/O stay real.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] });
    jest.setSystemTime(NOW);
    const old = keyPair('old');
    const next = keyPair('new');
    const f = jwksFetch([[old], [old, next]]);
    const keys = remoteSigningKeys({ url: 'https://keys.example/jwks', fetch: f.fetch });
    expect((await verifyWith(keys, old)).ok).toBe(true);
    jest.setSystemTime(NOW.getTime() + 60_000);
    expect(await verifyWith(keys, next)).toEqual({ ok: false, reason: 'unknown signing key' }); // too soon to ask again
    expect(f.calls()).toBe(1);
    jest.setSystemTime(NOW.getTime() + 6 * 60_000);
    expect((await verifyWith(keys, next)).ok).toBe(true);
    expect(f.calls()).toBe(2);
  });

  it('survives an unreachable key set: refused, no exception', async () => {
    const failing = (async () => {
      throw new Error('offline');
    }) as typeof fetch;
    const keys = remoteSigningKeys({ url: 'https://keys.example/jwks', fetch: failing });
    expect(await verifyWith(keys, keyPair('k1'))).toEqual({ ok: false, reason: 'key set unavailable' });
  });
});
