import type { CardAction } from '../../bot/actions/action';
import { feedbackSubmitAction } from '../../bot/actions/feedbackSubmit';
import { followUpDelayAgreeAction, followUpDoneAction } from '../../bot/actions/followUpActions';
import { summariseFeedback } from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import { defaultCalendar } from '../../domain/timescales';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText } from './playgroundDriver';

/**
 * After the meeting, through the Agents Playground: the outcome is published, the LA officer
 * gets the agreed action in their 1:1 chat and reports a delay, the parent agrees the new date
 * on their card, the reminders move to it, and the action is marked done. The parent and the
 * LA officer give feedback, which is counted without them. A party who is not the owner, and
 * someone outside the case, are refused.
 */
let s: ProductSession;
let k: OpenedCase;
const inThread = () => ({ conversationId: k.thread });
const ACTION_ID = 'action-0001';

beforeAll(async () => {
  s = await startProduct();
  k = await openCaseWithParties(s, 'SM-2026-161', workingDaysFromToday(1));
  await s.pg.say(inThread(), 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Start the meeting anyway/.test(visibleText(m)));
  await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'Agreed by phone' } });
  const m = (await s.bot.store.meetings.current(k.c.id))!;
  const invoke = (verb: string, data: Record<string, unknown>) =>
    s.pg.invoke(inThread(), start.messageId, { action: { type: 'Action.Execute', verb, data: { caseId: k.c.id, meetingId: m.meetingId, ...data } }, trigger: 'manual' });
  expect((await invoke('action.save', { actionId: ACTION_ID, owner: 'body:local_authority', what: 'Issue the amended plan', category: 'amend_plan' })).status).toBe(200);
  expect((await invoke('meeting.close', { outcome: 'full' })).status).toBe(200);
  await s.bot.app.deps.background.idle();
  await s.pg.say(inThread(), 'outcome');
  const draft = await s.pg.waitForBotMessage((x) => x.conversationId === k.thread && /Publish version 1/.test(visibleText(x)));
  expect((await s.pg.clickAction(draft, 'Publish version 1', { inputs: { overview: 'Agreement on section F.' } })).status).toBe(200);
  await s.bot.app.deps.background.idle();
});
afterAll(async () => {
  await s?.stop();
});

const cardText = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });
const pressAs = (action: CardAction, aadObjectId: string, data: Record<string, unknown>) =>
  action.handle({ turn: undefined as never, scope: 'personal', caller: { aadObjectId, channelAccountId: `29:${aadObjectId}`, name: 'Someone', tenantId: s.pg.config().tenantId }, data, deps: s.bot.app.deps });
const actionDeadlines = async () => (await s.bot.store.reminders.listForCase(k.c.id)).deadlines.filter((d) => d.actionId === ACTION_ID);

it('sends the agreed action to its owner with its due date and the legal limit', async () => {
  const priya = s.pg.user('LA officer');
  const card = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Agreed action: case SM-2026-161/.test(visibleText(m)), { since: 0 });
  expect(visibleText(card)).toMatch(/Issue the amended plan/);
  expect(visibleText(card)).toMatch(/Legal limit \(reg 42\)/);
});

it('refuses the wrong party and a stranger without telling them anything, and changes nothing', async () => {
  // The playground lets only a chat's members press its buttons, so these presses go to the handler directly.
  const asParent = await pressAs(followUpDoneAction, s.pg.user('Parent').aadObjectId, { caseId: k.c.id, actionId: ACTION_ID, doneOn: londonDate(new Date()) });
  const asStranger = await pressAs(followUpDoneAction, 'ffffffff-0000-0000-0000-000000000099', { caseId: k.c.id, actionId: ACTION_ID });
  for (const refused of [asParent, asStranger]) {
    expect(refused.statusCode).toBe(403);
    expect(JSON.stringify(refused)).not.toMatch(/amended plan|SM-2026-161|Local authority/);
  }
  expect((await s.bot.store.followUp.get(k.c.id, ACTION_ID))?.doneOn).toBeUndefined();
});

