/**
 * Validates the Teams SSO token the dashboard tab sends (`authentication.getAuthToken()`):
 * an Entra ID access token, RS256, signed with a key from the Microsoft identity platform's
 * published key set. Checked: the signature, the issuer (v2 or v1 form, for the bot's own
 * tenant only), the audience (the app id, or its `api://` URI), expiry and not-before with a
 * small clock skew. node:crypto only: botbuilder's own validator is for Bot Framework tokens.
 */
import { createPublicKey, verify, type JsonWebKey, type KeyObject } from 'node:crypto';
import { z } from 'zod';

const CLOCK_SKEW_SECONDS = 300;
const MAX_TOKEN_CHARS = 16_384;

/** Where signing keys come from: the Microsoft key set in production, a generated pair in tests. */
export interface SigningKeySource {
  getKey(kid: string): Promise<KeyObject | undefined>;
}

export interface SsoOptions {
  /** The bot's tenant: tokens from any other tenant are refused. */
  readonly tenantId: string;
  /** Accepted `aud` values. */
  readonly audiences: readonly string[];
  readonly keys: SigningKeySource;
  readonly now: () => Date;
}

export interface SsoIdentity {
  /** AAD object id of the signed-in person. */
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
}

export type SsoResult = { readonly ok: true; readonly identity: SsoIdentity } | { readonly ok: false; readonly reason: string };

const HeaderSchema = z.object({ alg: z.literal('RS256'), kid: z.string().min(1).max(200) });
const PayloadSchema = z.object({
  iss: z.string(),
  aud: z.string(),
  exp: z.number(),
  nbf: z.number().optional(),
  oid: z.string().min(1).max(100),
  tid: z.string().min(1).max(100),
  name: z.string().max(256).optional(),
});

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const BASE64URL = /^[A-Za-z0-9_-]+$/;

export async function verifySsoToken(token: string, options: SsoOptions): Promise<SsoResult> {
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'token too long' };
  const parts = token.split('.');
  const [h, p, s] = parts;
  if (parts.length !== 3 || !h || !p || !s || ![h, p, s].every((x) => BASE64URL.test(x))) return { ok: false, reason: 'not a JWT' };
  const header = HeaderSchema.safeParse(decodeJson(h));
  if (!header.success) return { ok: false, reason: 'unsupported token header' };
  const key = await options.keys.getKey(header.data.kid);
  if (!key) return { ok: false, reason: 'unknown signing key' };
  const signed = verify('RSA-SHA256', Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
  if (!signed) return { ok: false, reason: 'bad signature' };

  const payload = PayloadSchema.safeParse(decodeJson(p));
  if (!payload.success) return { ok: false, reason: 'token claims missing' };
  const claims = payload.data;
  if (claims.tid.toLowerCase() !== options.tenantId.toLowerCase()) return { ok: false, reason: 'wrong tenant' };
  const issuers = [`https://login.microsoftonline.com/${claims.tid}/v2.0`, `https://sts.windows.net/${claims.tid}/`];
  if (!issuers.includes(claims.iss)) return { ok: false, reason: 'wrong issuer' };
  if (!options.audiences.includes(claims.aud)) return { ok: false, reason: 'wrong audience' };
  const nowSeconds = options.now().getTime() / 1000;
  if (claims.exp + CLOCK_SKEW_SECONDS < nowSeconds) return { ok: false, reason: 'expired' };
  if (claims.nbf !== undefined && claims.nbf - CLOCK_SKEW_SECONDS > nowSeconds) return { ok: false, reason: 'not yet valid' };
  return { ok: true, identity: { oid: claims.oid, tid: claims.tid, ...(claims.name ? { name: claims.name } : {}) } };
}

const JwksSchema = z.object({
  keys: z.array(z.object({ kid: z.string().optional(), kty: z.string(), n: z.string().optional(), e: z.string().optional(), use: z.string().optional() }).loose()),
});

export interface JwksOptions {
  readonly url: string;
  readonly fetch?: typeof fetch;
  readonly now?: () => number;
  /** How long a fetched key set is trusted. Microsoft rolls keys over days, so a day is safe. */
  readonly ttlMs?: number;
  /** An unknown kid refetches at most this often, so forged kids cannot make us hammer the endpoint. */
  readonly refetchAfterMs?: number;
  readonly timeoutMs?: number;
}

/** The published key set, fetched on first use and cached (keys by kid). */
export class JwksKeySource implements SigningKeySource {
  private keys = new Map<string, KeyObject>();
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(private readonly options: JwksOptions) {}

  async getKey(kid: string): Promise<KeyObject | undefined> {
    const now = (this.options.now ?? Date.now)();
    const age = now - this.fetchedAt;
    const stale = age > (this.options.ttlMs ?? 24 * 3_600_000);
    const mayRefetch = age > (this.options.refetchAfterMs ?? 5 * 60_000);
    if (stale || (!this.keys.has(kid) && mayRefetch)) {
      this.inFlight ??= this.refresh(now).finally(() => {
        this.inFlight = undefined;
      });
      await this.inFlight.catch(() => undefined);
    }
    return this.keys.get(kid);
  }

  private async refresh(now: number): Promise<void> {
    // Counted as a fetch even when it fails, so an outage is retried at the refetch pace, not per request.
    this.fetchedAt = now;
    const res = await (this.options.fetch ?? fetch)(this.options.url, { signal: AbortSignal.timeout(this.options.timeoutMs ?? 5000) });
    if (!res.ok) throw new Error(`key set answered ${res.status}`);
    const parsed = JwksSchema.safeParse(await res.json());
    if (!parsed.success) throw new Error('key set is not a JWKS');
    const next = new Map<string, KeyObject>();
    for (const jwk of parsed.data.keys) {
      if (!jwk.kid || jwk.kty !== 'RSA' || !jwk.n || !jwk.e || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
      try {
        next.set(jwk.kid, createPublicKey({ key: { kty: 'RSA', n: jwk.n, e: jwk.e } as JsonWebKey, format: 'jwk' }));
      } catch {
        // one bad key must not hide the others
      }
    }
    this.keys = next;
  }
}
