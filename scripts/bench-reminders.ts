/**
 * `npx tsx scripts/bench-reminders.ts`: reminders at scale on the embedded store.
 *
 * 1. Builds 100,000 cases (BENCH_CASES to change it) with the domain's own functions: each
 *    has its decision, LA and meeting dates, and most have a closed meeting with 0-3 agreed
 *    actions, spread over the half-year before the benchmark day. Their deadlines and
 *    reminders are produced by ReminderStore.syncCase itself (over an in-memory collection,
 *    so the documents are exactly what the store writes), once per case shape and stamped
 *    with each case's id; reminders before the benchmark day are stored as already sent, as
 *    they would be in a running system. Everything is then bulk-loaded into the SQLite
 *    file with the collections' real indexes (one transaction per 5,000 documents: seeding
 *    only), the file is closed, and the store is opened the normal way and timed.
 * 2. Times findDue for the benchmark day at 09:00 London (the one indexed range query the
 *    scheduler makes), for the whole day and for one scheduler page.
 * 3. Delivers that day's reminders with ReminderScheduler against a loopback HTTP fake Bot
 *    Connector that answers 429 (Retry-After: 1) to 10% of sends, and prints the throughput.
 */
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { addParty, CaseError, createCase, validateNewCase, type Case, type NewCaseFormValues } from '../domain/cases';
import { addAction, closeMeeting, startMeeting, type ActionInput, type Meeting } from '../domain/meeting';
import { deadlinesForCase, deliveryTargets, londonInstant, reminderSchedules, remindersFor, type TrackedDeadline } from '../domain/reminders';
import { defaultCalendar, isoFromDayNumber, parseIsoDate } from '../domain/timescales';
import { ReminderScheduler, type Deliver } from '../delivery';
import { openStore, SQLITE_FILE } from '../storage/appStore';
import { SqliteBackend } from '../storage/sqlite/sqliteBackend';
import type { DocCollection, Filter } from '../storage/collection';
import {
  DEADLINES_COLLECTION,
  deadlineIndexes,
  ReminderStore,
  REMINDERS_COLLECTION,
  reminderIndexes,
  type DeadlineDoc,
  type ReminderDoc,
} from '../storage/reminderStore';
import { mulberry32 } from './bench/seededRandom';
import { median } from './bench/stats';

const CASES = Number(process.env.BENCH_CASES ?? 100_000);
/** Tue 16 Mar 2027: a working day with half a year of cases behind it. */
const DAY = '2027-03-16';
const DAY_START = new Date(`${DAY}T00:00:00Z`);
const NINE_AM = londonInstant(DAY);
const SPREAD_DAYS = 182;
const FLUSH_EVERY = 5000;
const PROVIDERS = 500;
const SCHEDULES = reminderSchedules();
const MEDIATOR = { aadObjectId: '00000000-0000-0000-0000-00000000000a', displayName: 'Morgan Mediator' };

const random = mulberry32(20270316);
let idCounter = 0;
/** Deterministic 12-byte ids (the shape newId makes), so runs are repeatable. */
const ids = (size: number): Uint8Array => {
  idCounter += 1;
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i++) out[i] = Math.floor(random() * 256) ^ ((idCounter >> (8 * (i % 4))) & 0xff);
  return out;
};

function ok<T>(value: T | CaseError): T {
  if (value instanceof CaseError) throw value;
  return value;
}

const ACTIONS: readonly ActionInput[] = [
  { owner: { kind: 'body', body: 'local_authority' }, what: 'Issue the amended plan with the agreed wording.', category: 'amend_plan' },
  { owner: { kind: 'body', body: 'local_authority' }, what: 'Carry out an EHC needs re-assessment.', category: 'assess' },
  { owner: { kind: 'body', body: 'local_authority' }, what: 'Arrange an educational psychologist visit.', category: 'other_la_icb' },
  { owner: { kind: 'body', body: 'local_authority' }, what: 'Name the agreed school in section I.', category: 'change_school' },
];
const TYPES = ['M-CONTENT', 'M-ASSESS', 'M-ISSUE', 'M-NOAMEND', 'M-HEALTH-MIXED'] as const;

