/**
 * Documents are stored as JSON text. JSON has no dates, and the stores keep `Date` values
 * (leases, TTL fields, timestamps) that SQL must compare and sort, so a Date is written as
 * a tagged ISO string: ISO strings of the same length sort in time order, and the tag (a
 * private-use character) tells the reader to turn it back into a Date. A real string that
 * happens to start with the tag gets a second marker, so nothing anyone types can come back
 * as a Date.
 */
const TAG = '\uE000';
const DATE = `${TAG}d`;
const ESCAPED = `${TAG}s`;

function encodeScalar(value: unknown): unknown {
  if (value instanceof Date) return DATE + value.toISOString();
  if (typeof value === 'string' && value.startsWith(TAG)) return ESCAPED + value;
  return value;
}

export function encodeDoc(doc: object): string {
  return JSON.stringify(doc, function (this: Record<string, unknown>, key: string, value: unknown) {
    // JSON.stringify has already called Date#toJSON on `value`; the original is on the holder.
    const raw = this[key];
    return raw instanceof Date ? DATE + raw.toISOString() : encodeScalar(value);
  });
}

function revive(_key: string, value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(TAG)) return value;
  if (value.startsWith(DATE)) return new Date(value.slice(DATE.length));
  if (value.startsWith(ESCAPED)) return value.slice(ESCAPED.length);
  return value;
}

/** A single value as SQL returns it from json_extract: a tagged date becomes a Date again. */
export function decodeValue(value: unknown): unknown {
  return revive('', value);
}

export function decodeDoc<T>(text: string): T {
  // Most documents hold no tagged value; skipping the reviver then halves the parse cost.
  return (text.includes(TAG) ? JSON.parse(text, revive) : JSON.parse(text)) as T;
}

/** A filter value as SQLite sees it after json_extract: tagged dates, booleans as 1/0. */
export function sqlValue(value: unknown): string | number | bigint | null {
  const v = encodeScalar(value);
  if (v === null || v === undefined) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'bigint') return v;
  throw new TypeError(`a filter value must be a string, number, boolean, date or null, not ${typeof v}`);
}

/** Values for `IN (SELECT value FROM json_each(?))`: one statement whatever the list's length. */
export function sqlList(values: readonly unknown[]): string {
  return JSON.stringify(values.map((v) => encodeScalar(v)));
}
