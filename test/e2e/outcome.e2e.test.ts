import { computeRule, formatDate } from '../../domain/timescales';
import { londonDate } from '../../domain/londonTime';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';

/**
 * After the meeting, through the Agents Playground: the meeting closes with partial agreement,
 * the mediator publishes the outcome, two parties confirm it and one asks for a correction,
 * the LA officer sends the amended plan link, and the certificate is issued with the right
 * appeal-by date and a printable page only its link opens.
 */
let s: ProductSession;
let k: OpenedCase;
const decisionNoticeSent = workingDaysFromToday(-25);
const inThread = () => ({ conversationId: k.thread });

beforeAll(async () => {
  s = await startProduct();
  k = await openCaseWithParties(s, 'SM-2026-077', workingDaysFromToday(1), {
    inputs: { decisionNoticeSent },
    roles: { Advocate: 'advocate' },
  });
  const parent = k.c.parties.find((p) => p.role === 'parent_carer')!;
  await s.pg.say(inThread(), 'add change');
  const form = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Section of the plan/.test(visibleText(m)));
  await s.pg.clickAction(form, 'Add the change', { inputs: { section: 'F', location: 'Outcome 1', requestedWording: 'Weekly SaLT, 1 hour', reason: 'SaLT report', requestedBy: parent.partyId } });
  await s.pg.say(inThread(), 'send changes');
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /sent to the local authority/.test(visibleText(m)));
  await s.pg.say(inThread(), 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Start the meeting anyway/.test(visibleText(m)));
  await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'Agreed by phone' } });
  const m = (await s.bot.store.meetings.current(k.c.id))!;
  const change = (await s.bot.store.preparation.listChanges(k.c.id))[0]!;
  const invoke = (verb: string, data: Record<string, unknown>) =>
    s.pg.invoke(inThread(), start.messageId, { action: { type: 'Action.Execute', verb, data: { caseId: k.c.id, meetingId: m.meetingId, ...data } }, trigger: 'manual' });
  // Each step must be accepted: a refused one answers 502 through the playground and the rest would run on less.
  expect((await invoke('action.save', { actionId: 'action-0001', owner: 'body:local_authority', what: 'Issue the amended plan', category: 'amend_plan' })).status).toBe(200);
  expect((await invoke('change.result', { changeId: change.changeId, result: 'agreed', agreedWording: 'Weekly SaLT, 45 minutes' })).status).toBe(200);
  expect((await invoke('meeting.close', { outcome: 'partial' })).status).toBe(200);
  await s.bot.app.deps.background.idle();
});
afterAll(async () => {
  await s?.stop();
});

const cardText = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });

it('tells the mediators when the outcome is due, and asks the LA officer for the amended plan', async () => {
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /outcome statement is due by/.test(visibleText(m)), { since: 0 });
  const priya = s.pg.user('LA officer');
  await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Attach the amended plan/.test(visibleText(m)), { since: 0 });
});

it('publishes the outcome to the thread and to every party', async () => {
  await s.pg.say(inThread(), 'outcome');
  const draft = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Publish version 1/.test(visibleText(m)));
  expect(visibleText(draft)).toMatch(/not minutes/i);
  const published = await s.pg.clickAction(draft, 'Publish version 1', { inputs: { overview: 'Both sides worked through section F.' } });
  expect(published.status).toBe(200);
  const sam = s.pg.user('Parent');
  await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /content with what is written/.test(visibleText(m)), { since: 0 });
});

it('records two confirmations and a correction request, which alerts the mediators', async () => {
  const answer = async (who: string, button: string, inputs?: Record<string, string>) => {
    const user = s.pg.user(who);
    const card = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /content with what is written/.test(visibleText(m)), { since: 0 });
    return s.pg.clickAction(card, button, { as: user.id, ...(inputs ? { inputs } : {}) });
  };
  expect(cardText(await answer('Parent', "I'm content with what is written"))).toMatch(/content/i);
  expect(cardText(await answer('Advocate', "I'm content with what is written"))).toMatch(/content/i);
  const missing = await answer('LA officer', 'Send the correction request');
  expect(JSON.stringify(missing)).toMatch(/Say briefly what needs correcting/);
  await answer('LA officer', 'Send the correction request', { correctionReason: 'Action 1 owner should be the SEN team' });
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Correction requested/.test(visibleText(m)));
  const record = (await s.bot.store.outcomes.get(k.c.id))!;
  expect(record.responses.map((r) => r.kind).sort()).toEqual(['content', 'content', 'correction']);
});

it('appends the amended plan link from the LA officer and tells the mediators', async () => {
  const priya = s.pg.user('LA officer');
  const card = await s.pg.waitForBotMessage((m) => m.privateTo === priya.id && /Attach the amended plan/.test(visibleText(m)), { since: 0 });
  const bad = await s.pg.clickAction(card, 'Attach the amended plan', { as: priya.id, inputs: { amendedPlanUrl: 'http://plans.example/ehcp.docx' } });
  expect(cardText(bad)).toMatch(/https/);
  await s.pg.clickAction(card, 'Attach the amended plan', { as: priya.id, inputs: { amendedPlanUrl: 'https://la.example.gov.uk/plans/SM-2026-077.docx' } });
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Amended plan received/.test(visibleText(m)));
});

it('issues the certificate with the appeal-by date, and its printable page opens only with its link', async () => {
  await s.pg.say(inThread(), 'certificate');
  const form: BotMessage = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Issue the certificate/.test(visibleText(m)));
  const issued = await s.pg.clickAction(form, 'Issue the certificate', { inputs: { variant: 'after_mediation' } });
  const text = cardText(issued);
  const today = londonDate(new Date());
  const appeal = computeRule('APPEAL', decisionNoticeSent, today);
  expect(text).toContain(formatDate(appeal.due));
  expect(text).toMatch(/not legal advice/i);
  const url = JSON.stringify(issued.value).match(/"url":"(http:[^"]+\/certificates\/[^"]+)"/)?.[1];
  expect(url).toBeDefined();
  const page = await fetch(url!);
  expect(page.status).toBe(200);
  expect(page.headers.get('cache-control')).toBe('no-store');
  expect(await page.text()).toContain('SM-2026-077');
  expect((await fetch(url!.replace(/\/certificates\/.+$/, '/certificates/not-the-right-token-at-all'))).status).toBe(404);
  const again = await s.pg.clickAction(form, 'Issue the certificate', { inputs: { variant: 'after_mediation' } });
  expect(cardText(again)).toContain((await s.bot.store.certificates.listForCase(k.c.id))[0]!.number);
  expect(await s.bot.store.certificates.listForCase(k.c.id)).toHaveLength(1);
});