/** What makes one case's deadlines differ from another's. */
interface CaseShape {
  readonly meetingDay: number;
  readonly variant: number;
  readonly closed: boolean;
  readonly actions: number;
}

function shapeOf(i: number): CaseShape {
  return {
    meetingDay: parseIsoDate(DAY) - 1 - Math.floor(random() * SPREAD_DAYS),
    // Case type, young person or not, and which actions: 20 combinations, in turn.
    variant: i % 20,
    // A fifth of the cases have not reached (or not closed) their meeting.
    closed: random() >= 0.2,
    actions: Math.floor(random() * 4),
  };
}

/** A case and (when closed) its meeting, built with the product's own domain functions. */
function makeCase(shape: CaseShape, n: number): { c: Case; m: Meeting | null } {
  const date = (offset: number) => isoFromDayNumber(shape.meetingDay + offset);
  const form: NewCaseFormValues = {
    caseReference: `B-${n}`,
    caseType: TYPES[shape.variant % TYPES.length],
    childInitials: 'A.B.',
    isYoungPerson: shape.variant % 2 === 0 ? 'true' : 'false',
    localAuthority: 'Bench County Council',
    decisionNoticeSent: date(-60),
    laInformed: date(-24),
    meetingDate: date(0),
    meetingTime: '10:00',
    meetingFormat: 'online',
  };
  const v = validateNewCase(form);
  if (!v.ok) throw new Error(`bench case invalid: ${JSON.stringify(v.errors)}`);
  const at = new Date(`${date(-30)}T10:00:00Z`);
  let c = createCase(v.value, MEDIATOR, `tenant|team-${n % PROVIDERS}`, at, ids);
  c = ok(addParty(c, { role: c.isYoungPerson ? 'young_person' : 'parent_carer', displayName: 'Pat Parent', how: 'mediator' }, MEDIATOR.aadObjectId, at, ids));
  c = ok(addParty(c, { role: 'la_officer', displayName: 'Lee Officer', how: 'mediator' }, MEDIATOR.aadObjectId, at, ids));
  if (!shape.closed) return { c, m: null };
  const start = new Date(`${date(0)}T10:00:00Z`);
  let m = ok(startMeeting(c, null, MEDIATOR.aadObjectId, { guards: { termsAgreed: true, authorityConfirmed: true, changesReviewed: true } }, start, ids));
  for (let k = 0; k < shape.actions; k++) {
    m = ok(addAction(c, m, MEDIATOR.aadObjectId, `action-${k}`.padEnd(10, '0'), ACTIONS[(shape.variant + k) % ACTIONS.length] ?? ACTIONS[0]!, start));
  }
  m = ok(closeMeeting(c, m, MEDIATOR.aadObjectId, { outcome: shape.actions > 0 ? 'partial' : 'none' }, new Date(start.getTime() + 3 * 3600_000)));
  return { c, m };
}

