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

/**
 * The tagged copy is made by a walk and then stringified without a replacer: JSON.stringify calls
 * a replacer for every key and value, which made encoding twice as slow as the walk plus a plain
 * stringify (scripts/bench: every acknowledged write encodes its document). The walk keeps
 * JSON.stringify's rules: own enumerable keys, `toJSON` honoured, undefined object fields left out.
 */
export function encodeDoc(doc: object): string {
  return JSON.stringify(tagged(doc));
}

function tagged(value: unknown): unknown {
  if (typeof value === 'string') return value.startsWith(TAG) ? ESCAPED + value : value;
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Date) return DATE + value.toISOString();
  if (Array.isArray(value)) return value.map(tagged);
  const toJSON = (value as { toJSON?: unknown }).toJSON;
  if (typeof toJSON === 'function') return tagged(toJSON.call(value));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined) continue;
    // An own "__proto__" (JSON.parse makes one) must stay a key, not become the copy's prototype.
    if (key === '__proto__') Object.defineProperty(out, key, { value: tagged(v), enumerable: true, writable: true, configurable: true });
    else out[key] = tagged(v);
  }
  return out;
}

function revive(value: unknown): unknown {
  if (typeof value !== 'string' || !value.startsWith(TAG)) return value;
  if (value.startsWith(DATE)) return new Date(value.slice(DATE.length));
  if (value.startsWith(ESCAPED)) return value.slice(ESCAPED.length);
  return value;
}

/** A single value as SQL returns it from json_extract: a tagged date becomes a Date again. */
export function decodeValue(value: unknown): unknown {
  return revive(value);
}

export function decodeDoc<T>(text: string): T {
  // Most documents hold no tagged value and need no walk. JSON.parse's reviver would call back
  // for every value; walking the parsed tree afterwards costs less than half as much.
  const doc: unknown = JSON.parse(text);
  return (text.includes(TAG) ? untag(doc) : doc) as T;
}

/** Turns tagged strings back in place; the tree is fresh from JSON.parse, so nobody else holds it. */
function untag(value: unknown): unknown {
  if (typeof value === 'string') return revive(value);
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = untag(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) record[key] = untag(record[key]);
  return record;
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
