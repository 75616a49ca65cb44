import { defaultCalendar, formatDate } from '../../domain/timescales';
import { londonInstant } from '../../domain/reminders';
import { londonDate } from '../../domain/londonTime';
import { openCaseWithParties, workingDaysFromToday, type OpenedCase } from './caseSetup';
import { startProduct, type ProductSession } from './productSession';
import { visibleText } from './playgroundDriver';

/**
 * Reminders through the Agents Playground with the product's clock moved forward: the meeting
 * closes today, the clock jumps to 09:00 on the working day before the certificate is due, and
 * the scheduler (polling every second, as it would every minute in production) posts the
 * certificate reminder in the case thread where the mediator works, once.
 */
let s: ProductSession;
let k: OpenedCase;
let offsetMs = 0;
const now = () => new Date(Date.now() + offsetMs);

beforeAll(async () => {
  s = await startProduct({ REMINDER_POLL_SECONDS: '1' }, { now });
  k = await openCaseWithParties(s, 'SM-2026-090', workingDaysFromToday(1));
  await s.pg.say({ conversationId: k.thread }, 'start meeting');
  const start = await s.pg.waitForBotMessage((m) => m.conversationId === k.thread && /Start the meeting anyway/.test(visibleText(m)));
  await s.pg.clickAction(start, 'Start the meeting anyway', { inputs: { startedAnywayReason: 'Agreed by phone' } });
  const m = (await s.bot.store.meetings.current(k.c.id))!;
  await s.pg.invoke({ conversationId: k.thread }, start.messageId, {
    action: { type: 'Action.Execute', verb: 'meeting.close', data: { caseId: k.c.id, meetingId: m.meetingId, outcome: 'none' } },
    trigger: 'manual',
  });
  await s.bot.app.deps.background.idle();
});
afterAll(async () => {
  await s?.stop();
});

it('posts the certificate reminder in the case thread on the working day before it is due, once', async () => {
  const certificate = (await s.bot.store.reminders.listForCase(k.c.id)).deadlines.find((d) => d.ruleId === 'CERT_AFTER_MEDIATION');
  const closedOn = londonDate(new Date());
  expect(certificate?.due).toBe(defaultCalendar.addWorkingDays(closedOn, 3));

  const dayBefore = defaultCalendar.subtractWorkingDays(certificate!.due, 1);
  offsetMs = londonInstant(dayBefore).getTime() + 60_000 - Date.now();
  const reminder = await s.pg.waitForBotMessage(
    (m) => m.conversationId === k.thread && /Reminder: Certificate after mediation/.test(visibleText(m)),
    { timeoutMs: 15_000 },
  );
  expect(visibleText(reminder)).toContain(formatDate(certificate!.due));

  // Further polls send nothing more for it.
  await new Promise((r) => setTimeout(r, 2500));
  const sent = (await s.bot.store.reminders.listForCase(k.c.id)).reminders.filter((r) => r.deadlineId === certificate!.deadlineId && r.status === 'sent');
  expect(sent).toHaveLength(1);
  expect(sent[0]?.recipients).toEqual([expect.objectContaining({ conversationId: k.thread, status: 'sent' })]);
});