/** Just enough of a DocCollection, in memory, to capture what ReminderStore writes for one case. */
class CaptureCollection<T extends { _id: string }> implements DocCollection<T> {
  readonly docs = new Map<string, T>();
  private matches(doc: T, filter: Filter): boolean {
    return Object.entries(filter).every(([k, want]) => {
      const have = (doc as Record<string, unknown>)[k];
      if (want !== null && typeof want === 'object' && '$in' in want) return (want.$in as unknown[]).includes(have);
      return have === want;
    });
  }
  async findById(id: string): Promise<T | null> {
    return this.docs.get(id) ?? null;
  }
  async distinct(field: string, filter: Filter): Promise<unknown[]> {
    return [...new Set([...this.docs.values()].filter((d) => this.matches(d, filter)).map((d) => (d as Record<string, unknown>)[field]))];
  }
  async findOne(filter: Filter): Promise<T | null> {
    return [...this.docs.values()].find((d) => this.matches(d, filter)) ?? null;
  }
  async find(filter: Filter): Promise<T[]> {
    return [...this.docs.values()].filter((d) => this.matches(d, filter));
  }
  async count(filter: Filter): Promise<number> {
    return (await this.find(filter)).length;
  }
  async insertOne(doc: T): Promise<boolean> {
    if (this.docs.has(doc._id)) return false;
    this.docs.set(doc._id, doc);
    return true;
  }
  async replaceOne(): Promise<number> {
    throw new Error('not used when seeding');
  }
  async updateOne(filter: Filter, set: Partial<T>): Promise<number> {
    const doc = await this.findOne(filter);
    if (!doc) return 0;
    this.docs.set(doc._id, { ...doc, ...set });
    return 1;
  }
  async deleteOne(filter: Filter): Promise<number> {
    const doc = await this.findOne(filter);
    return doc && this.docs.delete(doc._id) ? 1 : 0;
  }
  async findOneAndUpdate(): Promise<T | null> {
    throw new Error('not used when seeding');
  }
  async findFields(): Promise<never[]> {
    throw new Error('not used when seeding');
  }
  async deleteMany(): Promise<number> {
    throw new Error('not used when seeding');
  }
}

const plan = (d: TrackedDeadline) => remindersFor(d, SCHEDULES, defaultCalendar);

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

interface CaseDocs {
  readonly caseId: string;
  readonly deadlines: readonly DeadlineDoc[];
  readonly reminders: readonly ReminderDoc[];
}

/** The documents ReminderStore.syncCase writes for one case, captured in memory. */
async function docsFor(shape: CaseShape, n: number): Promise<CaseDocs> {
  const { c, m } = makeCase(shape, n);
  const deadlineDocs = new CaptureCollection<DeadlineDoc>();
  const reminderDocs = new CaptureCollection<ReminderDoc>();
  // Planned when the case's clocks started, so every reminder is created; the ones before DAY then count as sent.
  const plannedAt = new Date(`${c.dates.decisionNoticeSent ?? DAY}T00:00:00Z`);
  await new ReminderStore(deadlineDocs, reminderDocs).syncCase(c.id, deadlinesForCase(c, m, {}, defaultCalendar), plan, plannedAt);
  return { caseId: c.id, deadlines: [...deadlineDocs.docs.values()], reminders: [...reminderDocs.docs.values()] };
}

/** Another case of the same shape: the same documents under its own case id (ids start with it). */
function renamed<T extends { _id: string; caseId: string }>(doc: T, from: string, to: string): T {
  const withIds = { ...doc, _id: to + doc._id.slice(from.length), caseId: to };
  return 'deadlineId' in doc && typeof doc.deadlineId === 'string' ? { ...withIds, deadlineId: to + doc.deadlineId.slice(from.length) } : withIds;
}

/**
 * Cases of the same shape (meeting day, type, actions) have the same deadlines apart from
 * their ids, so each shape is computed once through the real code and stamped for the rest:
 * the store's contents are the same, the seeding is several times faster.
 */
