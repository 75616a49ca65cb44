/**
 * Certificate numbers: `SM-CERT-2026-000123`, a sequence per provider (the Teams team) per
 * year of issue.
 *
 * Why a sequence rather than random characters: the number is read out on the phone and
 * typed into a Tribunal form, and a short counted number is easy to say, sort and audit (a
 * gap shows a missing certificate). Nothing secret rides on it: opening the printable
 * certificate needs the separate access token (accessToken.ts). Storage keeps the number
 * unique within the provider with a unique index, and a racing issue takes the next number.
 */
export const CERTIFICATE_NUMBER_PREFIX = 'SM-CERT';
const DIGITS = 6;

export const CERTIFICATE_NUMBER_PATTERN = /^SM-CERT-\d{4}-\d{6,}$/;

export function certificateNumber(year: number, sequence: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`not a year: ${year}`);
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`not a sequence number: ${sequence}`);
  return `${CERTIFICATE_NUMBER_PREFIX}-${year}-${String(sequence).padStart(DIGITS, '0')}`;
}

/** The year of issue the sequence restarts with, from a `YYYY-MM-DD` issue date. */
export function certificateYear(issueDate: string): number {
  return Number(issueDate.slice(0, 4));
}

/** What storage counts within: one provider, one year. */
export function sequenceScope(providerKey: string, year: number): string {
  return `${providerKey}|${year}`;
}
