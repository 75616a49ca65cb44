/**
 * Reading an HTTP status and a Retry-After header out of whatever a send threw. botbuilder's
 * connector throws RestError-like objects with `statusCode` and a `response` carrying
 * `status` and `headers` (an object with `get()`); other clients use `status`, a numeric
 * `code`, or wrap the real error in `cause`. Everything is read defensively: an error shape
 * we do not know yields undefined, never an exception.
 */

type Bag = Record<string, unknown>;

function isBag(value: unknown): value is Bag {
  return typeof value === 'object' && value !== null;
}

function httpStatus(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{3}$/.test(value.trim()) ? Number(value.trim()) : NaN;
  return Number.isInteger(n) && n >= 100 && n <= 599 ? n : undefined;
}

const MAX_DEPTH = 4;

/** The HTTP status of a failed send, if the error carries one anywhere we know to look. */
export function statusOf(error: unknown, depth = 0): number | undefined {
  if (!isBag(error) || depth > MAX_DEPTH) return undefined;
  for (const key of ['statusCode', 'status', 'code']) {
    const s = httpStatus(error[key]);
    if (s !== undefined) return s;
  }
  const response = error.response;
  if (isBag(response)) {
    const s = httpStatus(response.status) ?? httpStatus(response.statusCode);
    if (s !== undefined) return s;
  }
  return statusOf(error.cause, depth + 1) ?? statusOf(error.error, depth + 1);
}

function header(headers: unknown, name: string): string | undefined {
  if (!isBag(headers)) return undefined;
  const get = headers.get;
  if (typeof get === 'function') {
    const v: unknown = get.call(headers, name);
    if (typeof v === 'string') return v;
  }
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== name) continue;
    if (typeof v === 'string') return v;
    if (typeof v === 'number') return String(v);
    if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  }
  return undefined;
}

function retryAfterText(error: unknown, depth: number): string | undefined {
  if (!isBag(error) || depth > MAX_DEPTH) return undefined;
  const response = isBag(error.response) ? error.response : undefined;
  return (
    header(response?.headers, 'retry-after') ??
    header(error.headers, 'retry-after') ??
    retryAfterText(error.cause, depth + 1) ??
    retryAfterText(error.error, depth + 1)
  );
}

/**
 * How long the server asked us to wait, in milliseconds: Retry-After as seconds ("120",
 * "1.5") or as an HTTP date (a date already past means 0). Undefined when absent or unreadable.
 */
export function retryAfterMsOf(error: unknown, nowMs: number): number | undefined {
  const text = retryAfterText(error, 0)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** Codes Node gives a request that never got an answer: worth another try. */
const NETWORK_CODES: ReadonlySet<string> = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'UND_ERR_SOCKET']);

/** A connection-level failure (no HTTP answer at all). */
export function isNetworkError(error: unknown, depth = 0): boolean {
  if (!isBag(error) || depth > MAX_DEPTH) return false;
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return true;
  return isNetworkError(error.cause, depth + 1);
}