async function seed(dir: string): Promise<{ deadlines: number; pending: number; history: number; shapes: number }> {
  const backend = SqliteBackend.open(path.join(dir, SQLITE_FILE));
  await backend.collection(DEADLINES_COLLECTION, deadlineIndexes);
  await backend.collection(REMINDERS_COLLECTION, reminderIndexes);
  let deadlineBatch: DeadlineDoc[] = [];
  let reminderBatch: ReminderDoc[] = [];
  const totals = { deadlines: 0, pending: 0, history: 0, shapes: 0 };
  const flush = async () => {
    backend.insertAll(DEADLINES_COLLECTION, deadlineBatch);
    backend.insertAll(REMINDERS_COLLECTION, reminderBatch);
    deadlineBatch = [];
    reminderBatch = [];
  };
  const templates = new Map<string, CaseDocs>();
  for (let i = 0; i < CASES; i++) {
    const shape = shapeOf(i);
    const key = `${shape.meetingDay}|${shape.variant}|${shape.closed}|${shape.closed ? shape.actions : 0}`;
    let template = templates.get(key);
    if (!template) {
      template = await docsFor(shape, i);
      templates.set(key, template);
    }
    const caseId = `bench-case-${String(i).padStart(6, '0')}`;
    for (const d of template.deadlines) deadlineBatch.push(renamed(d, template.caseId, caseId));
    totals.deadlines += template.deadlines.length;
    for (const t of template.reminders) {
      const r = renamed(t, template.caseId, caseId);
      if (r.sendAt < DAY_START) {
        reminderBatch.push({ ...r, status: 'sent', queueAt: null, deliveredAt: r.sendAt, attempts: 1, updatedAt: r.sendAt });
        totals.history += 1;
      } else {
        reminderBatch.push(r);
        totals.pending += 1;
      }
    }
    if ((i + 1) % FLUSH_EVERY === 0) await flush();
  }
  await flush();
  await backend.close();
  totals.shapes = templates.size;
  return totals;
}

