import type { CaseDetail, CaseListAnswer } from '../../domain/dashboard';
import { londonDate } from '../../domain/londonTime';
import { formatDate } from '../../domain/timescales';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { visibleText } from './playgroundDriver';
import { startProduct, type ProductSession } from './productSession';

/**
 * The meeting happens when it happens, through the Agents Playground: a meeting planned for a
 * later day is started today (the mediator confirms both days first), then closed; `my cases`
 * and the dashboard API show the day it was held and the real next step, never the meeting or
 * its preparation.
 */
let s: ProductSession;
let k: OpenedCase;
const planned = workingDaysFromToday(6);
const today = londonDate(new Date());
const inThread = () => ({ conversationId: k.thread });

beforeAll(async () => {
  s = await startProduct();
  k = await openCaseWithParties(s, 'SM-2026-116', planned);
  await s.pg.say(inThread(), 'send terms');
  await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /I sent the Terms of Engagement/.test(visibleText(m)));
});
afterAll(async () => {
  await s?.stop();
});

async function dashboard<T>(path: string, who: string): Promise<T> {
  const res = await fetch(`${s.bot.url}/tab/api${path}`, { headers: { 'x-dashboard-user': s.pg.user(who).aadObjectId } });
  expect(res.status).toBe(200);
  return (await res.json()) as T;
}

it('asks before starting on another day than planned, with both days in words, then makes today the meeting date', async () => {
  await s.pg.say(inThread(), 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Start the meeting anyway/.test(visibleText(m)));
  const todayShort = formatDate(today).replace(/ \d{4}$/, '');
  const question = planned.slice(0, 4) === today.slice(0, 4) ? `Start it today, ${todayShort}?` : `Start it today, ${formatDate(today)}?`;
  expect(visibleText(start)).toContain(`The meeting was planned for ${formatDate(planned)}. ${question}`);
  const started = await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'The family asked to meet earlier' } });
  expect(started.status).toBe(200);
  const c = (await s.bot.store.cases.get(k.c.id))!;
  expect(c.state).toBe('MEETING');
  expect(c.dates).toMatchObject({ meetingDate: today, plannedMeetingDate: planned });

  const m = (await s.bot.store.meetings.current(k.c.id))!;
  const closed = await s.pg.invoke(inThread(), start.messageId, {
    action: { type: 'Action.Execute', verb: 'meeting.close', data: { caseId: k.c.id, meetingId: m.meetingId, outcome: 'none' } },
    trigger: 'manual',
  });
  expect(closed.status).toBe(200);
  await s.bot.app.deps.background.idle();
});

it("shows the day it was held and the real next step in each person's my cases", async () => {
  const sam = s.pg.user('Parent');
  const chat = (await s.pg.waitForBotMessage((m) => m.privateTo === sam.id && /I agree to these terms/.test(visibleText(m)), { since: 0 })).conversationId;
  await s.pg.say({ conversationId: chat }, 'my cases', { as: sam.id });
  const parents = visibleText(await s.pg.waitForBotMessage((m) => m.conversationId === chat && /Your cases/.test(visibleText(m))));
  expect(parents).toContain(`Meeting held ${formatDate(today)}`);
  expect(parents).toContain(`planned for ${formatDate(planned)}`);
  expect(parents).toContain('Next Wait for the outcome statement');
  expect(parents).not.toMatch(/Meeting on|Terms of Engagement|Join the Teams meeting|Add to calendar/);

  await s.pg.say('personal', 'my cases');
  const mediators = visibleText(await s.pg.waitForBotMessage((m) => m.conversationId === s.pg.config().personalChatId && /Your cases/.test(visibleText(m))));
  expect(mediators).toContain(`Meeting held ${formatDate(today)}`);
  expect(mediators).toMatch(/Next Publish the outcome statement/);
});

it('shows the real date and next step on the dashboard, with no preparation blockers beside the later state', async () => {
  const list = await dashboard<CaseListAnswer>('/cases', 'Mediator');
  const row = list.cases.find((r) => r.caseId === k.c.id)!;
  expect(row.stateLabel).toBe('Concluded: no agreement');
  expect(row.meetingText).toContain(`Held ${formatDate(today)}`);
  expect(row.meetingText).toContain(`planned for ${formatDate(planned)}`);
  expect(row.nextTask).toMatch(/^Publish the outcome statement/);
  expect(row.preparation).toBeUndefined();

  const detail = await dashboard<CaseDetail>(`/cases/${k.c.id}`, 'Parent');
  expect(detail.timeline.find((p) => p.id === 'meeting')).toMatchObject({ label: 'Meeting held', date: today });
  expect(detail.timeline.some((p) => p.date === planned && p.id === 'meeting')).toBe(false);
  expect(detail.nextTask).toMatch(/^Wait for the outcome statement/);
  expect(detail.preparation).toBeUndefined();
  // The deadlines counted from the meeting follow the day it was held: the certificate is due 3 working days after today's close.
  const certificate = detail.deadlines.find((d) => d.tNumber === 'T7');
  expect(certificate?.due).toBe(workingDaysFromToday(3));
});
