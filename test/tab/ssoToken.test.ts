/** The SSO token check and the signing-key cache, with key pairs generated here (no network). */
import { JwksKeySource, verifySsoToken } from '../../bot/tab/ssoToken';
import { APP_ID, keyPair, PG, signToken, ssoClaims, TENANT, type KeyPair } from './tabFixtures';

const NOW = new Date('2026-12-03T10:00:00Z');

function jwksFetch(sets: KeyPair[][]): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  const fake = (async () => {
    const keys = sets[Math.min(calls, sets.length - 1)] ?? [];
    calls++;
    return new Response(JSON.stringify({ keys: [{ kty: 'EC', kid: 'ec', crv: 'P-256', x: 'a', y: 'b' }, ...keys.map((k) => ({ ...k.publicKey.export({ format: 'jwk' }), kid: k.kid, use: 'sig' }))] }), {
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof fetch;
  return { fetch: fake, calls: () => calls };
}

describe('verifySsoToken', () => {
  const key = keyPair('k1');
  const keys = { getKey: async (kid: string) => (kid === 'k1' ? key.publicKey : undefined) };
  const options = { tenantId: TENANT, audiences: [`api://bot.example.org/${APP_ID}`], keys, now: () => NOW };

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
});

describe('JwksKeySource', () => {
  it('fetches once, then serves keys from its cache', async () => {
    const k = keyPair('k1');
    const f = jwksFetch([[k]]);
    const source = new JwksKeySource({ url: 'https://keys.example/jwks', fetch: f.fetch, now: () => 0 });
    expect((await source.getKey('k1'))?.equals(k.publicKey)).toBe(true);
    expect((await source.getKey('k1'))?.equals(k.publicKey)).toBe(true);
    expect(f.calls()).toBe(1);
  });

  it('refetches for an unknown kid (a key rollover) at most every five minutes', async () => {
    const old = keyPair('old');
    const next = keyPair('new');
    const f = jwksFetch([[old], [old, next]]);
    let t = 0;
    const source = new JwksKeySource({ url: 'https://keys.example/jwks', fetch: f.fetch, now: () => t });
    expect((await source.getKey('old'))?.equals(old.publicKey)).toBe(true);
    t = 60_000;
    expect(await source.getKey('new')).toBeUndefined(); // too soon to ask again
    expect(f.calls()).toBe(1);
    t = 6 * 60_000;
    expect((await source.getKey('new'))?.equals(next.publicKey)).toBe(true);
    expect(f.calls()).toBe(2);
  });

  it('survives an unreachable key set: no key, no exception', async () => {
    const failing = (async () => {
      throw new Error('offline');
    }) as typeof fetch;
    const source = new JwksKeySource({ url: 'https://keys.example/jwks', fetch: failing, now: () => 0 });
    expect(await source.getKey('k1')).toBeUndefined();
  });
});
