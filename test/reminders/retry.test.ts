import { createHttpHeaders, createPipelineRequest, RestError } from '@azure/core-rest-pipeline';
import { ConversationGoneError, DeliveryError, retryAfterMsOf, statusOf, StoppedError, withRetry } from '../../delivery';
import { steppingClock } from './virtualClock';

/** What the Bot Connector client throws: a RestError-like object. */
function restError(status: number, headers: Record<string, string> = {}): Error {
  const map = new Map(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  return Object.assign(new Error(`status ${status}`), {
    statusCode: status,
    response: { status, headers: { get: (name: string) => map.get(name.toLowerCase()) } },
  });
}

/** A send that fails with the given statuses first, then succeeds. */
function scripted(failures: readonly (number | Error)[]): { send: (attempt: number) => Promise<string>; calls: number[] } {
  const calls: number[] = [];
  return {
    calls,
    send: async (attempt) => {
      calls.push(attempt);
      const next = failures[attempt - 1];
      if (next === undefined) return `act-${attempt}`;
      throw typeof next === 'number' ? restError(next) : next;
    },
  };
}

describe('statusOf', () => {
  it('reads the status from every shape botbuilder and other clients throw', () => {
    expect(statusOf({ statusCode: 429 })).toBe(429);
    expect(statusOf({ status: 503 })).toBe(503);
    expect(statusOf({ code: 412 })).toBe(412);
    expect(statusOf({ code: '502' })).toBe(502);
    expect(statusOf({ response: { status: 504 } })).toBe(504);
    expect(statusOf({ response: { statusCode: 403 } })).toBe(403);
    expect(statusOf(new Error('wrapped', { cause: { statusCode: 429 } }))).toBe(429);
    expect(statusOf({ code: 'ECONNRESET' })).toBeUndefined();
    expect(statusOf({ code: 'BotNotInConversationRoster', statusCode: 'x' })).toBeUndefined();
    expect(statusOf('boom')).toBeUndefined();
    expect(statusOf(null)).toBeUndefined();
  });

  it("reads botbuilder's own RestError (botframework-connector's HTTP client)", () => {
    const request = createPipelineRequest({ url: 'https://smba.example/v3/conversations/a:1/activities' });
    const error = new RestError('Too many requests', {
      statusCode: 429,
      request,
      response: { status: 429, headers: createHttpHeaders({ 'Retry-After': '2' }), request },
    });
    expect(statusOf(error)).toBe(429);
    expect(retryAfterMsOf(error, 0)).toBe(2000);
  });

  it('reads Retry-After in seconds or as an HTTP date, from get() headers or plain objects', () => {
    const now = Date.UTC(2026, 0, 5, 9);
    expect(retryAfterMsOf(restError(429, { 'Retry-After': '3' }), now)).toBe(3000);
    expect(retryAfterMsOf({ response: { headers: { 'retry-after': '1.5' } } }, now)).toBe(1500);
    expect(retryAfterMsOf({ headers: { 'Retry-After': new Date(now + 7000).toUTCString() } }, now)).toBe(7000);
    expect(retryAfterMsOf({ headers: { 'retry-after': 'Mon, 05 Jan 2026 08:00:00 GMT' } }, now)).toBe(0);
    expect(retryAfterMsOf({ headers: { 'retry-after': 'soon' } }, now)).toBeUndefined();
    expect(retryAfterMsOf({ statusCode: 429 }, now)).toBeUndefined();
  });
});

describe('withRetry', () => {
  const base = { baseMs: 1000, maxMs: 30_000, maxAttempts: 5 };

  it('retries 5xx with exponential backoff and full jitter, then succeeds', async () => {
    const clock = steppingClock(0);
    const { send, calls } = scripted([502, 503, 504]);
    const result = await withRetry(send, { ...base, random: () => 0.5, sleep: clock.sleep, now: clock.now });
    expect(result).toBe('act-4');
    expect(calls).toEqual([1, 2, 3, 4]);
    // Half of 1 s, 2 s, 4 s.
    expect(clock.sleeps).toEqual([500, 1000, 2000]);
  });

  it('keeps each wait within [0, min(maxMs, base·2^n))', async () => {
    for (const r of [0, 0.3, 0.999]) {
      const clock = steppingClock(0);
      const { send } = scripted([429, 429, 429, 429, 429, 429, 429]);
      await expect(withRetry(send, { baseMs: 1000, maxMs: 5000, maxAttempts: 8, random: () => r, sleep: clock.sleep, now: clock.now })).resolves.toBe('act-8');
      expect(clock.sleeps).toHaveLength(7);
      clock.sleeps.forEach((ms, i) => {
        expect(ms).toBeGreaterThanOrEqual(0);
        expect(ms).toBeLessThan(Math.min(5000, 1000 * 2 ** i));
      });
    }
  });

  it('honours a 429 Retry-After that is longer than the backoff, and ignores a shorter one', async () => {
    const clock = steppingClock(0);
    let n = 0;
    const send = async (): Promise<string> => {
      n += 1;
      if (n === 1) throw restError(429, { 'Retry-After': '7' });
      if (n === 2) throw restError(429, { 'Retry-After': '0' });
      return 'ok';
    };
    await withRetry(send, { ...base, random: () => 0.5, sleep: clock.sleep, now: clock.now });
    expect(clock.sleeps).toEqual([7000, 1000]);
  });

  it('gives up after maxAttempts with a visible, typed failure carrying the last status', async () => {
    const clock = steppingClock(0);
    const { send, calls } = scripted([503, 503, 503, 503, 503, 503]);
    const error = await withRetry(send, { ...base, sleep: clock.sleep, now: clock.now }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DeliveryError);
    expect(error).toMatchObject({ status: 503, attempts: 5, retryable: true, message: 'Teams was still unavailable after 5 attempts (last: HTTP 503).' });
    expect(calls).toHaveLength(5);
  });

  it('turns 403 into ConversationGoneError at once, without retrying', async () => {
    const clock = steppingClock(0);
    const { send, calls } = scripted([403]);
    const error = await withRetry(send, { ...base, sleep: clock.sleep, conversationId: 'a:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConversationGoneError);
    expect(error).toMatchObject({ status: 403, attempts: 1, retryable: false, conversationId: 'a:1' });
    expect(calls).toEqual([1]);
    expect(clock.sleeps).toEqual([]);
  });

  it('fails other 4xx, 500 and non-HTTP bugs at once; retries a dropped connection', async () => {
    for (const status of [400, 401, 404, 500]) {
      const { send, calls } = scripted([status]);
      await expect(withRetry(send, { ...base, sleep: async () => {} })).rejects.toMatchObject({ status, retryable: false, attempts: 1 });
      expect(calls).toEqual([1]);
    }
    const bug = scripted([new TypeError('cannot read x of undefined')]);
    await expect(withRetry(bug.send, { ...base, sleep: async () => {} })).rejects.toMatchObject({ retryable: false, message: 'The message could not be sent (cannot read x of undefined).' });
    const dropped = scripted([Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })]);
    await expect(withRetry(dropped.send, { ...base, sleep: async () => {} })).resolves.toBe('act-2');
  });

  it('hands back a wait longer than it will spend in-line, for the scheduler to come back later', async () => {
    const clock = steppingClock(0);
    const send = async (): Promise<string> => {
      throw restError(429, { 'Retry-After': '600' });
    };
    const error = await withRetry(send, { ...base, maxWaitMs: 60_000, sleep: clock.sleep, now: clock.now }).catch((e: unknown) => e);
    expect(error).toMatchObject({ retryable: true, retryAfterMs: 600_000, attempts: 1, status: 429 });
    expect(clock.sleeps).toEqual([]);
  });
});

it('lets a stop pass through untouched: a pacing wait cut short by shutdown is not a failed delivery', async () => {
  let tries = 0;
  const stopped = withRetry(async () => {
    tries += 1;
    throw new StoppedError();
  });
  await expect(stopped).rejects.toBeInstanceOf(StoppedError);
  await expect(stopped).rejects.not.toBeInstanceOf(DeliveryError);
  expect(tries).toBe(1);
});
