import { caseFormData } from '../helpers/caseForm';
import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';
import { workingDaysFromToday } from './caseSetup';

/**
 * A disagreement resolution (DRS) case between a local authority, a school and an ICB, with no
 * parent, through the Agents Playground: opened, its meeting run on the checklist, an action
 * with an agreed date (a statutory timescale is refused), the meeting closed, and an outcome
 * published that says it is not legally binding and that no certificate follows.
 */
let s: ProductSession;
let thread: string;
let caseId: string;
let card: BotMessage;
const inThread = () => ({ conversationId: thread });
const cardText = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });

beforeAll(async () => {
  s = await startProduct();
});
afterAll(async () => {
  await s?.stop();
});

it('opens a DRS case whose card says no statutory deadlines apply, with bodies and no parent', async () => {
  const post = await s.pg.say('channel', 'new case');
  thread = post.conversationId;
  const form = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /Case reference/.test(visibleText(m)));
  await s.pg.clickAction(form, 'Open the case', {
    inputs: caseFormData({ caseReference: 'SM-2026-170', caseType: 'D-LA-ICB', laInformed: '', meetingDate: workingDaysFromToday(2) }),
  });
  card = await s.pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === form.messageId);
  expect(visibleText(card)).toMatch(/No statutory deadlines apply/);
  const c = (await s.bot.store.cases.findByThreadConversation(thread))!;
  caseId = c.id;
  const role = (who: string) => `role_${s.pg.user(who).aadObjectId}`;
  // The ICB's representative is played by the advocate's mock user: the role, not the name, is what counts.
  const assigned = await s.pg.invoke(inThread(), card.messageId, {
    action: { type: 'Action.Execute', verb: 'case.assignRoles', data: { caseId, page: 0, [role('LA officer')]: 'la_officer', [role('SENCO')]: 'school', [role('Advocate')]: 'health_icb' } },
    trigger: 'manual',
  });
  expect(assigned.status).toBe(200);
  const stored = (await s.bot.store.cases.get(caseId))!;
  expect(stored.parties.map((p) => p.role).sort()).toEqual(['health_icb', 'la_officer', 'school']);
  expect(stored.state).toBe('DRS_AGREED');
});

it('runs the meeting checklist and takes only actions with an agreed date', async () => {
  await s.pg.say(inThread(), 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /Start the meeting|Meeting checklist/i.test(visibleText(m)));
  if (/Start the meeting anyway/.test(visibleText(start))) await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'All three bodies present' } });
  expect((await s.bot.store.cases.get(caseId))!.state).toBe('DRS_MEETING');
  const m = (await s.bot.store.meetings.current(caseId))!;
  const invoke = (verb: string, data: Record<string, unknown>) =>
    s.pg.invoke(inThread(), start.messageId, { action: { type: 'Action.Execute', verb, data: { caseId, meetingId: m.meetingId, ...data } }, trigger: 'manual' });
  const statutory = await invoke('action.save', { actionId: 'action-0001', owner: 'body:icb', what: 'Fund the speech and language therapy', category: 'other_la_icb' });
  expect(cardText(statutory)).toMatch(/no statutory timescales/);
  const agreedBy = workingDaysFromToday(20);
  const saved = await invoke('action.save', { actionId: 'action-0001', owner: 'body:icb', what: 'Fund the speech and language therapy', category: 'other_agreed_date', agreedDueDate: agreedBy });
  expect(saved.status).toBe(200);
  expect((await s.bot.store.meetings.current(caseId))!.actions).toHaveLength(1);
  expect((await invoke('meeting.close', { outcome: 'full' })).status).toBe(200);
  await s.bot.app.deps.background.idle();
  expect((await s.bot.store.cases.get(caseId))!.state).toBe('DRS_OUTCOME');
  // The agreed date is followed with reminders; nothing statutory, nothing that escalates.
  const { deadlines } = await s.bot.store.reminders.listForCase(caseId);
  expect(deadlines.map((d) => [d.scheduleKey, d.due, d.escalates])).toEqual([['OTHER_AGREED_DATE', agreedBy, false]]);
});

it('publishes an outcome that is plainly not legally binding, with no certificate, and sends the action to the ICB', async () => {
  await s.pg.say(inThread(), 'outcome');
  const draft = await s.pg.waitForBotMessage((m) => m.conversationId === thread && /Publish version 1/.test(visibleText(m)));
  expect(visibleText(draft)).toMatch(/Not legally binding/);
  expect(visibleText(draft)).toMatch(/no mediation certificate follows/);
  const published = await s.pg.clickAction(draft, 'Publish version 1', { inputs: { overview: 'The LA and the ICB agreed who funds the therapy.' } });
  expect(published.status).toBe(200);
  expect(cardText(published)).toMatch(/Not legally binding/);
  await s.bot.app.deps.background.idle();
  const icb = s.pg.user('Advocate');
  const action = await s.pg.waitForBotMessage((m) => m.privateTo === icb.id && /Agreed action: case SM-2026-170/.test(visibleText(m)), { since: 0 });
  expect(visibleText(action)).toMatch(/no statutory deadline applies/);
  expect(visibleText(action)).not.toMatch(/Legal limit/);
  await s.pg.say(inThread(), 'certificate');
  await s.pg.waitForBotMessage((m) => m.conversationId === thread && /disagreement resolution \(DRS\): it has no mediation certificate/.test(visibleText(m)));
  expect(await s.bot.store.certificates.listForCase(caseId)).toHaveLength(0);
});
