import { randomBytes } from 'node:crypto';

/** Where randomness comes from; tests pass a fixed source. */
export type RandomBytes = (size: number) => Uint8Array;

export const cryptoRandom: RandomBytes = (size) => randomBytes(size);

/**
 * 96 random bits, base64url: unguessable, so a case id in a card's data cannot be used to
 * reach someone else's case by counting, and safe in URLs and Teams card data.
 */
export function newId(random: RandomBytes = cryptoRandom): string {
  return Buffer.from(random(12)).toString('base64url');
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
