/**
 * Pictures of the main cards as the Agents Playground renders them (Microsoft's Adaptive Cards
 * renderer with Teams' styling), saved to docs/images so the docs stay current: a case is carried
 * from opening to certificate through the playground, each card the bot sent is collected, then
 * shown in the playground's chat in Debian's Chromium and photographed. The bot's clock is fixed
 * (Thu 3 Dec 2026), so the pictures only change when the cards do.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { defaultCalendar } from '../../domain/timescales';
import { openCaseWithParties } from './caseSetup';
import { visibleText, type BotMessage } from './playgroundDriver';
import { startProduct, type ProductSession } from './productSession';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium (npm test's pretest does this)`);

const IMAGES = path.resolve(__dirname, '..', '..', 'docs', 'images');
const NOW = new Date('2026-12-03T10:00:00Z');
const TODAY = '2026-12-03';

type Card = Record<string, unknown>;
const cards: Record<string, Card> = {};
let s: ProductSession;
let browser: Browser;
let page: Page;

function cardOf(m: { attachments?: readonly { content?: unknown }[]; value?: unknown }): Card {
  const content = m.value ?? m.attachments?.[0]?.content;
  if (!content || typeof content !== 'object') throw new Error('no card in that message');
  return content as Card;
}

/** The latest version of a message (the bot edits the case card in place). */
function latest(messageId: string): BotMessage {
  const last = s.pg.message(messageId);
  if (!last) throw new Error(`no message ${messageId}`);
  return last;
}

beforeAll(async () => {
  s = await startProduct({}, { now: () => NOW });
  const pg = s.pg;
  const meetingDate = defaultCalendar.addWorkingDays(TODAY, 5);
  const k = await openCaseWithParties(s, 'SM-2026-114', meetingDate, {
    inputs: { laInformed: defaultCalendar.subtractWorkingDays(TODAY, 8), decisionNoticeSent: defaultCalendar.subtractWorkingDays(TODAY, 25) },
    roles: { Advocate: 'advocate' },
  });
  const thread = { conversationId: k.thread };
  const sam = pg.user('Parent');
  const priya = pg.user('LA officer');

  await pg.say(thread, 'send terms');
  cards.terms = cardOf(await pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 }));
  const samTerms = await pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
  await pg.clickAction(samTerms, 'I agree to these terms', { as: sam.id });

  await pg.say(thread, 'start preparation');
  cards.preparation = cardOf(await pg.waitForBotMessage((m) => m.privateTo === priya.id && /Name of the person attending/.test(visibleText(m)), { since: 0 }));
  await s.bot.app.deps.background.idle();
  cards.case = cardOf(latest(k.card.messageId));

  await pg.say(thread, 'start meeting');
  const start = await pg.waitForBotMessage((m) => m.conversationId === k.thread && /Start the meeting anyway/.test(visibleText(m)));
  await pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'Terms agreed by phone' } });
  const meeting = (await s.bot.store.meetings.current(k.c.id))!;
  const invoke = (verb: string, data: Record<string, unknown>) =>
    pg.invoke(thread, start.messageId, { action: { type: 'Action.Execute', verb, data: { caseId: k.c.id, meetingId: meeting.meetingId, ...data } }, trigger: 'manual' });
  expect((await invoke('action.save', { actionId: 'action-0001', owner: 'body:local_authority', what: 'Issue the amended plan with the agreed section F wording', category: 'amend_plan' })).status).toBe(200);
  expect((await invoke('meeting.tick', { itemId: 'opening', on: 1 })).status).toBe(200);
  cards.checklist = cardOf(await invoke('meeting.checklist', {}));
  await invoke('meeting.close', { outcome: 'partial' });
  await s.bot.app.deps.background.idle();

  await pg.say(thread, 'outcome');
  const draft = await pg.waitForBotMessage((m) => m.conversationId === k.thread && /Publish version 1/.test(visibleText(m)));
  await pg.clickAction(draft, 'Publish version 1', { inputs: { overview: 'The family and the local authority worked through section F and agreed the speech and language therapy.' } });
  cards.outcome = cardOf(await pg.waitForBotMessage((m) => m.privateTo === sam.id && /content with what is written/.test(visibleText(m)), { since: 0 }));

  await pg.say(thread, 'certificate');
  const form = await pg.waitForBotMessage((m) => m.conversationId === k.thread && /Issue the certificate/.test(visibleText(m)));
  cards.certificate = cardOf(await pg.clickAction(form, 'Issue the certificate', { inputs: { variant: 'after_mediation' } }));
  await s.bot.app.deps.background.idle();

  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  // The chat pane beside the playground's log panel is about as wide as Teams' on a laptop.
  // Tall enough for the longest card (the checklist), so none is photographed half-scrolled under the header.
  page = await browser.newPage({ viewport: { width: 1100, height: 2400 }, deviceScaleFactor: 1 });
  await page.goto(s.pg.url);
  await page.getByText('Log Panel').waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await s?.stop();
});

/** Posts the card into the playground's personal chat as the bot, and photographs it as rendered. */
async function photograph(name: string): Promise<{ file: string; text: string }> {
  const card = cards[name];
  if (!card) throw new Error(`no ${name} card was collected`);
  const rendered = page.locator('.ac-adaptiveCard');
  const before = await rendered.count();
  await s.pg.postAsBot('personal', { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });
  await rendered.nth(before).waitFor();
  const element = rendered.nth(before);
  await element.scrollIntoViewIfNeeded();
  const file = path.join(IMAGES, `${name === 'case' ? 'case-card' : name}.png`);
  mkdirSync(IMAGES, { recursive: true });
  writeFileSync(file, await element.screenshot({ animations: 'disabled' }));
  return { file, text: await element.innerText() };
}

it.each([
  ['case', /SM-2026-114/],
  ['terms', /Terms of Engagement/],
  ['preparation', /Name of the person attending/],
  ['checklist', /Opening/],
  ['outcome', /content with what is written/],
  ['certificate', /not legal advice/i],
])('saves the %s card as the playground renders it', async (name, expected) => {
  const { file, text } = await photograph(name);
  expect(text).toMatch(expected);
  const png = PNG.sync.read(await import('node:fs').then((fs) => fs.readFileSync(file)));
  expect(png.width).toBeGreaterThan(300);
  expect(png.height).toBeGreaterThan(100);
});
