import { createHash } from 'node:crypto';
import { cryptoRandom, type RandomBytes } from '../cases/ids';

/**
 * Invitation codes: 80 random bits as 16 Crockford base32 characters, shown in groups of
 * four (ABCD-EFGH-JKMN-PQRS). Crockford's alphabet has no I, L, O or U, so a code read
 * aloud or copied by hand is hard to get wrong, and the confusable letters typed by
 * mistake are read as the digits they look like.
 */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const CODE_LENGTH = 16;
const CODE_BYTES = 10;

export function generateInviteCode(random: RandomBytes = cryptoRandom): string {
  const bytes = random(CODE_BYTES);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out += CROCKFORD[(value >> bits) & 31];
    }
    value &= (1 << bits) - 1;
  }
  return formatInviteCode(out);
}

export function formatInviteCode(normalised: string): string {
  return normalised.match(/.{1,4}/g)?.join('-') ?? normalised;
}

/**
 * What a person typed, as the canonical 16 characters, or undefined if it cannot be a
 * code. Case, spaces and dashes do not matter.
 */
export function normaliseInviteCode(text: string): string | undefined {
  const cleaned = text
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (cleaned.length !== CODE_LENGTH) return undefined;
  for (const ch of cleaned) if (!CROCKFORD.includes(ch)) return undefined;
  return cleaned;
}

/** Only the hash is stored, so a copy of the database does not hand out working codes. */
export function hashInviteCode(normalised: string): string {
  return createHash('sha256').update(normalised, 'utf8').digest('hex');
}