/** A loopback stand-in for the Bot Connector: 10% of sends are throttled with Retry-After: 1. */
async function fakeConnector(): Promise<{ url: string; stats: { ok: number; throttled: number }; close: () => Promise<void> }> {
  const stats = { ok: 0, throttled: 0 };
  const chance = mulberry32(7);
  let n = 0;
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (chance() < Number(process.env.BENCH_429 ?? 0.1)) {
        stats.throttled += 1;
        res.statusCode = 429;
        res.setHeader('retry-after', '1');
        res.end('{"error":{"code":"Throttled"}}');
        return;
      }
      stats.ok += 1;
      res.end(JSON.stringify({ id: `act-${++n}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Keep-alive connections, as the Bot Framework's HTTP client keeps them. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

/** POST an activity; a failure throws what the connector client throws: statusCode and response headers. */
function postActivity(base: string, conversationId: string, activity: object): Promise<string | undefined> {
  const url = new URL(`/v3/conversations/${encodeURIComponent(conversationId)}/activities`, base);
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (status >= 200 && status < 300) resolve((JSON.parse(body) as { id?: string }).id);
        else reject(Object.assign(new Error(`HTTP ${status}`), { statusCode: status, response: { status, headers: res.headers } }));
      });
    });
    req.on('error', reject);
    req.end(JSON.stringify(activity));
  });
}

async function main(): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-reminders-'));
  try {
    console.log(`Reminders benchmark: ${CASES.toLocaleString('en-GB')} cases, embedded store in ${dir}`);
    let t = performance.now();
    const totals = await seed(dir);
    console.log(
      `Seeded ${totals.deadlines.toLocaleString('en-GB')} deadlines and ${(totals.pending + totals.history).toLocaleString('en-GB')} reminders ` +
        `(${totals.pending.toLocaleString('en-GB')} pending, ${totals.history.toLocaleString('en-GB')} already sent; ${totals.shapes.toLocaleString('en-GB')} distinct case shapes) in ${seconds(performance.now() - t)}`,
    );

    t = performance.now();
    const store = await openStore({ kind: 'embedded', dataDir: dir });
    console.log(`Opened the store in ${(performance.now() - t).toFixed(0)} ms; resident memory ${Math.round(process.memoryUsage().rss / 1e6)} MB, file ${Math.round((await fs.stat(path.join(dir, SQLITE_FILE))).size / 1e6)} MB`);

    // The day's due reminders: the indexed range query, whole day and one scheduler page.
    const dayRuns: number[] = [];
    let dueToday = 0;
    for (let run = 0; run < 5; run++) {
      const s = performance.now();
      dueToday = (await store.reminders.findDue(NINE_AM, 1_000_000)).length;
      dayRuns.push(performance.now() - s);
    }
    const pageRuns: number[] = [];
    for (let run = 0; run < 20; run++) {
      const s = performance.now();
      await store.reminders.findDue(NINE_AM, 50);
      pageRuns.push(performance.now() - s);
    }
    console.log(
      `Due at 09:00 on ${DAY}: ${dueToday.toLocaleString('en-GB')} reminders. findDue for the whole day: median ${median(dayRuns).toFixed(1)} ms; ` +
        `one page of 50: median ${median(pageRuns).toFixed(2)} ms (index on queueAt, among ${(totals.pending + totals.history).toLocaleString('en-GB')} stored reminders)`,
    );

    // The index alone: how many are due (what the query costs before any document is decoded).
    const raw = SqliteBackend.open(path.join(dir, SQLITE_FILE));
    const queue = await raw.collection<ReminderDoc>(REMINDERS_COLLECTION, reminderIndexes);
    const countRuns: number[] = [];
    for (let run = 0; run < 20; run++) {
      const s = performance.now();
      await queue.count({ queueAt: { $gte: new Date(0), $lte: NINE_AM } });
      countRuns.push(performance.now() - s);
    }
    await raw.close();
    console.log(`Counting the day's due reminders on the queueAt index: median ${median(countRuns).toFixed(2)} ms`);

    // Delivery of the day against the fake connector.
    const connector = await fakeConnector();
    const offset = NINE_AM.getTime() - Date.now();
    const now = () => new Date(Date.now() + offset);
    let delivered = 0;
    const deliver: Deliver = async (reminder, deadline, tools) => {
      for (const target of deliveryTargets(reminder, deadline)) {
        const provider = [...reminder.caseId].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) >>> 0, 0) % PROVIDERS;
        const conversationId =
          target.kind === 'caseThread' ? `19:thread-${reminder.caseId}` : target.kind === 'escalationChannel' ? `19:escalations-${provider}` : `a:1to1-${reminder.caseId}`;
        await tools.send(conversationId, () => postActivity(connector.url, conversationId, { type: 'message', text: reminder.title }));
      }
      delivered += 1;
    };
    const scheduler = new ReminderScheduler({
      store: store.reminders,
      owner: 'bench',
      deliver,
      now,
      concurrency: 64,
      retry: { maxAttempts: 5, baseMs: 50, maxMs: 1000, maxWaitMs: 5000 },
      onError: (e) => console.error('scheduler error', e),
    });
    t = performance.now();
    const tally = { sent: 0, failed: 0, released: 0, passes: 0 };
    for (;;) {
      const pass = await scheduler.runOnce();
      tally.passes += 1;
      tally.sent += pass.sent;
      tally.failed += pass.failed + pass.gone;
      tally.released += pass.released;
      if (pass.found === 0) break;
    }
    const elapsed = performance.now() - t;
    await connector.close();
    console.log(
      `Delivered ${tally.sent.toLocaleString('en-GB')} reminders (${(connector.stats.ok).toLocaleString('en-GB')} sends, ` +
        `${connector.stats.throttled.toLocaleString('en-GB')} answered 429 and retried after Retry-After) in ${seconds(elapsed)}: ` +
        `${Math.round(tally.sent / (elapsed / 1000)).toLocaleString('en-GB')} reminders/s; failed ${tally.failed}, released ${tally.released}, ${tally.passes} passes`,
    );
    if (delivered !== tally.sent || (await store.reminders.findDue(now(), 10)).length > 0) throw new Error('not every due reminder was delivered exactly once');
    // No store.close(): it compacts every file (re-serialising a million documents) only for
    // the temp dir to be deleted. main() ends the process instead.
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
