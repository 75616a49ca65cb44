import fc from 'fast-check';
import { ALL_VERBS } from './helpers/coverage';
import { Journey, journeySteps, openOtherCase, type Payload, type Where } from './helpers/journey';
import { errorsIn, startLoggedBot, type LogEntry } from './helpers/loggedBot';
import { AUDIT_LOG, diffSnapshots, storeFingerprint, storeSnapshot, type StoreSnapshot } from './helpers/storeSnapshot';
import { PEOPLE, type Person, type Role } from './helpers/people';

/**
 * Thousands of malformed activities and card payloads posted over HTTP to a bot whose store holds
 * a whole case (the journey, to the certificate) and another mediator's case. Whatever arrives:
 * no 5xx, the server keeps answering, and nothing is written to the product's collections.
 *
 * Runs with a fixed seed so a failure reproduces; the seed and the shrunk counterexample are printed.
 * FUZZ_SEED=<n> and FUZZ_RUNS=<n> override them (e.g. for a longer run by hand).
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123);
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);
jest.setTimeout(120_000);

let t: Awaited<ReturnType<typeof startLoggedBot>>;
let j: Journey;
/** Every id the store holds for the two cases: real ids, to be used where they do not belong. */
let realIds: string[] = [];
/** The product's collections after the journey: the fuzz must leave them exactly so. */
let baseline: StoreSnapshot;

beforeAll(async () => {
  t = await startLoggedBot();
  j = new Journey(t);
  await openOtherCase(j);
  for (const step of journeySteps()) await j.run(step);
  realIds = [...new Set(Object.values(j.ids))];
  await t.bot.app.deps.background.idle();
  baseline = await storeSnapshot(t.config.dataDir, { skip: [AUDIT_LOG] });
}, 60_000);
afterAll(async () => {
  await t?.stop();
});

