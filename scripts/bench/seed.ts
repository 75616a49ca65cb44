/**
 * Cases put straight into an embedded store with the product's own domain functions and
 * storage API (storage/appStore.ts), before the product is started on that folder: the
 * state each simulated conversation needs, and the 10,000-case store for the memory figure.
 */
import { addParty, anchorThread, createCase, isCaseError, providerKeyOf, validateNewCase, type Case, type CaseError, type ParticipantRole, type Party } from '../../domain/cases';
import { CASE_TYPE_CODES } from '../../domain/caseTypes';
import { createChange, preparationSubject, type PreparationPatch } from '../../domain/preparation';
import { recordAgreement } from '../../domain/terms';
import { BackgroundTasks } from '../../bot/background';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { ReminderSync } from '../../bot/reminders/reminderSync';
import { createCalendar } from '../../domain/timescales';
import { openStore, type AppStore } from '../../storage/appStore';
import { readTerms } from '../../storage/termsFile';
import { LA_COMPLETE_CONTENT } from '../../test/preparation/prepFixtures';
import { BOT_ID, CHANNEL_ID, KIND, TEAM_ID, TENANT_ID, person, threadOf, type Person } from './people';

const PROVIDER = providerKeyOf(TENANT_ID, TEAM_ID);
const MEDIATORS = 25;
const DAY_MS = 86_400_000;

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

interface CaseShape {
  readonly n: number;
  readonly prefix: string;
  readonly caseType: (typeof CASE_TYPE_CODES)[number];
  readonly isYoungPerson: boolean;
  /** Days before now that the LA was informed; the meeting is 30 days later. */
  readonly informedDaysAgo: number;
  readonly members: readonly (readonly [ParticipantRole, Person])[];
}

function buildCase(shape: CaseShape, now: Date): Case {
  const informed = new Date(now.getTime() - shape.informedDaysAgo * DAY_MS);
  const form = {
    caseReference: `${shape.prefix}-${String(shape.n).padStart(6, '0')}`,
    caseType: shape.caseType,
    childInitials: 'J.S.',
    isYoungPerson: String(shape.isYoungPerson),
    localAuthority: 'Northshire County Council',
    decisionNoticeSent: isoDay(new Date(informed.getTime() - 20 * DAY_MS)),
    laInformed: isoDay(informed),
    meetingDate: isoDay(new Date(informed.getTime() + 30 * DAY_MS)),
    meetingTime: '10:00',
    meetingFormat: shape.n % 3 === 0 ? 'in_person' : 'online',
  };
  const v = validateNewCase(form);
  if (!v.ok) throw new Error(`seed form invalid: ${JSON.stringify(v.errors)}`);
  const mediator = person(KIND.mediator, shape.n % MEDIATORS);
  const created = createCase(v.value, { aadObjectId: mediator.aadObjectId, displayName: mediator.name, teamsUserId: mediator.id }, PROVIDER, new Date(informed.getTime() + DAY_MS));
  let c = anchorThread(created, threadOf(shape.n, shape.prefix));
  for (const [role, p] of shape.members) {
    c = ok(addParty(c, { role, displayName: p.name, aadObjectId: p.aadObjectId, teamsUserId: p.id, how: 'roster' }, mediator.aadObjectId, now));
  }
  return c;
}

/** The thread's conversation reference, as recordConversation stores it when the form is posted. */
async function storeThread(store: AppStore, c: Case, serviceUrl: string, now: Date): Promise<void> {
  const conversationId = c.thread!.conversationId;
  await store.conversations.upsert(
    {
      reference: { channelId: 'msteams', serviceUrl, conversation: { id: conversationId, conversationType: 'channel', tenantId: TENANT_ID, isGroup: true }, bot: { id: BOT_ID } },
      scope: 'channel',
      tenantId: TENANT_ID,
      teamId: TEAM_ID,
      channelId: CHANNEL_ID,
    },
    now,
  );
}

async function storePersonalChat(store: AppStore, p: Person, serviceUrl: string, now: Date): Promise<void> {
  await store.conversations.upsert(
    {
      reference: {
        channelId: 'msteams',
        serviceUrl,
        conversation: { id: `a:personal-${p.aadObjectId}`, conversationType: 'personal', tenantId: TENANT_ID, isGroup: false },
        bot: { id: BOT_ID },
        user: { id: p.id, aadObjectId: p.aadObjectId },
      },
      scope: 'personal',
      tenantId: TENANT_ID,
      userAadObjectId: p.aadObjectId,
    },
    now,
  );
}

/**
 * The product recomputes a case's deadlines and reminders after every write (bot/reminders);
 * seeding does the same once per case, so the store holds what the bot would have stored.
 */
function reminderSync(store: AppStore, dataDir: string): ReminderSync {
  const log = createLogger('silent');
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  return new ReminderSync({ store, calendar: createCalendar(), now: () => new Date(), log, background: new BackgroundTasks(log), config });
}

export interface TermsUnit {
  readonly caseId: string;
  readonly partyId: string;
  readonly who: Person;
  readonly role: ParticipantRole;
}

export interface BenchPools {
  /** A party who has not agreed yet: one terms acknowledgement each. */
  readonly terms: TermsUnit[];
  /** LA officers of cases awaiting preparation, one 1:1 chat each. */
  readonly officers: Person[];
}

/**
 * Cases in the state the timed flows need: parent and LA officer added from the roster, the
 * thread's reference stored (the case card is edited there after each agreement), nobody
 * agreed and nothing prepared yet.
 */
