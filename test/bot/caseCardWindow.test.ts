import { caseCardFor } from '../../bot/cases/caseCards';
import type { ConnectorCall } from '../helpers/fakeConnector';
import { startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { caseFlow } from './caseFlow';

/**
 * The case card's coalescing window (CASE_CARD_WINDOW_SECONDS) with a real window: the rest of
 * the suite runs with 0 (every edit at once), so these tests are the ones that see the delay.
 */
let t: TestBot | undefined;
afterEach(async () => {
  await t?.stop();
  t = undefined;
});

async function botWithWindow(seconds: number): Promise<TestBot> {
  t = await startTestBot({ CASE_CARD_WINDOW_SECONDS: String(seconds), REMINDER_POLL_SECONDS: '0' });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer];
  return t;
}

/** A case in its own thread with the parent and the LA officer added (the mediator's edits go out at once). */
async function caseWithParties(bot: TestBot, threadRoot = 'root-1', reference = 'SM-2026-041') {
  const flow = caseFlow(bot, threadRoot);
  const { c, parent, officer } = await flow.addParentAndOfficer((await flow.openCase(reference)).id);
  bot.connector.reset();
  return { flow, c, parent, officer };
}

const edits = (bot: TestBot): ConnectorCall[] => bot.connector.calls.filter((x) => x.method === 'PUT' && x.path.endsWith('/activities/form-1'));
const cardOf = (call: ConnectorCall | undefined): unknown => (call?.body.attachments as { content: unknown }[] | undefined)?.[0]?.content;

/** The case card as the store holds the case now: what the last edit must show. */
async function cardNow(bot: TestBot, caseId: string): Promise<unknown> {
  const c = await bot.bot.store.cases.get(caseId);
  return JSON.parse(JSON.stringify(await caseCardFor(c!, bot.bot.app.deps)));
}

it('edits the card once for five preparation answers typed in a row, showing the last one', async () => {
  const bot = await botWithWindow(2);
  const { flow, c } = await caseWithParties(bot);
  const started = Date.now();
  expect((await flow.sayPersonal('prep', USERS.officer)).status).toBe(200);
  // Name, role, a reply that is re-asked, knows the family, full authority: the last, "no", adds a blocker.
  for (const text of ['Lee Officer', 'SEN case officer', 'perhaps', 'yes', 'no']) expect((await flow.sayPersonal(text, USERS.officer)).status).toBe(200);
  const answeredWithin = Date.now() - started;
  const beforeWindowEnds = edits(bot).length;
  await bot.bot.app.deps.background.idle();

  // Only meaningful if the answers came in inside the window (they take milliseconds).
  if (answeredWithin < 1500) expect(beforeWindowEnds).toBe(0);
  expect(edits(bot)).toHaveLength(1);
  const card = cardOf(edits(bot)[0]);
  expect(card).toEqual(await cardNow(bot, c.id));
  expect(JSON.stringify(card)).toMatch(/limited authority/);
  expect((await bot.bot.store.preparation.getRecord(c.id, c.parties.find((p) => p.role === 'la_officer')!.partyId))?.answers).toMatchObject({ fullAuthority: false });
});

it('follows an edit that was running when another change came in with one more edit', async () => {
  const bot = await botWithWindow(0.3);
  const { flow, c, parent, officer } = await caseWithParties(bot);
  const termsVersion = bot.bot.app.deps.terms.version;
  const notAgreed = (card: unknown): number => JSON.stringify(card).match(/Not yet agreed/g)?.length ?? 0;
  const before = notAgreed(await cardNow(bot, c.id));
  const slowEdit = bot.connector.holdNext((call) => call.method === 'PUT');
  await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: parent.partyId, termsVersion }, USERS.parent);
  await slowEdit.arrived;
  // The first edit (the parent's agreement) is on its way to Teams; the officer agrees meanwhile.
  await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: officer.partyId, termsVersion, authority: 'full' }, USERS.officer);
  await new Promise((r) => setTimeout(r, 400));
  slowEdit.release();
  await bot.bot.app.deps.background.idle();

  const [first, second] = edits(bot);
  expect(edits(bot)).toHaveLength(2);
  // The first edit shows the parent's agreement only; the follow-up re-read the case and shows both.
  expect(notAgreed(cardOf(first))).toBeGreaterThan(0);
  expect(notAgreed(cardOf(first))).toBeLessThan(before);
  expect(notAgreed(cardOf(second))).toBe(0);
  expect(cardOf(second)).toEqual(await cardNow(bot, c.id));
});

it('sends a pending edit at shutdown instead of dropping it or waiting out the window', async () => {
  const bot = await botWithWindow(30);
  const { flow, c, parent } = await caseWithParties(bot);
  await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: parent.partyId, termsVersion: bot.bot.app.deps.terms.version }, USERS.parent);
  await new Promise((r) => setTimeout(r, 100));
  expect(edits(bot)).toHaveLength(0);
  const card = await cardNow(bot, c.id);

  const closing = Date.now();
  await bot.stop();
  t = undefined;
  expect(Date.now() - closing).toBeLessThan(10_000);
  expect(edits(bot)).toHaveLength(1);
  expect(cardOf(edits(bot)[0])).toEqual(card);
});

it('gives each case its own window', async () => {
  const bot = await botWithWindow(0.5);
  const one = await caseWithParties(bot, 'root-1', 'SM-2026-041');
  const two = await caseWithParties(bot, 'root-2', 'SM-2026-042');
  const termsVersion = bot.bot.app.deps.terms.version;
  await one.flow.clickPersonal('terms.agree', { caseId: one.c.id, partyId: one.parent.partyId, termsVersion }, USERS.parent);
  await two.flow.clickPersonal('terms.agree', { caseId: two.c.id, partyId: two.parent.partyId, termsVersion }, USERS.parent);
  await bot.bot.app.deps.background.idle();

  expect(edits(bot).map((e) => e.conversationId).sort()).toEqual([one.flow.thread, two.flow.thread].sort());
  for (const k of [one, two]) expect(cardOf(edits(bot).find((e) => e.conversationId === k.flow.thread))).toEqual(await cardNow(bot, k.c.id));
});

it("sends a waiting edit at once when the mediator acts on the card meanwhile: one edit, showing both changes", async () => {
  const bot = await botWithWindow(30);
  const { flow, c, parent, officer } = await caseWithParties(bot);
  const termsVersion = bot.bot.app.deps.terms.version;
  await flow.clickPersonal('terms.agree', { caseId: c.id, partyId: parent.partyId, termsVersion }, USERS.parent);
  await new Promise((r) => setTimeout(r, 100));
  expect(edits(bot)).toHaveLength(0);
  // The mediator records the officer's agreement in the thread, looking at the case card.
  const recorded = await flow.clickInThread('terms.agree', { caseId: c.id, partyId: officer.partyId, termsVersion, authority: 'full', recordReason: 'agreed by phone on 2 December' });
  expect(recorded.status).toBe(200);
  const started = Date.now();
  await bot.bot.app.deps.background.idle();
  expect(Date.now() - started).toBeLessThan(10_000);
  expect(edits(bot)).toHaveLength(1);
  expect(JSON.stringify(cardOf(edits(bot)[0]))).not.toMatch(/Not yet agreed/);
  expect(cardOf(edits(bot)[0])).toEqual(await cardNow(bot, c.id));
});
