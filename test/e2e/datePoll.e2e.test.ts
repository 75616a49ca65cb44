import { arrangeLimit } from '../../domain/poll';
import { defaultCalendar, formatDate } from '../../domain/timescales';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';

/**
 * `find a date` through the Agents Playground: a case opened with only the LA-informed date, a
 * poll of three slots (one after the 30-day limit, with its reason) to three parties, their
 * answers filling the mediators' grid live, the mediator picking a slot: the meeting is set,
 * the case card shows it, and every poll card says which slot was chosen.
 */
let s: ProductSession;
let k: OpenedCase;
const inThread = () => ({ conversationId: k.thread });
const PARTIES = ['Parent', 'LA officer', 'Advocate'] as const;
let limit: string;
let slots: { date: string; time: string }[];

beforeAll(async () => {
  s = await startProduct();
  k = await openCaseWithParties(s, 'SM-2026-095', '', { inputs: { laInformed: workingDaysFromToday(-2), meetingTime: '', caseType: 'M-ASSESS' }, roles: { Advocate: 'advocate' } });
  limit = arrangeLimit(k.c, defaultCalendar)!;
  slots = [
    { date: defaultCalendar.addWorkingDays(workingDaysFromToday(0), 5), time: '10:00' },
    { date: defaultCalendar.addWorkingDays(workingDaysFromToday(0), 6), time: '13:30' },
    { date: defaultCalendar.addWorkingDays(limit, 2), time: '10:00' },
  ];
});
afterAll(async () => {
  await s?.stop();
});

let grid: BotMessage;

it('sends a poll of three slots, the late one marked with its day count and reason', async () => {
  await s.pg.say(inThread(), 'find a date');
  const form = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Find a date for case SM-2026-095/.test(visibleText(m)));
  expect(visibleText(form)).toContain(`The 30-day limit is ${formatDate(limit)}`);
  const inputs = Object.fromEntries(slots.flatMap((x, i) => [[`slot${i + 1}Date`, x.date], [`slot${i + 1}Time`, x.time]]));
  const noReason = await s.pg.clickAction(form, 'Send the poll', { inputs });
  expect(JSON.stringify(noReason.value)).toContain('Say why they are offered');
  const sent = await s.pg.clickAction(form, 'Send the poll', { inputs: { ...inputs, lateReason: 'The family asked for a date in the holidays' } });
  expect(JSON.stringify(sent.value)).toContain('Date poll for case SM-2026-095');
  grid = form;
  const late = (await s.bot.store.polls.get(k.c.id))!.slots[2]!;
  expect(late.daysLate).toBeGreaterThan(0);
  for (const name of PARTIES) {
    const user = s.pg.user(name);
    const card = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /When can you come to the mediation meeting/.test(visibleText(m)), { since: 0 });
    expect(visibleText(card)).toContain(`late: ${late.daysLate} day`);
  }
});

it("fills the mediators' grid live as each party answers, best slot first", async () => {
  const answers: Record<(typeof PARTIES)[number], Record<string, string>> = {
    Parent: { answer_s1: 'no', answer_s2: 'yes', answer_s3: 'yes' },
    'LA officer': { answer_s1: 'yes', answer_s2: 'if_needed', answer_s3: 'yes' },
    Advocate: { answer_s1: 'yes', answer_s2: 'yes', answer_s3: 'yes' },
  };
  for (const name of PARTIES) {
    const user = s.pg.user(name);
    const card = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /When can you come/.test(visibleText(m)), { since: 0 });
    const saved = await s.pg.clickAction(card, 'Save my answers', { as: user.id, inputs: answers[name] });
    expect(JSON.stringify(saved.value)).toContain('You can change your answers until the mediator picks');
  }
  await s.bot.app.deps.background.idle();
  const live = await s.pg.waitForBotMessage(
    (m) => m.kind === 'update' && m.messageId === grid.messageId && /Advocate[^\n]*: Can attend/.test(visibleText(m)) && !/Not answered/.test(visibleText(m)),
    { since: 0 },
  );
  const text = visibleText(live);
  // Inside the limit first; of those, no "cannot" beats one "cannot"; the late slot last although everyone can.
  const order = [slots[1]!, slots[0]!, slots[2]!].map((x) => text.indexOf(`${formatDate(x.date)} at ${x.time}`));
  expect(order.every((i) => i >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toContain('Can: 2, if needed: 1, cannot: 0, not answered: 0');
});

it('picks a slot: the meeting is set, the case card shows it, and every poll card says which slot was chosen', async () => {
  const chosen = slots[1]!;
  const pick = await s.pg.clickAction(grid, `Pick ${formatDate(chosen.date)} at ${chosen.time}`);
  expect(JSON.stringify(pick.value)).toContain('The poll is closed');
  await s.bot.app.deps.background.idle();
  const c = (await s.bot.store.cases.get(k.c.id))!;
  expect(c.dates).toMatchObject({ meetingDate: chosen.date, meetingTime: chosen.time });
  expect(c.state).toBe('PREPARATION');
  await s.pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === k.card.messageId && visibleText(m).includes(`${formatDate(chosen.date)} at ${chosen.time}`), { since: 0 });
  for (const name of PARTIES) {
    const user = s.pg.user(name);
    const card = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /When can you come/.test(visibleText(m)), { since: 0 });
    await s.pg.waitForBotMessage(
      (m) => m.kind === 'update' && m.messageId === card.messageId && visibleText(m).includes(`The mediator picked **${formatDate(chosen.date)} at ${chosen.time}**`),
      { since: 0 },
    );
  }
});