export async function seedBenchCases(dataDir: string, serviceUrl: string, counts: { termsCases: number; prepCases: number }): Promise<BenchPools> {
  const store = await openStore({ kind: 'embedded', dataDir });
  const sync = reminderSync(store, dataDir);
  const now = new Date();
  const pools: BenchPools = { terms: [], officers: [] };
  try {
    const total = counts.termsCases + counts.prepCases;
    for (let n = 0; n < total; n++) {
      const parent = person(KIND.parent, n);
      const officer = person(KIND.officer, n);
      const c = buildCase(
        { n, prefix: 'BENCH', caseType: 'M-CONTENT', isYoungPerson: false, informedDaysAgo: 5, members: [['parent_carer', parent], ['la_officer', officer]] },
        now,
      );
      if ((await store.cases.create(c)) !== 'created') throw new Error(`could not seed ${c.caseReference}`);
      await storeThread(store, c, serviceUrl, now);
      await sync.syncNow(c.id);
      if (n < counts.termsCases) {
        // The terms card reaches each party in their 1:1 chat with the bot, which stores that chat's reference.
        for (const who of [parent, officer]) await storePersonalChat(store, who, serviceUrl, now);
        for (const p of c.parties) pools.terms.push({ caseId: c.id, partyId: p.partyId, who: p.role === 'la_officer' ? officer : parent, role: p.role });
      } else {
        pools.officers.push(officer);
      }
    }
  } finally {
    await store.close();
  }
  return pools;
}

const LA_PART: PreparationPatch = { kind: 'la', answers: { attendeeName: 'Priya Shah', attendeeRole: 'SEN team manager', knowsFamily: 'case_only' } };
const FAMILY: PreparationPatch = { kind: 'family', answers: { childViews: 'written', advocate: false, adjustments: 'A quiet room and breaks every hour', expenses: 'none' } };

/**
 * `count` cases as a provider would have them a few weeks into using the bot: a spread of
 * case types and dates, 2-4 parties each, most terms agreed, preparation answered in part or
 * in full, requested changes on plan-content cases, and each party's 1:1 chat reference.
 */
export async function seedRealisticStore(dataDir: string, serviceUrl: string, count: number): Promise<{ cases: number; parties: number; acknowledgements: number; preparationRecords: number; changes: number; reminders: number }> {
  const store = await openStore({ kind: 'embedded', dataDir });
  const sync = reminderSync(store, dataDir);
  const terms = await readTerms();
  const now = new Date();
  const totals = { cases: 0, parties: 0, acknowledgements: 0, preparationRecords: 0, changes: 0, reminders: 0 };
  try {
    for (let n = 0; n < count; n++) {
      const yp = n % 10 === 0;
      const members: [ParticipantRole, Person][] = [[yp ? 'young_person' : 'parent_carer', person(yp ? KIND.youngPerson : KIND.parent, n)], ['la_officer', person(KIND.officer, n % 400)]];
      if (n % 3 === 0) members.push(['advocate', person(KIND.advocate, n)]);
      if (n % 5 === 0) members.push(['school', person(KIND.school, n % 900)]);
      const caseType = n % 2 === 0 ? 'M-CONTENT' : CASE_TYPE_CODES[n % 10]!;
      const c = buildCase({ n, prefix: 'SM', caseType, isYoungPerson: yp, informedDaysAgo: n % 25, members }, now);
      if ((await store.cases.create(c)) !== 'created') throw new Error(`could not seed ${c.caseReference}`);
      totals.cases++;
      totals.parties += c.parties.length;
      await storeThread(store, c, serviceUrl, now);
      for (const [i, p] of c.parties.entries()) {
        await storePersonalChat(store, members[i]![1], serviceUrl, now);
        if ((n + i) % 4 !== 0) {
          const answers = p.role === 'la_officer' ? { authority: 'full' as const } : p.role === 'young_person' ? { youngPersonVoice: { mode: 'self' as const } } : {};
          await store.acknowledgements.record(ok(recordAgreement(c, p.partyId, terms.version, answers, p.aadObjectId!, now)));
          totals.acknowledgements++;
        }
        const patch = preparationFor(p, n);
        if (patch) {
          await store.preparation.saveAnswer(ok(preparationSubject(c, p.partyId)), patch, p.aadObjectId!, now);
          totals.preparationRecords++;
        }
      }
      if (caseType === 'M-CONTENT' && n % 4 === 0) {
        const requester = c.parties[0]!;
        for (let k = 0; k < 1 + (n % 3); k++) {
          const change = createChange(
            c,
            {
              section: 'F',
              location: `Outcome ${k + 1}`,
              currentWording: 'Speech and language therapy as needed.',
              requestedWording: 'One hour of speech and language therapy each week from a qualified therapist.',
              reason: 'The SALT report recommends weekly therapy.',
              evidenceRefs: ['SALT report, March 2026'],
            },
            requester.aadObjectId!,
            now,
          );
          if (isCaseError(change)) break;
          await store.preparation.addChange(change);
          totals.changes++;
        }
      }
      const synced = await sync.syncNow(c.id);
      totals.reminders += synced.reminders.added;
    }
  } finally {
    await store.close();
  }
  return totals;
}

function preparationFor(p: Party, n: number): PreparationPatch | undefined {
  if (p.role === 'la_officer') return n % 2 === 0 ? LA_COMPLETE_CONTENT : n % 3 === 0 ? LA_PART : undefined;
  if (p.role === 'parent_carer' || p.role === 'young_person') return n % 5 < 2 ? FAMILY : undefined;
  return undefined;
}
