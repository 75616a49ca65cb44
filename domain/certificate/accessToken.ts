import { createHash, timingSafeEqual } from 'node:crypto';
import { cryptoRandom, type RandomBytes } from '../cases';

/**
 * The printable certificate is served at an address nobody can guess (the family keeps it,
 * and the bot serves it without a Teams sign-in). The token is 256 random bits, base64url
 * (43 URL-safe characters); only its SHA-256 is stored, so a copy of the database opens no
 * certificate. A certificate keeps a few hashes: sending the link again (renewAccessToken)
 * must not break the link the family already saved.
 */
export const ACCESS_TOKEN_BYTES = 32;
export const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** Links in circulation per certificate; the oldest stops working when a sixth is made. */
export const ACCESS_TOKENS_MAX = 5;
export const TOKEN_HASH_PATTERN = /^[0-9a-f]{64}$/;

export function createAccessToken(random: RandomBytes = cryptoRandom): string {
  return Buffer.from(random(ACCESS_TOKEN_BYTES)).toString('base64url');
}

export function hashAccessToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * Whether `token` opens this certificate. Malformed tokens are refused before hashing; the
 * hashes are compared in constant time, every one of them, so timing says nothing about
 * which (if any) matched.
 */
export function verifyCertificateToken(cert: { readonly accessTokenHashes: readonly string[] }, token: string): boolean {
  if (typeof token !== 'string' || !ACCESS_TOKEN_PATTERN.test(token)) return false;
  const given = Buffer.from(hashAccessToken(token), 'hex');
  let match = false;
  for (const stored of cert.accessTokenHashes) {
    if (!TOKEN_HASH_PATTERN.test(stored)) continue;
    const expected = Buffer.from(stored, 'hex');
    match = timingSafeEqual(given, expected) || match;
  }
  return match;
}
