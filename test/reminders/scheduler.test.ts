import { ConversationGoneError, realSleep, ReminderScheduler, type SchedulerOptions } from '../../delivery';
import type { AppStore } from '../../storage/appStore';
import { FakeConnector } from '../helpers/fakeConnector';
import { closedMeeting, deadlinesOf, PLAN, reminderCase } from './reminderFixtures';
import { allReminders, recordingDeliver, seedSpread, tempStore, type Delivery } from './schedulerFixtures';
import { steppingClock } from './virtualClock';

const MINUTE = 60_000;
/** Just after the fixture meeting closed (12:00 GMT, Thu 17 Dec 2026). */
const AFTER_CLOSE = new Date('2026-12-17T12:05:00Z');

let store: AppStore;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ store, cleanup } = await tempStore());
});
afterEach(async () => {
  await cleanup();
});

/** A restful retry policy for tests: no real waiting happens, the clock only steps. */
const RETRY = { maxAttempts: 3, baseMs: 100, maxMs: 1000, maxWaitMs: 10_000 } as const;

function scheduler(clock: ReturnType<typeof steppingClock>, over: Partial<SchedulerOptions> & Pick<SchedulerOptions, 'deliver'>): ReminderScheduler {
  return new ReminderScheduler({
    store: store.reminders,
    owner: 'instance-a',
    now: clock.date,
    sleep: clock.sleep,
    retry: RETRY,
    leaseMs: 5 * MINUTE,
    ...over,
  });
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

async function fixtureCase(reference = 'S-1') {
  const c = reminderCase(reference);
  const m = closedMeeting(c);
  await store.reminders.syncCase(c.id, deadlinesOf(c, m), PLAN, AFTER_CLOSE);
  return { c, m };
}

describe('ReminderScheduler', () => {
  it('sends what is due once, records the delivery, and sends nothing twice', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T16:00:00Z'));
    const log: Delivery[] = [];
    const s = scheduler(clock, { deliver: recordingDeliver(clock.now, log) });
    const pass = await s.runOnce();
    // T9 at +2 h (14:00) and T8 at +4 h (16:00).
    expect(pass).toMatchObject({ found: 2, sent: 2, failed: 0 });
    expect(log.map((d) => d.conversationId).sort()).toEqual([`1:1:${c.id}:la_officer`, `1:1:${c.id}:mediators`]);
    expect((await s.runOnce()).found).toBe(0);
    const list = await store.reminders.listForCase(c.id);
    const sent = list.reminders.filter((r) => r.status === 'sent');
    expect(sent).toHaveLength(2);
    expect(sent[0]).toMatchObject({ attempts: 1, deliveredAt: '2026-12-17T16:00:00.000Z', recipients: [{ status: 'sent' }] });
    expect(sent[0]?.activityId).toMatch(/^act-/);
  });

  it('delivers every reminder exactly once across a restart after a crash between claim and send', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-21T09:00:00Z'));
    // Instance A claims everything due, then dies before sending any of it.
    const due = await store.reminders.findDue(clock.date(), 100);
    expect(due.length).toBeGreaterThan(1);
    const claimed: string[] = [];
    for (let r = await store.reminders.claimNext('crashed-a', clock.date(), 5 * MINUTE); r; r = await store.reminders.claimNext('crashed-a', clock.date(), 5 * MINUTE)) claimed.push(r.reminderId);
    expect(claimed.sort()).toEqual(due.map((r) => r.reminderId).sort());

    // A new instance over the same store: nothing to do while the leases hold.
    const log: Delivery[] = [];
    const b = scheduler(clock, { owner: 'instance-b', deliver: recordingDeliver(clock.now, log) });
    expect((await b.runOnce()).found).toBe(0);
    clock.set(clock.now() + 5 * MINUTE);
    const pass = await b.runOnce();
    expect(pass).toMatchObject({ found: due.length, sent: due.length });
    expect(countBy(log, (d) => d.reminderId)).toEqual(new Map(due.map((r) => [r.reminderId, 1])));
    expect((await b.runOnce()).found).toBe(0);
    expect((await store.reminders.listForCase(c.id)).reminders.filter((r) => due.some((x) => x.reminderId === r.reminderId)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('delivers every reminder exactly once when two instances share one store and race', async () => {
    const cases = await seedSpread(store, 6, new Date('2026-01-01T00:00:00Z'), 3);
    const planned = (await allReminders(store, cases)).filter((r) => r.status === 'pending');
    const times = [...new Set(planned.map((r) => Date.parse(r.sendAt)))].sort((x, y) => x - y);
    const clock = steppingClock(times[0] ?? 0);
    const log: Delivery[] = [];
    // Each send yields to the event loop, so the two instances interleave.
    const post = async () => {
      await new Promise<void>((r) => setImmediate(r));
      return undefined;
    };
    const a = scheduler(clock, { owner: 'a', deliver: recordingDeliver(clock.now, log, post), concurrency: 3 });
    const b = scheduler(clock, { owner: 'b', deliver: recordingDeliver(clock.now, log, post), concurrency: 3 });
    let claimedByBoth = 0;
    for (const t of times) {
      clock.set(Math.max(clock.now(), t));
      for (;;) {
        const [pa, pb] = await Promise.all([a.runOnce(), b.runOnce()]);
        // Both really worked the queue at once.
        if (pa.found > 0 && pb.found > 0) claimedByBoth += 1;
        if (pa.found + pb.found === 0) break;
      }
    }
    const byReminder = countBy(log, (d) => `${d.reminderId}|${d.conversationId}`);
    expect([...byReminder.values()].every((n) => n === 1)).toBe(true);
    expect(new Set(log.map((d) => d.reminderId))).toEqual(new Set(planned.map((r) => r.reminderId)));
    expect(claimedByBoth).toBeGreaterThan(0);
  });

  it('runs a year of reminders for 30 cases in milliseconds, each once and on time, through throttling', async () => {
    const started = Date.now();
    const cases = await seedSpread(store, 30, new Date('2026-01-01T00:00:00Z'));
    const planned = (await allReminders(store, cases)).filter((r) => r.status === 'pending');
    expect(planned.length).toBeGreaterThan(300);
    const clock = steppingClock(Date.parse('2026-01-01T00:00:00Z'));
    const log: Delivery[] = [];
    let sends = 0;
    // Every 7th send is throttled once with Retry-After: 2.
    const post = async (): Promise<string> => {
      sends += 1;
      if (sends % 7 === 0) throw Object.assign(new Error('throttled'), { statusCode: 429, headers: { 'retry-after': '2' } });
      return `act-${sends}`;
    };
    const s = scheduler(clock, { deliver: recordingDeliver(clock.now, log, post) });
    const times = [...new Set(planned.map((r) => Date.parse(r.sendAt)))].sort((x, y) => x - y);
    for (const t of times) {
      clock.set(Math.max(clock.now(), t));
      while ((await s.runOnce()).found > 0);
    }
    const sendAt = new Map(planned.map((r) => [r.reminderId, Date.parse(r.sendAt)]));
    for (const d of log) expect(d.at).toBeGreaterThanOrEqual(sendAt.get(d.reminderId) ?? Infinity);
    // On time: within the minute of its send time, throttling and pacing included.
    for (const d of log) expect(d.at - (sendAt.get(d.reminderId) ?? 0)).toBeLessThan(MINUTE);
    const perTarget = countBy(log, (d) => `${d.reminderId}|${d.conversationId}`);
    expect([...perTarget.values()].every((n) => n === 1)).toBe(true);
    const after = await allReminders(store, cases);
    expect(after.filter((r) => r.status === 'pending' || r.status === 'claimed')).toEqual([]);
    expect(after.filter((r) => r.status === 'sent')).toHaveLength(planned.length);
    expect(clock.sleeps).toContain(2000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('marks a gone conversation, tells the bot, and does not retry it', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T14:00:00Z'));
    const gone: string[] = [];
    const failed: string[] = [];
    const s = scheduler(clock, {
      deliver: recordingDeliver(clock.now, [], async () => {
        throw Object.assign(new Error('Forbidden'), { statusCode: 403 });
      }),
      onGone: (_r, e) => {
        gone.push(e.conversationId ?? '');
      },
      onFailed: (r) => {
        failed.push(r.reminderId);
      },
    });
    expect(await s.runOnce()).toMatchObject({ found: 1, gone: 1 });
    expect(gone).toEqual([`1:1:${c.id}:la_officer`]);
    expect(failed).toEqual([]);
    const [r] = (await store.reminders.listForCase(c.id)).reminders.filter((x) => x.status === 'failed');
    expect(r).toMatchObject({ attempts: 1, lastError: 'The bot was removed from this chat or blocked (HTTP 403).', recipients: [{ status: 'gone' }] });
  });

  it('tries again on a later pass after a transient failure, and gives up visibly after the attempt budget', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T14:00:00Z'));
    const failed: Error[] = [];
    const s = scheduler(clock, {
      deliver: recordingDeliver(clock.now, [], async () => {
        throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
      }),
      retryLaterMs: 10 * MINUTE,
      maxTotalAttempts: 6,
      onFailed: (_r, e) => {
        failed.push(e);
      },
    });
    expect(await s.runOnce()).toMatchObject({ found: 1, released: 1 });
    const id = `${c.id}|AMENDED_PLAN|case|trigger+2h`;
    expect(await store.reminders.getReminder(id)).toMatchObject({ status: 'pending', attempts: 3, lastError: 'Teams was still unavailable after 3 attempts (last: HTTP 503).' });
    expect((await s.runOnce()).found).toBe(0);
    clock.set(clock.now() + 10 * MINUTE);
    expect(await s.runOnce()).toMatchObject({ found: 1, failed: 1 });
    expect(await store.reminders.getReminder(id)).toMatchObject({ status: 'failed', attempts: 6 });
    expect(failed.map((e) => e.message)).toEqual(['Teams was still unavailable after 3 attempts (last: HTTP 503).']);
  });

  it('does not repeat a conversation that already got the reminder when it retries the rest', async () => {
    const c = reminderCase('S-2');
    const m = closedMeeting(c);
    await store.reminders.syncCase(c.id, deadlinesOf(c, m), PLAN, AFTER_CLOSE);
    // The T7 escalation (Wed 23 Dec) goes to the case thread and the escalation channel.
    const clock = steppingClock(Date.parse('2026-12-23T09:00:00Z'));
    await store.reminders.markDone(`${c.id}|AMENDED_PLAN|case`, 'x', clock.date());
    await store.reminders.markDone(`${c.id}|OUTCOME_STATEMENT|case`, 'x', clock.date());
    const log: Delivery[] = [];
    let channelDown = true;
    const s = scheduler(clock, {
      deliver: recordingDeliver(clock.now, log, async (conversationId) => {
        if (conversationId === 'escalations' && channelDown) throw Object.assign(new Error('Bad Gateway'), { statusCode: 502 });
        return undefined;
      }),
      retryLaterMs: MINUTE,
    });
    const first = await s.runOnce();
    expect(first.released).toBeGreaterThan(0);
    const threadSends = log.filter((d) => d.conversationId === `thread:${c.id}`).length;
    channelDown = false;
    clock.set(clock.now() + MINUTE);
    await s.runOnce();
    expect(log.filter((d) => d.conversationId === `thread:${c.id}`)).toHaveLength(threadSends);
    const esc = await store.reminders.getReminder(`${c.id}|CERT_AFTER_MEDIATION|case|esc:due+1wd`);
    expect(esc?.status).toBe('sent');
    expect(esc?.recipients.map((r) => [r.conversationId, r.status]).sort()).toEqual([
      ['escalations', 'sent'],
      [`thread:${c.id}`, 'sent'],
    ]);
  });

  it('cancels a reminder whose deadline went away or was done before its turn', async () => {
    const { c } = await fixtureCase();
    // The deadlines vanish (the case closed) but the reminders have not been recomputed yet.
    await store.reminders.upsertDeadlines(c.id, [], AFTER_CLOSE);
    const clock = steppingClock(Date.parse('2026-12-17T16:00:00Z'));
    const log: Delivery[] = [];
    const s = scheduler(clock, { deliver: recordingDeliver(clock.now, log) });
    expect(await s.runOnce()).toMatchObject({ found: 2, cancelled: 2, sent: 0 });
    expect(log).toEqual([]);
    const cancelled = (await store.reminders.listForCase(c.id)).reminders.filter((r) => r.status === 'cancelled');
    expect(cancelled.map((r) => r.cancelReason)).toEqual(['the deadline no longer applies', 'the deadline no longer applies']);
  });

  it('refuses a lease shorter than its retries could take', () => {
    const clock = steppingClock(0);
    expect(() => scheduler(clock, { deliver: async () => undefined, leaseMs: 10_000 })).toThrow(/lease/);
  });

  it('start() runs passes until stop(), and stop() waits for the delivery in flight', async () => {
    await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T13:00:00Z'));
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const log: Delivery[] = [];
    const s = scheduler(clock, {
      // Each pause between passes moves the clock on an hour, in real time a tick.
      sleep: async (ms) => {
        await new Promise<void>((r) => setImmediate(r));
        clock.set(clock.now() + (ms === 60 * MINUTE ? ms : 0));
      },
      deliver: recordingDeliver(clock.now, log, async () => {
        await gate;
        return undefined;
      }),
    });
    s.start(60 * MINUTE);
    expect(s.running).toBe(true);
    // Wait (in real time) until the 14:00 reminder is being delivered.
    while ((await store.reminders.findDue(new Date(Date.parse('2026-12-17T14:00:00Z')), 10)).some((r) => r.status === 'pending')) {
      await new Promise<void>((r) => setTimeout(r, 5));
    }
    let stopped = false;
    const stopping = s.stop().then(() => {
      stopped = true;
    });
    await new Promise<void>((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(s.running).toBe(false);
    expect(log).toHaveLength(1);
  });
});

describe('delivery over HTTP to a fake Bot Connector', () => {
  let connector: FakeConnector;
  beforeEach(async () => {
    connector = await FakeConnector.start();
  });
  afterEach(async () => {
    await connector.stop();
  });

  /** What the bot's proactive sender does, reduced to the HTTP call; the error has the connector client's shape. */
  async function post(conversationId: string): Promise<string | undefined> {
    const res = await fetch(`${connector.url}v3/conversations/${encodeURIComponent(conversationId)}/activities`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', text: 'Reminder' }),
    });
    if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}`), { statusCode: res.status, response: { status: res.status, headers: res.headers } });
    return ((await res.json()) as { id?: string }).id;
  }

  it('stop() does not wait out a retry back-off: the reminder goes back to the store for the next start', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T14:00:00Z'));
    let tries = 0;
    const s = scheduler(clock, {
      // Real time, as in production: the back-off after the first 503 is 20 s, longer than this test may take.
      sleep: realSleep,
      retry: { maxAttempts: 5, baseMs: 20_000, maxMs: 20_000, maxWaitMs: 60_000, random: () => 1 },
      leaseMs: 10 * MINUTE,
      retryLaterMs: 5 * MINUTE,
      deliver: recordingDeliver(clock.now, [], async () => {
        tries += 1;
        throw Object.assign(new Error('Service Unavailable'), { statusCode: 503 });
      }),
    });
    s.start(60 * MINUTE);
    while (tries === 0) await new Promise<void>((r) => setTimeout(r, 5));
    const started = Date.now();
    await s.stop();
    expect(Date.now() - started).toBeLessThan(2000);
    expect(tries).toBe(1);
    const id = `${c.id}|AMENDED_PLAN|case|trigger+2h`;
    expect(await store.reminders.getReminder(id)).toMatchObject({
      status: 'pending',
      lastError: 'The bot was stopping, so the retry was left to the next one.',
    });
  });

  it('honours a 429 Retry-After, retries a 503, then delivers; a 403 ends as gone', async () => {
    const { c } = await fixtureCase();
    const clock = steppingClock(Date.parse('2026-12-17T14:00:00Z'));
    connector.failNext(429, { 'Retry-After': '3' });
    connector.failNext(503);
    const gone: string[] = [];
    const s = scheduler(clock, { deliver: recordingDeliver(clock.now, [], post), onGone: (_r, e: ConversationGoneError) => void gone.push(e.conversationId ?? '') });
    expect(await s.runOnce()).toMatchObject({ found: 1, sent: 1 });
    expect(clock.sleeps[0]).toBe(3000);
    expect(connector.messages(`1:1:${c.id}:la_officer`)).toHaveLength(3);
    const sent = await store.reminders.getReminder(`${c.id}|AMENDED_PLAN|case|trigger+2h`);
    expect(sent).toMatchObject({ status: 'sent', attempts: 3 });
    expect(sent?.activityId).toMatch(/^act-/);

    clock.set(Date.parse('2026-12-17T16:00:00Z'));
    connector.failNext(403);
    expect(await s.runOnce()).toMatchObject({ found: 1, gone: 1 });
    expect(gone).toEqual([`1:1:${c.id}:mediators`]);
  });
});
