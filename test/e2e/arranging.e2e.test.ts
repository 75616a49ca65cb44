import { formatDate } from '../../domain/timescales';
import { onlyEvent } from '../calendar/icsParse';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText, type BotMessage } from './playgroundDriver';

/**
 * Arranging the meeting, through the Agents Playground: a case opened with only the date the
 * LA was told, its meeting date, time and Teams link added with Edit case, the case card and
 * each party's `my cases` showing them, the calendar invitation served and parsed, then the
 * meeting moved and each party told once.
 */
let s: ProductSession;
let k: OpenedCase;
const LINK = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_e2e%40thread.v2/0';
const laInformed = workingDaysFromToday(-3);
const meetingDate = workingDaysFromToday(10);
const inThread = () => ({ conversationId: k.thread });

beforeAll(async () => {
  s = await startProduct();
  // The helper's form, without any meeting date or time: only the LA-informed date is known.
  k = await openCaseWithParties(s, 'SM-2026-090', '', { inputs: { laInformed, meetingTime: '', caseType: 'M-ASSESS' }, roles: { Advocate: 'advocate' } });
});
afterAll(async () => {
  await s?.stop();
});

const cardText = (r: { value?: unknown }) => visibleText({ attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: r.value }] });

/** Submits the edit form as the mediator would: the stored values with `changes`, confirming the clock moves it shows. */
async function saveEdit(changes: Record<string, string>): Promise<string> {
  const fields = { caseType: 'M-ASSESS', childInitials: 'JS', isYoungPerson: 'false', localAuthority: 'Northshire County Council', laInformed, meetingFormat: 'online', ...changes };
  const submit = (extra: Record<string, string> = {}) =>
    s.pg.invoke(inThread(), k.card.messageId, { action: { type: 'Action.Execute', verb: 'case.edit', data: { caseId: k.c.id, ...fields, ...extra } }, trigger: 'manual' });
  const first = await submit();
  expect(first.status).toBe(200);
  const token = /"confirm":"([^"]+)"/.exec(JSON.stringify(first.value))?.[1];
  if (!token) return cardText(first);
  return cardText(await submit({ confirm: token }));
}

function partyChat(name: string): Promise<BotMessage> {
  const user = s.pg.user(name);
  return s.pg.waitForBotMessage((m) => m.privateTo === user.id && /I agree to these terms/.test(visibleText(m)), { since: 0 });
}

it('opens a case with only the LA-informed date: the meeting is not fixed yet', async () => {
  expect(k.c.state).toBe('MEDIATION_REQUESTED');
  expect(visibleText(s.pg.message(k.card.messageId)!)).toMatch(/Meeting Not fixed yet \(online\)/);
});

it('adds the meeting date, time and Teams link with Edit case; the case card shows them for everyone', async () => {
  const form = await s.pg.clickAction(k.card, 'Edit case');
  expect(cardText(form)).toContain('Edit case SM-2026-090');
  const saved = await saveEdit({ meetingDate, meetingTime: '10:00', meetingJoinUrl: LINK });
  expect(saved).toContain(`Meeting ${formatDate(meetingDate)} at 10:00 (online)`);
  const updated = await s.pg.waitForBotMessage(
    (m) => m.kind === 'update' && m.messageId === k.card.messageId && visibleText(m).includes(`${formatDate(meetingDate)} at 10:00`),
    { since: 0 },
  );
  expect(visibleText(updated)).toContain('Where Teams meeting (join link below)');
  expect(visibleText(updated)).toContain('Join the Teams meeting');
  expect((await s.bot.store.cases.get(k.c.id))!.state).toBe('PREPARATION');
});

it("shows the meeting in each party's my cases, with a calendar invitation a calendar can read", async () => {
  await s.pg.say(inThread(), 'send terms');
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /I sent the Terms of Engagement/.test(visibleText(m)));
  const sam = s.pg.user('Parent');
  const chat = (await partyChat('Parent')).conversationId;
  await s.pg.say({ conversationId: chat }, 'my cases', { as: sam.id });
  const mine = await s.pg.waitForBotMessage((m) => m.conversationId === chat && /Your cases/.test(visibleText(m)));
  expect(visibleText(mine)).toContain(`Meeting ${formatDate(meetingDate)} at 10:00 (online)`);
  expect(visibleText(mine)).toContain('Join the Teams meeting');
  const calendarUrl = /"title":"Add to calendar","url":"([^"]+)"/.exec(JSON.stringify(mine.attachments))![1]!;
  const res = await fetch(calendarUrl);
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const event = onlyEvent(await res.text());
  expect(event.start.toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })).toBe('10:00');
  expect(event.url).toMatchObject({ val: LINK });
  expect(JSON.stringify(event)).not.toContain('JS');
});

it('tells each party once when the meeting moves, and the invitation moves with it (same UID, higher SEQUENCE)', async () => {
  const before = onlyEvent(await (await fetch((await calendarLinkOf('Parent'))!)).text());
  const since = s.pg.mark();
  const saved = await saveEdit({ meetingDate, meetingTime: '14:00', meetingJoinUrl: LINK });
  expect(saved).toContain(`${formatDate(meetingDate)} at 14:00`);
  for (const name of ['Parent', 'LA officer', 'Advocate']) {
    const user = s.pg.user(name);
    const notice = await s.pg.waitForBotMessage((m) => m.privateTo === user.id && /The mediation meeting has changed/.test(visibleText(m)), { since });
    expect(visibleText(notice)).toContain(`Now ${formatDate(meetingDate)} at 14:00`);
    expect(visibleText(notice)).toContain(`Was ${formatDate(meetingDate)} at 10:00`);
  }
  await s.bot.app.deps.background.idle();
  for (const name of ['Parent', 'LA officer', 'Advocate']) {
    const user = s.pg.user(name);
    const notices = s.pg.botMessages().filter((m) => m.seq >= since && m.privateTo === user.id && /The mediation meeting has changed/.test(visibleText(m)));
    expect(notices).toHaveLength(1);
  }
  const after = onlyEvent(await (await fetch((await calendarLinkOf('Parent'))!)).text());
  expect(after.uid).toBe(before.uid);
  expect(Number(after.sequence)).toBe(Number(before.sequence) + 1);
  expect(after.start.toLocaleString('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' })).toBe('14:00');
});

/** The latest "Add to calendar" link the party got in their 1:1 chat. */
async function calendarLinkOf(name: string): Promise<string | undefined> {
  const chat = (await partyChat(name)).conversationId;
  const cards = s.pg.botMessages().filter((m) => m.conversationId === chat);
  const links = cards.flatMap((m) => [...JSON.stringify(m.attachments).matchAll(/"title":"Add to calendar","url":"([^"]+)"/g)].map((x) => x[1]!));
  return links.at(-1);
}
