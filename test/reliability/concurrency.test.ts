import { londonDate } from '../../domain/londonTime';
import { CHECKLIST_ITEM_IDS } from '../../domain/meeting';
import { caseFormData } from '../helpers/caseForm';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { Journey, type Payload } from './helpers/journey';
import { PEOPLE, type Person } from './helpers/people';

/**
 * Fifty people clicking "I agree" and fifty checklist ticks, all at once on one case, over HTTP:
 * every acknowledgement and every tick lands exactly once, and the case's audit trail and the
 * meeting's version count each of them once (no lost update, no duplicate).
 */
jest.setTimeout(60_000);

const CLICKS = 50;
const TICKS = 50;

/** Seven parties with seven roles, so there are seven acknowledgements to race for. */
const EXTRA: Record<string, Person> = {
  school: { id: '29:school', aadObjectId: '00000000-0000-0000-0000-0000000000c2', name: 'Sol School' },
  social: { id: '29:social', aadObjectId: '00000000-0000-0000-0000-0000000000c3', name: 'Sasha Social' },
  professional: { id: '29:professional', aadObjectId: '00000000-0000-0000-0000-0000000000c4', name: 'Pip Professional' },
  health: { id: '29:health', aadObjectId: '00000000-0000-0000-0000-0000000000c5', name: 'Hana Health' },
};
const PARTIES: readonly (readonly [Person, string])[] = [
  [PEOPLE.parent, 'parent_carer'],
  [PEOPLE.advocate, 'advocate'],
  [PEOPLE.officer, 'la_officer'],
  [EXTRA.school!, 'school'],
  [EXTRA.social!, 'social_care'],
  [EXTRA.professional!, 'other_professional'],
  [EXTRA.health!, 'health_icb'],
];

let t: TestBot;
let j: Journey;
beforeAll(async () => {
  t = await startTestBot();
  j = new Journey(t);
  t.connector.members.push(...Object.values(EXTRA).map((p) => ({ id: p.id, name: p.name, aadObjectId: p.aadObjectId })));
});
afterAll(async () => {
  await t?.stop();
});

async function must(payload: Payload, where: 'thread' | 'group', as: Person = PEOPLE.lead): Promise<void> {
  const res = await j.post(j.activityFor(payload, where, as, where === 'thread' ? 'form-A' : 'card-1'));
  if (res.status !== 200) throw new Error(`setup ${JSON.stringify(payload).slice(0, 80)} answered ${res.status}`);
}

it(`${CLICKS} agreements from ${PARTIES.length} parties and ${TICKS} ticks at once: each lands exactly once`, async () => {
  await must({ text: 'new case' }, 'thread');
  await must(
    {
      verb: 'case.create',
      data: caseFormData({ caseReference: 'SM-CONC-0001', meetingDate: '2027-02-10' }),
    },
    'thread',
  );
  const created = (await t.bot.store.cases.findByThreadConversation('19:cases@thread.tacv2;messageid=root-A'))!;
  const roles = Object.fromEntries(PARTIES.map(([p, role]) => [`role_${p.aadObjectId}`, role]));
  // The roster shows a page at a time; roles are assigned per page, so assign on each page the form has.
  for (let page = 0; page < 3; page++) await must({ verb: 'case.assignRoles', data: { caseId: created.id, page, ...roles, [`role_${PEOPLE.co.aadObjectId}`]: 'co_mediator' } }, 'thread');
  const c = (await t.bot.store.cases.get(created.id))!;
  expect(c.parties.map((p) => p.aadObjectId).sort()).toEqual(PARTIES.map(([p]) => p.aadObjectId).sort());
  await must({ verb: 'meeting.start', data: { caseId: c.id, startedAnywayReason: 'Concurrency test', confirmedDay: londonDate(new Date()) } }, 'group');
  const meeting = (await t.bot.store.meetings.current(c.id))!;
  const caseBefore = (await t.bot.store.cases.get(c.id))!;

  // Every tenth click is the mediator recording the same party's agreement from the thread, racing the party's own click.
  const agree = (i: number) => {
    const [person] = PARTIES[i % PARTIES.length]!;
    const partyId = c.parties.find((p) => p.aadObjectId === person.aadObjectId)!.partyId;
    const data = { caseId: c.id, partyId, termsVersion: j.termsVersion(), authority: 'full', advocateGuidance: 'true' };
    return i % 10 === 9
      ? j.activityFor({ verb: 'terms.agree', data: { ...data, recordReason: 'Agreed by phone' } }, 'thread', PEOPLE.lead, 'form-A')
      : j.activityFor({ verb: 'terms.agree', data }, 'personal', person);
  };
  const tick = (i: number) =>
    j.activityFor(
      { verb: 'meeting.tick', data: { caseId: c.id, meetingId: meeting.meetingId, itemId: CHECKLIST_ITEM_IDS[i % CHECKLIST_ITEM_IDS.length], on: 1 } },
      'group',
      i % 2 ? PEOPLE.co : PEOPLE.lead,
      'card-1',
    );
  const requests = [...Array.from({ length: CLICKS }, (_, i) => agree(i)), ...Array.from({ length: TICKS }, (_, i) => tick(i))];
  const answers = await Promise.all(requests.map((a) => t.post(a)));
  await t.bot.app.deps.background.idle();

  // Every click answered with its card: nobody was told "busy, try again".
  expect(answers.map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
  for (const r of answers.slice(0, CLICKS)) expect(JSON.stringify(r.body)).toMatch(/agreed on/i);

  const acks = await t.bot.store.acknowledgements.listForCase(c.id);
  expect(acks.map((a) => a.partyId).sort()).toEqual(c.parties.map((p) => p.partyId).sort());

  const after = (await t.bot.store.cases.get(c.id))!;
  const logged = await t.bot.store.auditLog.listForCase(c.id);
  const agreedAudit = logged.filter((a) => a.action === 'terms.agreed' || a.action === 'terms.recorded');
  // One audit entry per party (whoever won the race): none lost to a write conflict, none doubled.
  expect(agreedAudit.map((a) => a.subject).sort()).toEqual(c.parties.map((p) => `party:${p.partyId}`).sort());
  // An agreement is logged without rewriting the case document.
  expect(after.version).toBe(caseBefore.version);

  const m = (await t.bot.store.meetings.current(c.id))!;
  expect(Object.keys(m.ticks).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
  const tickAudit = logged.filter((a) => a.action === 'meeting.ticked');
  expect(tickAudit).toHaveLength(CHECKLIST_ITEM_IDS.length);
  expect(m.version).toBe(meeting.version + CHECKLIST_ITEM_IDS.length);
});
