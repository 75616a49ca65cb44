/**
 * Validates the Teams SSO token the dashboard tab sends (`authentication.getAuthToken()`):
 * an Entra ID access token, RS256, signed with a key from the Microsoft identity platform's
 * published key set. `jose` does the cryptography, the key set (rotation, caching, cool-down)
 * and the standard claims; this file says what this bot accepts: RS256 only, the bot's own
 * tenant (v2 or v1 issuer), its audiences, five minutes of clock skew.
 * botbuilder's own validator is for Bot Framework tokens, not Entra ID access tokens.
 */
import type { JWTVerifyGetKey } from 'jose';
import { z } from 'zod';

/**
 * jose is loaded by the first tab request, not at start-up (about 25 ms of every start): the
 * bot's conversations never need it.
 */
const jose = () => import('jose');

const CLOCK_SKEW_SECONDS = 300;
const MAX_TOKEN_CHARS = 16_384;

/** Where signing keys come from: Microsoft's key set in production, a generated pair in tests. */
export type SigningKeys = JWTVerifyGetKey;

export interface SsoOptions {
  /** The bot's tenant: tokens from any other tenant are refused. */
  readonly tenantId: string;
  /** Accepted `aud` values. */
  readonly audiences: readonly string[];
  readonly keys: SigningKeys;
  readonly now: () => Date;
}

export interface SsoIdentity {
  /** AAD object id of the signed-in person. */
  readonly oid: string;
  readonly tid: string;
  readonly name?: string;
}

export type SsoResult = { readonly ok: true; readonly identity: SsoIdentity } | { readonly ok: false; readonly reason: string };

const ClaimsSchema = z.object({
  oid: z.string().min(1).max(100),
  tid: z.string().min(1).max(100),
  name: z.string().max(256).optional(),
});

/** A short reason for the log; the caller only ever sees "sign-in needed". */
function reasonFor(err: unknown, errors: Awaited<ReturnType<typeof jose>>['errors']): string {
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'bad signature';
  if (err instanceof errors.JWKSNoMatchingKey) return 'unknown signing key';
  if (err instanceof errors.JOSEAlgNotAllowed || err instanceof errors.JOSENotSupported) return 'unsupported token header';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return 'wrong audience';
    if (err.claim === 'iss') return 'wrong issuer';
    if (err.claim === 'nbf') return 'not yet valid';
    return 'token claims missing';
  }
  if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'key set unavailable';
  if (err instanceof errors.JOSEError) return 'not a valid JWT';
  return 'key set unavailable';
}

export async function verifySsoToken(token: string, options: SsoOptions): Promise<SsoResult> {
  if (token.length > MAX_TOKEN_CHARS) return { ok: false, reason: 'token too long' };
  // Microsoft's issuers carry the tenant id in lower case.
  const tenant = options.tenantId.toLowerCase();
  const { errors, jwtVerify } = await jose();
  try {
    const { payload } = await jwtVerify(token, options.keys, {
      algorithms: ['RS256'],
      issuer: [`https://login.microsoftonline.com/${tenant}/v2.0`, `https://sts.windows.net/${tenant}/`],
      audience: [...options.audiences],
      currentDate: options.now(),
      clockTolerance: CLOCK_SKEW_SECONDS,
      requiredClaims: ['exp', 'oid', 'tid'],
    });
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) return { ok: false, reason: 'token claims missing' };
    if (claims.data.tid.toLowerCase() !== tenant) return { ok: false, reason: 'wrong tenant' };
    const { oid, tid, name } = claims.data;
    return { ok: true, identity: { oid, tid, ...(name ? { name } : {}) } };
  } catch (err) {
    return { ok: false, reason: reasonFor(err, errors) };
  }
}

export interface KeySetOptions {
  readonly url: string;
  /** Tests serve keys without a network. */
  readonly fetch?: typeof fetch;
  /** How long a fetched key set is trusted. Microsoft rolls keys over days, so a day is safe. */
  readonly cacheMaxAgeMs?: number;
  /** An unknown kid refetches at most this often, so forged kids cannot make us hammer the endpoint. */
  readonly cooldownMs?: number;
  readonly timeoutMs?: number;
}

/** Microsoft's published key set (or the configured one), fetched on first use and cached by jose. */
export function remoteSigningKeys(options: KeySetOptions): SigningKeys {
  const fetchImpl = options.fetch;
  let keys: Promise<SigningKeys> | undefined;
  const load = async () => {
    const { createRemoteJWKSet, customFetch } = await jose();
    return createRemoteJWKSet(new URL(options.url), {
      cacheMaxAge: options.cacheMaxAgeMs ?? 24 * 3_600_000,
      cooldownDuration: options.cooldownMs ?? 5 * 60_000,
      timeoutDuration: options.timeoutMs ?? 5_000,
      ...(fetchImpl ? { [customFetch]: (url: string, init: RequestInit) => fetchImpl(url, init) } : {}),
    });
  };
  // One key set (one cache, one cool-down) however many tokens arrive before it is made.
  return async (header, token) => (await (keys ??= load()))(header, token);
}
