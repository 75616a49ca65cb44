import { CHECKLIST_ITEM_IDS } from '../../domain/meeting';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';

/**
 * A whole meeting through the Agents Playground, in the linked group chat: started anyway
 * (with the reason recorded) because the terms are not all agreed, every checklist step
 * ticked, a break, two agreed actions (one with a date agreed in writing), one requested
 * change agreed with its wording, a parent's click refused, closed with partial agreement.
 */
let s: ProductSession;
let k: OpenedCase;
let checklist: BotMessage;
const group = () => ({ conversationId: s.pg.config().groupChat.id });

beforeAll(async () => {
  s = await startProduct();
  k = await openCaseWithParties(s, 'SM-2026-063', workingDaysFromToday(1));
  const parent = k.c.parties.find((p) => p.role === 'parent_carer')!;
  await s.pg.say({ conversationId: k.thread }, 'add change');
  const form = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Section of the plan/.test(visibleText(m)));
  await s.pg.clickAction(form, 'Add the change', {
    inputs: { section: 'F', location: 'Outcome 2', requestedWording: 'Weekly speech and language therapy, 1 hour', reason: 'SaLT report', requestedBy: parent.partyId },
  });
  await s.pg.say({ conversationId: k.thread }, 'send changes');
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /sent to the local authority/.test(visibleText(m)));
});
afterAll(async () => {
  await s?.stop();
});

const meetingIds = async () => {
  const m = (await s.bot.store.meetings.current(k.c.id))!;
  return { caseId: k.c.id, meetingId: m.meetingId };
};
const click = async (verb: string, data: Record<string, unknown>, as?: string) =>
  s.pg.invoke(group(), checklist.messageId, { action: { type: 'Action.Execute', verb, data: { ...(await meetingIds()), ...data } }, trigger: 'manual' }, as ? { as } : {});
const cardText = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });

it('links the group chat to the case and starts the meeting anyway, recording why', async () => {
  await s.pg.say('group', 'link SM-2026-063');
  await s.pg.waitForBotMessage((m) => /Linked to case SM-2026-063/.test(visibleText(m)));
  await s.pg.say('group', 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === group().conversationId && /Start the meeting anyway/.test(visibleText(m)));
  expect(visibleText(start)).toMatch(/not agreed|Terms/i);
  const noReason = await s.pg.clickAction(start, 'Start the meeting anyway');
  expect(cardText(noReason)).toMatch(/Say why/);
  const started = await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'Parent agreed the terms by phone this morning' } });
  expect(cardText(started)).toMatch(/Opening/);
  checklist = start;
  expect((await s.bot.store.cases.get(k.c.id))!.state).toBe('MEETING');
  expect((await s.bot.store.meetings.current(k.c.id))!.startedAnywayReason).toBe('Parent agreed the terms by phone this morning');
});

it('refuses a parent’s click on the checklist and changes nothing', async () => {
  const sam = s.pg.user('Parent');
  const r = await click('meeting.tick', { itemId: 'opening', on: 1 }, sam.id);
  expect(JSON.stringify(r)).toMatch(/Only the mediators of case SM-2026-063/);
  expect(Object.keys((await s.bot.store.meetings.current(k.c.id))!.ticks)).toHaveLength(0);
});

it('ticks every step, and a replayed tick changes nothing', async () => {
  for (const itemId of CHECKLIST_ITEM_IDS) expect((await click('meeting.tick', { itemId, on: 1 })).status).toBe(200);
  const before = (await s.bot.store.meetings.current(k.c.id))!;
  await click('meeting.tick', { itemId: 'opening', on: 1 });
  const after = (await s.bot.store.meetings.current(k.c.id))!;
  expect(after.version).toBe(before.version);
  expect(Object.keys(after.ticks).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
  // Everyone sees the ticks: the checklist message itself is edited.
  const updated = await s.pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === checklist.messageId && /Mark not done/.test(visibleText(m)), { since: 0 });
  // A done item is one line: its name and the time it was ticked, beside the undo button.
  expect(visibleText(updated)).toMatch(/Opening and terms check\*\*: done at \d{2}:\d{2}/);
});

it('starts and ends a break', async () => {
  const started = await click('meeting.breakStart', { kind: 'all' });
  expect(cardText(started)).toMatch(/On a break/);
  const open = (await s.bot.store.meetings.current(k.c.id))!.breaks.find((b) => !b.endedAt)!;
  const ended = await click('meeting.breakEnd', { breakId: open.breakId });
  expect(cardText(ended)).not.toMatch(/On a break/);
});

it('records two agreed actions with computed due dates, one replaced by a date agreed in writing', async () => {
  await s.pg.say('group', 'add action');
  const form = await s.pg.waitForBotMessage((m) => /Which timescale applies/.test(visibleText(m)));
  const first = await s.pg.clickAction(form, 'Save action', {
    inputs: { owner: 'body:local_authority', what: 'Issue the amended plan with the agreed section F wording', category: 'amend_plan' },
  });
  expect(cardText(first)).toMatch(/issue the amended plan/i);
  await s.pg.say('group', 'add action');
  const form2 = await s.pg.waitForBotMessage((m) => /Which timescale applies/.test(visibleText(m)));
  const agreed = workingDaysFromToday(5);
  const second = await s.pg.clickAction(form2, 'Save action', {
    inputs: { owner: 'body:local_authority', what: 'Arrange an educational psychologist visit', category: 'other_la_icb', agreedDueDate: agreed },
  });
  const text = cardText(second);
  expect(text).toMatch(/agreed in writing/);
  expect(text).toMatch(/statutory/);
  expect((await s.bot.store.meetings.current(k.c.id))!.actions).toHaveLength(2);
});

it('records the requested change as agreed, with its wording required', async () => {
  const form = await click('change.resultForm', {});
  expect(cardText(form)).toMatch(/Weekly speech and language therapy/);
  const change = (await s.bot.store.preparation.listChanges(k.c.id))[0]!;
  const missing = await click('change.result', { changeId: change.changeId, result: 'agreed' });
  expect(cardText(missing)).toMatch(/wording/i);
  const ok = await click('change.result', { changeId: change.changeId, result: 'agreed_as_amended', agreedWording: 'Weekly speech and language therapy, 45 minutes, by a qualified SaLT' });
  expect(cardText(ok)).toMatch(/Agreed as amended/i);
});

it('reads back the actions and the change, then closes with partial agreement', async () => {
  const readBack = await click('meeting.readBack', {});
  expect(cardText(readBack)).toMatch(/1\. /);
  const posted = await s.pg.waitForBotMessage((m) => m.conversationId === group().conversationId && m.kind === 'create' && /arrange an educational psychologist visit/i.test(visibleText(m)));
  expect(visibleText(posted)).toMatch(/Weekly speech and language therapy, 45 minutes/i);
  const closed = await click('meeting.close', { outcome: 'partial' });
  expect(cardText(closed)).toMatch(/Closed/);
  const m = (await s.bot.store.meetings.current(k.c.id))!;
  expect(m.close?.outcome).toBe('partial');
  await s.bot.app.deps.background.idle();
  expect((await s.bot.store.cases.get(k.c.id))!.state).toBe('CONCLUDED_PARTIAL_AGREEMENT');
  // Closed: the checklist no longer changes.
  const late = await click('meeting.tick', { itemId: 'opening', on: 0 });
  expect(JSON.stringify(late)).toMatch(/closed/i);
});