/** Posts exactly these bytes; nothing is added (unlike TestBot.post, which adds a serviceUrl). */
async function postRaw(body: string): Promise<number> {
  const res = await fetch(`${t.bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  await res.arrayBuffer();
  return res.status;
}

async function healthz(): Promise<number> {
  return (await fetch(`${t.bot.url}/healthz`)).status;
}

const WHERE: readonly Where[] = ['thread', 'otherThread', 'personal', 'group'];
const anyWhere = fc.constantFrom(...WHERE);
const anyPerson = fc.constantFrom(...(Object.keys(PEOPLE) as Role[])).map((r) => PEOPLE[r]);
/** People with no right to change case A (and not the mediator of case B either, for case-B ids: see below). */
const outsiders: readonly Person[] = [PEOPLE.stranger, PEOPLE.otherParent];
const garbage = fc.anything({ maxDepth: 3, withBigInt: false, withBoxedValues: false, withMap: false, withSet: false, withTypedArray: false, withSparseArray: true, withNullPrototype: true });
const realVerb = fc.constantFrom(...ALL_VERBS);
const unknownVerb = fc.string({ minLength: 0, maxLength: 40 }).filter((v) => !ALL_VERBS.includes(v));
// realIds is filled in beforeAll, after the arbitraries are built: read it when generating.
const idLike = () => fc.oneof(fc.nat().map((i) => realIds[i % realIds.length] ?? ''), fc.string({ maxLength: 20 }));

function serviceUrl(): string {
  return t.connector.url;
}

function build(payload: Payload, where: Where, as: Person): Record<string, unknown> {
  return { serviceUrl: serviceUrl(), ...j.activityFor(payload, where, as) };
}

/** A well-formed activity to break: a typed command, a card click or a conversation update. */
const template = fc
  .tuple(
    fc.constantFrom<Payload>(
      { text: 'help' },
      { text: 'status' },
      { text: 'prep' },
      { verb: 'case.open', data: {} },
      { verb: 'meeting.tick', data: { itemId: 'opening', on: 1 } },
      { fields: { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] } },
      { fields: { type: 'installationUpdate', action: 'add' } },
    ),
    anyWhere,
    anyPerson,
  )
  .map(([payload, where, as]) => build(payload, where, as));

type Case = { readonly kind: string; readonly body: string };
const json = (kind: string) => (v: unknown): Case => ({ kind, body: JSON.stringify(v) ?? 'null' });

const nonObjectBodies = fc
  .oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string(), fc.array(garbage, { maxLength: 5 }))
  .map(json('non-object body'));
const notJson = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('{', '{"type":', '[1,2', '\u0000', '{"type":"message"}}', '')).map((body) => ({ kind: 'not JSON', body }));

/** A template with one of its main fields replaced by a value of the wrong type. */
const wrongTypes = fc
  .tuple(template, fc.constantFrom('type', 'from', 'conversation', 'value', 'id', 'channelId', 'recipient', 'text', 'name', 'entities', 'channelData', 'membersAdded', 'replyToId'), garbage)
  .map(([a, key, v]) => json(`wrong type for ${key}`)({ ...a, [key]: v }));

/** Nested wrong types: conversation.id, from.aadObjectId, value.action… */
const wrongNested = fc
  .tuple(template, fc.constantFrom(['conversation', 'id'], ['conversation', 'conversationType'], ['from', 'id'], ['from', 'aadObjectId'], ['channelData', 'tenant'], ['recipient', 'id']), garbage)
  .map(([a, [outer, inner], v]) => json(`wrong type for ${outer}.${inner}`)({ ...a, [outer!]: { ...(a[outer!] as object), [inner!]: v } }));

const missingFields = fc
  .tuple(template, fc.subarray(['type', 'id', 'channelId', 'serviceUrl', 'conversation', 'from', 'recipient', 'channelData', 'text', 'value', 'name'], { minLength: 1 }))
  .map(([a, drop]) => json(`missing ${drop.join(', ')}`)(Object.fromEntries(Object.entries(a).filter(([k]) => !drop.includes(k)))));

/** Card payloads a client could send: the invoke's value, its action and its data, each malformed. */
const badInvokeValues = fc
  .tuple(anyWhere, anyPerson, fc.oneof(garbage, fc.record({ action: garbage }), fc.record({ action: fc.record({ type: garbage, verb: garbage, data: garbage }, { requiredKeys: [] }) })))
  .map(([where, as, value]) => json('malformed invoke value')({ ...build({ verb: 'case.open', data: {} }, where, as), value }));

const unknownVerbs = fc
  .tuple(anyWhere, anyPerson, unknownVerb, garbage)
  .map(([where, as, verb, data]) => json('unknown verb')(build({ verb, data: data as Record<string, unknown> }, where, as)));

/**
 * Real verbs from anyone, with data whose ids are made up or of the wrong type: nothing in it names a
 * real case, so nobody (not even the lead mediator) can change anything with it.
 */
const garbageData = fc
  .tuple(anyWhere, anyPerson, realVerb, fc.dictionary(fc.string({ maxLength: 12 }), garbage, { maxKeys: 6 }), fc.option(fc.oneof(garbage, fc.string({ maxLength: 24 }))))
  .map(([where, as, verb, data, caseId]) => json('real verb, garbage data')(build({ verb, data: { ...data, caseId } }, where, as)))
  .filter((c) => !realIds.some((id) => c.body.includes(id)));

/** Real verbs with real ids, sent by people with no rights on the case those ids belong to. */
const otherCasesIds = fc
  .tuple(
    anyWhere,
    fc.oneof(
      // Case A's ids from outsiders and from case B's mediator; case B's ids from case A's people.
      fc.tuple(fc.constantFrom(...outsiders, PEOPLE.otherMediator), fc.constant('caseId')),
      fc.tuple(fc.constantFrom(PEOPLE.lead, PEOPLE.co, PEOPLE.parent, PEOPLE.officer, PEOPLE.advocate, PEOPLE.stranger), fc.constant('otherCaseId')),
    ),
    realVerb,
    fc.dictionary(fc.constantFrom('meetingId', 'partyId', 'changeId', 'breakId', 'actionId', 'deadlineId', 'outcomeVersion', 'termsVersion', 'itemId', 'on', 'position', 'result', 'kind', 'outcome', 'variant', 'overview', 'amendedPlanUrl', 'correctionReason', 'recordReason'), fc.oneof(idLike(), garbage), { maxKeys: 6 }),
  )
  .map(([where, [as, caseKey], verb, extra]) => json('real verb, ids of another case')(build({ verb, data: { ...extra, caseId: j.ids[caseKey] } }, where, as)));

/** Typed text and card submits from anyone: commands with garbage arguments, and plain noise. */
const texts = fc
  .tuple(anyWhere, anyPerson, fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom('join ', 'link ', 'invite ', 'outcome ', 'certificate ').chain((c) => fc.string({ maxLength: 60 }).map((s) => c + s))), fc.option(garbage))
  .map(([where, as, text, value]) => json('text')({ ...build({ text }, where, as), ...(value === null ? {} : { value }) }))
  // A mediator's free text could be a real command ("invite parent" writes an invite); the fuzz is for bad input.
  .filter((c) => !/"text":"(<at>SEND Mediation<\/at> )?(invite|send|start|record|link|add|new|outcome|certificate|reminders|join)\b/i.test(c.body) || c.body.includes('"aadObjectId":"00000000-0000-0000-0000-0000000000f1"'));

const MB = 1024 * 1024;
const huge = fc
  .tuple(template, fc.constantFrom('text', 'name', 'id', 'value', 'type'))
  .map(([a, key]) => ({ kind: `1 MB ${key}`, body: JSON.stringify({ ...a, [key]: 'x'.repeat(MB) }) }));
/** Just under MAX_BODY_BYTES: past the body parser, so the activity schema has to refuse it. */
const large = fc
  .tuple(template, fc.constantFrom('text', 'name', 'id', 'type'))
  .map(([a, key]) => ({ kind: `large ${key}`, body: JSON.stringify({ ...a, [key]: 'y'.repeat(200_000) }) }));

const describeErrors = (logs: readonly LogEntry[]) => logs.map((l) => `${l.msg}: ${l.err ?? ''}`).join('; ');

async function check(c: Case): Promise<void> {
  const fingerprint = await storeFingerprint(t.config.dataDir, [AUDIT_LOG]);
  const logged = t.logs.length;
  const status = await postRaw(c.body);
  await t.bot.app.deps.background.idle();
  const changed = (await storeFingerprint(t.config.dataDir, [AUDIT_LOG])) !== fingerprint;
  // Only when a file grew: the full comparison says what was written (against the snapshot taken before the fuzz).
  const writes = changed ? diffSnapshots(baseline, await storeSnapshot(t.config.dataDir, { skip: [AUDIT_LOG] })) : [];
  const errors = errorsIn(t.logs.slice(logged));
  // No 5xx at all: an invoke the bot does not implement (task/fetch…) is a 400 too (bot/mediationBot.ts).
  if (status >= 500) throw new Error(`${c.kind}: answered ${status} (${describeErrors(errors)})`);
  if (changed) throw new Error(`${c.kind}: wrote ${writes.join(', ') || '(a store file grew)'}`);
  // An error logged while answering a 4xx is a crash the client did not see: a handler threw on bad input.
  if (errors.length > 0) throw new Error(`${c.kind}: answered ${status} but logged ${describeErrors(errors)}`);
}

const families: readonly [string, fc.Arbitrary<Case>, number][] = [
  ['non-object and non-JSON bodies', fc.oneof(nonObjectBodies, notJson), 300],
  ['wrong types for top-level fields', wrongTypes, RUNS],
  ['wrong types for nested fields', wrongNested, 300],
  ['missing fields', missingFields, 300],
  ['malformed card payloads', badInvokeValues, 300],
  ['unknown verbs', unknownVerbs, 200],
  ['real verbs with garbage data', garbageData, RUNS],
  ['real verbs with ids of another case', otherCasesIds, RUNS],
  ['typed text and submits', texts, 300],
  ['1 MB strings', huge, 8],
  ['strings just under the body limit', large, 8],
];

/** Inputs the fuzz once found crashing a turn, kept as fixed cases so they stay fixed whatever the seed. */
describe('inputs that once threw inside a turn', () => {
  const click = () => build({ verb: 'case.open', data: {} }, 'thread', PEOPLE.lead);
  const cases: [string, () => Record<string, unknown>, number][] = [
    ['a card click without value.action (was 501)', () => ({ ...click(), value: {} }), 400],
    ['a card click with an array value (was 501)', () => ({ ...click(), value: [] }), 400],
    ['an invoke without a name (was 501)', () => Object.fromEntries(Object.entries(click()).filter(([k]) => k !== 'name')), 400],
    ['from.aadObjectId that is not a string', () => ({ ...build({ text: 'help' }, 'personal', PEOPLE.lead), from: { ...PEOPLE.lead, aadObjectId: {} } }), 400],
    ['membersAdded: [null]', () => ({ ...build({ fields: { type: 'conversationUpdate' } }, 'thread', PEOPLE.lead), membersAdded: [null] }), 400],
    ['no recipient', () => Object.fromEntries(Object.entries(build({ text: 'help' }, 'personal', PEOPLE.parent)).filter(([k]) => k !== 'recipient')), 400],
    ['an entity without a type', () => ({ ...build({ text: 'status' }, 'thread', PEOPLE.lead), entities: [{}] }), 400],
    ['a mention without mentioned', () => ({ ...build({ text: 'status' }, 'thread', PEOPLE.lead), entities: [{ type: 'mention', text: '<at>x</at>' }] }), 400],
    // Teams sends this for an image or a card submit in a channel: answered, not thrown on.
    ['a mention with no text', () => Object.fromEntries(Object.entries(build({ text: 'status' }, 'thread', PEOPLE.lead)).filter(([k]) => k !== 'text')), 200],
  ];
  it.each(cases)('%s: answered with a 4xx or a reply, nothing logged at error level', async (_name, body, status) => {
    const logged = t.logs.length;
    expect(await postRaw(JSON.stringify(body()))).toBe(status);
    await t.bot.app.deps.background.idle();
    expect(describeErrors(errorsIn(t.logs.slice(logged)))).toBe('');
  });
});

describe(`fuzzing POST /api/messages (seed ${SEED})`, () => {
  let total = 0;
  it.each(families.map(([name, arb, runs]) => [name, arb, runs] as const))('%s: never a 5xx, never a write', async (_name, arb, runs) => {
    // The seed is printed by fast-check with the counterexample; it is also in the describe name.
    await fc.assert(fc.asyncProperty(arb, check), { seed: SEED, numRuns: runs, endOnFailure: false, verbose: 1 });
    total += runs;
    expect(await healthz()).toBe(200);
  });

  it('still answers /healthz and a real command afterwards, with the store as the journey left it', async () => {
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(await healthz()).toBe(200);
    expect(diffSnapshots(baseline, await storeSnapshot(t.config.dataDir, { skip: [AUDIT_LOG] }))).toEqual([]);
    const chat = j.conversationId('personal', PEOPLE.parent);
    const before = t.connector.texts(chat).length;
    const res = await j.post(build({ text: 'help' }, 'personal', PEOPLE.parent));
    expect(res.status).toBe(200);
    // The parent got the command list.
    expect(t.connector.texts(chat).slice(before).join('\n')).toContain('**help**');
  });
});