it('moves the due date and the reminders only once the parent agrees the new date', async () => {
  const priya = s.pg.user('LA officer');
  const sam = s.pg.user('Parent');
  const before = (await actionDeadlines()).filter((d) => !d.satisfied);
  expect(before.length).toBeGreaterThan(0);
  const original = (await s.bot.store.followUp.get(k.c.id, ACTION_ID))!.originalDue;
  const newDate = defaultCalendar.addWorkingDays(original, 10);
  const card = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Agreed action: case/.test(visibleText(m)), { since: 0 });
  const proposed = await s.pg.clickAction(card, 'Propose the new date', { as: priya.id, inputs: { newDate, delayReason: 'The educational psychologist report is late' } });
  expect(cardText(proposed)).toMatch(/family is asked to agree/);
  // A replay of the same click records the delay once.
  await s.pg.clickAction(card, 'Propose the new date', { as: priya.id, inputs: { newDate, delayReason: 'The educational psychologist report is late' } });
  expect((await s.bot.store.followUp.get(k.c.id, ACTION_ID))!.delays).toHaveLength(1);
  await s.bot.app.deps.background.idle();
  expect((await actionDeadlines()).map((d) => d.due)).toEqual(before.map((d) => d.due));

  const ask = await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /A new date is proposed/.test(visibleText(m)), { since: 0 });
  expect(visibleText(ask)).toMatch(/educational psychologist report is late/);
  const delayId = (await s.bot.store.followUp.get(k.c.id, ACTION_ID))!.delays[0]!.delayId;
  const refused = await pressAs(followUpDelayAgreeAction, priya.aadObjectId, { caseId: k.c.id, actionId: ACTION_ID, delayId });
  expect(refused.statusCode).toBe(403);
  const agreed = await s.pg.clickAction(ask, 'I agree to the new date', { as: sam.id });
  expect(cardText(agreed)).toMatch(/was agreed/);
  expect((await s.pg.clickAction(ask, 'I agree to the new date', { as: sam.id })).status).toBe(200);

  const p = (await s.bot.store.followUp.get(k.c.id, ACTION_ID))!;
  expect(p.agreedNewDate).toBe(newDate);
  expect(p.originalDue).toBe(original);
  expect(p.delays[0]).toMatchObject({ status: 'agreed', decidedBy: sam.aadObjectId, fromDate: original, proposedDate: newDate });
  await s.bot.app.deps.background.idle();
  const after = (await actionDeadlines()).filter((d) => !d.satisfied);
  expect(after.map((d) => d.due)).toEqual([newDate]);
  const reminders = (await s.bot.store.reminders.listForCase(k.c.id)).reminders.filter((r) => r.deadlineId === after[0]!.deadlineId && r.status === 'pending');
  expect(reminders.length).toBeGreaterThan(0);
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /New date agreed/.test(visibleText(m)), { since: 0 });
});

it('moves the case to "Agreed actions under way" with the certificate', async () => {
  await s.pg.say(inThread(), 'certificate');
  const form = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Issue the certificate/.test(visibleText(m)));
  expect((await s.pg.clickAction(form, 'Issue the certificate', { inputs: { variant: 'after_mediation' } })).status).toBe(200);
  await s.bot.app.deps.background.idle();
  expect((await s.bot.store.cases.get(k.c.id))!.state).toBe('LA_ACTIONS');
});

it('shows the mediators every action with `actions`, then records the action done and the case is ready to close', async () => {
  // A party cannot list everyone's actions: that is for the mediators.
  await s.pg.say(inThread(), 'actions', { as: s.pg.user('Parent').id });
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Not allowed/.test(visibleText(m)));
  await s.pg.say(inThread(), 'actions');
  const list = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Agreed actions: case SM-2026-161/.test(visibleText(m)));
  expect(visibleText(list)).toMatch(/new date agreed by the family/);
  const priya = s.pg.user('LA officer');
  const card = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Agreed action: case/.test(visibleText(m)), { since: 0 });
  const done = await s.pg.clickAction(card, 'Mark done', { as: priya.id, inputs: { doneOn: londonDate(new Date()) } });
  expect(cardText(done)).toMatch(/Done on/);
  await s.bot.app.deps.background.idle();
  expect((await actionDeadlines()).every((d) => d.satisfied !== undefined)).toBe(true);
  expect((await s.bot.store.cases.get(k.c.id))!.state).toBe('APPEAL_WINDOW');
  await s.pg.say(inThread(), 'close case');
  // The existing case-end feature offers the close form (it refuses a case that is not ready).
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Close case: SM-2026-161/.test(visibleText(m)));
  // What the service view reads (an indexed query: the store refuses table scans here).
  const facts = await s.bot.store.followUp.listActionProgress([k.c.id, 'another-case']);
  expect(facts).toEqual([expect.objectContaining({ caseId: k.c.id, actionId: ACTION_ID, doneOn: londonDate(new Date()) })]);
});

it('counts feedback without the person, and refuses a second answer', async () => {
  for (const who of ['Parent', 'LA officer']) {
    const user = s.pg.user(who);
    const card = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /How was the mediation for you/.test(visibleText(m)), { since: 0 });
    const sent = await s.pg.clickAction(card, 'Send my feedback', { as: user.id, inputs: { fairness: '4', clarity: '5', wouldUseAgain: 'yes', comment: 'Well run.' } });
    expect(cardText(sent)).toMatch(/Thank you/);
    await s.pg.clickAction(card, 'Send my feedback', { as: user.id, inputs: { fairness: '1', clarity: '1', wouldUseAgain: 'no' } });
  }
  // A mediator is not a party, and a stranger is nobody in the case: neither can answer.
  expect((await pressAs(feedbackSubmitAction, s.pg.config().currentUser.aadObjectId, { caseId: k.c.id, fairness: '5', clarity: '5', wouldUseAgain: 'yes' })).statusCode).toBe(403);
  expect((await pressAs(feedbackSubmitAction, 'ffffffff-0000-0000-0000-000000000099', { caseId: k.c.id, fairness: '5', clarity: '5', wouldUseAgain: 'yes' })).statusCode).toBe(403);
  const today = londonDate(new Date());
  const tenant = s.pg.config().tenantId;
  const answers = await s.bot.store.followUp.listFeedback(tenant, today, today);
  expect(answers).toHaveLength(2);
  expect(summariseFeedback(await s.bot.store.followUp.listFeedbackAnswers(tenant, today, today))).toMatchObject({ count: 2, fairnessAverage: 4, clarityAverage: 5, wouldUseAgain: 2 });
});
