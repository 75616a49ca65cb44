import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot } from '../../bot/server';
import type { Case } from '../../domain/cases';
import { removeDir } from '../helpers/tempDir';
import { startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { bodyText, caseFlow } from './caseFlow';

/**
 * Reminders end to end inside the bot: a case change recomputes the deadlines, the scheduler
 * (driven pass by pass with a movable clock) sends each due reminder to the right chat
 * through the fake Bot Connector, once, whatever the connector throws at it.
 */

const ESCALATIONS = '19:escalations@thread.tacv2';
let clock = new Date('2026-11-20T10:00:00Z');
const setClock = (iso: string) => {
  clock = new Date(iso);
};
let t: TestBot;

beforeEach(async () => {
  clock = new Date('2026-11-20T10:00:00Z');
  t = await startTestBot({ REMINDER_POLL_SECONDS: '0', ESCALATION_CONVERSATION_ID: ESCALATIONS }, { now: () => clock });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer, USERS.stranger];
});
afterEach(async () => {
  await t.stop();
});

const cardTitles = (messages: Record<string, unknown>[]): string[] =>
  messages.map((m) => {
    const body = (m.attachments as { content?: { body?: { text?: string; items?: { text?: string }[] }[] } }[] | undefined)?.[0]?.content?.body ?? [];
    const first = body[0];
    return first?.text ?? first?.items?.[0]?.text ?? '';
  });

/** A plan-content case with a parent and an LA officer, its meeting closed with full agreement on Thu 10 Dec 2026 at 12:00. */
async function closedCase(): Promise<{ flow: ReturnType<typeof caseFlow>; c: Case }> {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', {
    caseId: c.id,
    page: 0,
    [`role_${USERS.parent.aadObjectId}`]: 'parent_carer',
    [`role_${USERS.officer.aadObjectId}`]: 'la_officer',
  });
  setClock('2026-12-10T10:00:00Z');
  const start = await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: '2026-12-10' }, USERS.mediator, 'checklist-1');
  expect(start.status).toBe(200);
  const m = (await t.bot.store.meetings.current(c.id))!;
  setClock('2026-12-10T12:00:00Z');
  const closed = await flow.clickInThread('meeting.close', { caseId: c.id, meetingId: m.meetingId, outcome: 'full' }, USERS.mediator, 'checklist-1');
  expect(closed.status).toBe(200);
  await t.bot.app.deps.background.idle();
  return { flow, c };
}

async function pass() {
  const r = await t.bot.app.deps.reminders.runOnce();
  await t.bot.app.deps.background.idle();
  return r;
}

it('tracks the case deadlines from the moment the case is opened, and lists them in the thread', async () => {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  const { deadlines, reminders } = await t.bot.store.reminders.listForCase(c.id);
  // M-CONTENT: the requested changes (T10) are due 3 working days before the 10 Dec meeting.
  const t10 = deadlines.find((d) => d.ruleId === 'REQUESTED_CHANGES');
  expect(t10).toMatchObject({ due: '2026-12-07', ideal: '2026-12-03' });
  expect(reminders.filter((r) => r.deadlineId === t10?.deadlineId).map((r) => r.sendAt)).toEqual(['2026-12-03T09:00:00.000Z', '2026-12-07T09:00:00.000Z']);

  t.connector.reset();
  await flow.say('reminders');
  const text = JSON.stringify(t.connector.messages(flow.thread));
  expect(text).toContain('Reminders: case SM-2026-041');
  expect(text).toContain('Mon 7 Dec 2026');
  expect(text).toContain('Coming up');
});

it('sends the T9 chase to the LA officer 2 hours after the close and on the next working day, and stops once the plan arrives', async () => {
  const { flow, c } = await closedCase();
  setClock('2026-12-10T14:00:01Z');
  await pass();
  const officerChats = t.connector.calls.filter((c) => c.ok && c.method === 'POST' && c.path.endsWith('/v3/conversations'));
  expect(officerChats).toHaveLength(1);
  const chatId = (await t.bot.store.conversations.findPersonalChat(USERS.officer.aadObjectId))!.reference.conversation.id;
  const reminderTitles = () => cardTitles(t.connector.delivered(chatId)).filter((x) => x.startsWith('Reminder'));
  expect(reminderTitles()).toEqual(['Reminder: Send the amended plan wording to the mediator']);

  // A second pass at the same moment sends nothing more.
  const again = await pass();
  expect(again.sent).toBe(0);
  expect(reminderTitles()).toHaveLength(1);

  // Fri 11 Dec 09:00: the next-working-day chase.
  setClock('2026-12-11T09:00:01Z');
  await pass();
  expect(reminderTitles()).toEqual(['Reminder: Send the amended plan wording to the mediator', 'Reminder: Send the amended plan wording to the mediator']);

  // Once the LA officer supplies the plan, nothing more is chased.
  await flow.clickPersonal('outcome.amendedPlan', { caseId: c.id, amendedPlanUrl: 'https://la.example.gov.uk/plans/123' }, USERS.officer);
  await t.bot.app.deps.background.idle();
  const { deadlines } = await t.bot.store.reminders.listForCase(c.id);
  expect(deadlines.find((d) => d.scheduleKey === 'AMENDED_PLAN')?.satisfied?.reason).toBe('the amended plan was supplied');
});

it('reminds the mediators in the case thread before the outcome and certificate are due, once each', async () => {
  const { flow } = await closedCase();
  t.connector.reset();
  // T8: 4 h and 20 h after the close; T7: the working day before Tue 15 Dec.
  setClock('2026-12-14T09:00:01Z');
  await pass();
  const titles = cardTitles(t.connector.delivered(flow.thread));
  expect(titles.filter((x) => x === 'Reminder: Send the outcome statement')).toHaveLength(2);
  expect(titles.filter((x) => x === 'Reminder: Certificate after mediation')).toHaveLength(1);
  const card = JSON.stringify(t.connector.delivered(flow.thread).find((m) => JSON.stringify(m).includes('Reminder: Certificate after mediation')));
  expect(card).toContain('Tue 15 Dec 2026');
  expect(card).toContain('Mark done');

  await pass();
  expect(cardTitles(t.connector.delivered(flow.thread))).toHaveLength(titles.length);
});

it('rides out 429 with Retry-After and 503s: every due reminder is delivered exactly once', async () => {
  const { flow, c } = await closedCase();
  t.connector.reset();
  const toThread = (call: { method: string; path: string }) => call.method === 'POST' && call.path.includes('messageid=root-1');
  t.connector.failWhen(toThread, 429, { headers: { 'Retry-After': '1' } });
  t.connector.failWhen(toThread, 503, { times: 2 });
  setClock('2026-12-14T09:00:01Z');
  await pass();
  expect(t.connector.calls.filter((x) => !x.ok)).toHaveLength(3);
  const titles = cardTitles(t.connector.delivered(flow.thread));
  expect(titles.sort()).toEqual(['Reminder: Certificate after mediation', 'Reminder: Send the outcome statement', 'Reminder: Send the outcome statement']);
  const { reminders } = await t.bot.store.reminders.listForCase(c.id);
  const sent = reminders.filter((r) => r.status === 'sent');
  // The three in the thread and the two T9 chases to the officer, each once.
  expect(sent).toHaveLength(5);
  expect(reminders.filter((r) => r.status === 'failed')).toEqual([]);
});

it('a 403 in a party’s chat marks it inactive and tells the mediators; the others still get theirs', async () => {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' });
  await flow.sayPersonal('help', USERS.parent);
  const parentChat = `a:personal-${USERS.parent.aadObjectId}`;
  t.connector.reset();
  t.connector.failWhen((call) => call.path.includes(parentChat), 403);

  setClock('2026-12-03T09:00:01Z'); // T10's ideal date: the family is reminded
  const r = await pass();
  expect(r.gone).toBe(1);
  expect((await t.bot.store.conversations.get(parentChat))?.active).toBe(false);
  const thread = JSON.stringify(t.connector.delivered(flow.thread));
  expect(thread).toContain('Not delivered');
  expect(thread).toContain('removed from their chat or blocked');
  expect(thread).toContain('Sam Jones');
  const { reminders } = await t.bot.store.reminders.listForCase(c.id);
  const t10 = reminders.find((x) => x.reminderId.includes('REQUESTED_CHANGES') && x.status !== 'pending');
  expect(t10).toMatchObject({ status: 'failed', recipients: [{ status: 'gone' }] });

  await flow.say('reminders');
  expect(JSON.stringify(t.connector.messages(flow.thread))).toContain('Not delivered');
});

it('escalates an overdue statutory deadline to the case thread and the escalation channel', async () => {
  const { flow } = await closedCase();
  // The bot has never received a message in the escalation channel: it posts there by the channel id.
  expect(await t.bot.store.conversations.get(ESCALATIONS)).toBeNull();
  t.connector.reset();
  setClock('2026-12-16T09:00:01Z'); // Wed: the first working day after the certificate's due date
  await pass();
  expect(cardTitles(t.connector.delivered(flow.thread))).toContain('Overdue: Certificate after mediation');
  expect(cardTitles(t.connector.delivered(ESCALATIONS))).toEqual(['Overdue: Certificate after mediation']);
});

it('stops the reminders of a deadline marked done, and refuses anyone else', async () => {
  const { flow, c } = await closedCase();
  const { deadlines } = await t.bot.store.reminders.listForCase(c.id);
  const cert = deadlines.find((d) => d.ruleId === 'CERT_AFTER_MEDIATION')!;

  const stranger = await flow.clickInThread('reminder.done', { caseId: c.id, deadlineId: cert.deadlineId }, USERS.stranger);
  expect(bodyText(stranger)).toContain('403');
  const officer = await flow.clickInThread('reminder.done', { caseId: c.id, deadlineId: cert.deadlineId }, USERS.officer);
  expect(bodyText(officer)).toContain('Only the person responsible');
  expect((await t.bot.store.reminders.getDeadline(cert.deadlineId))?.done).toBeUndefined();

  const done = await flow.clickInThread('reminder.done', { caseId: c.id, deadlineId: cert.deadlineId, view: 'list' });
  expect(done.status).toBe(200);
  expect(bodyText(done)).toContain('Marked done');
  const twice = await flow.clickInThread('reminder.done', { caseId: c.id, deadlineId: cert.deadlineId, view: 'list' });
  expect(twice.status).toBe(200);

  t.connector.reset();
  setClock('2026-12-16T09:00:01Z');
  await pass();
  expect(cardTitles(t.connector.delivered(flow.thread)).filter((x) => x.includes('Certificate'))).toEqual([]);
});

it('issuing the certificate finishes its deadline: no reminder or escalation follows', async () => {
  const { flow, c } = await closedCase();
  setClock('2026-12-11T10:00:00Z');
  const issued = await flow.clickInThread('certificate.issue', { caseId: c.id, variant: 'after_mediation' });
  expect(issued.status).toBe(200);
  await t.bot.app.deps.background.idle();
  const { deadlines } = await t.bot.store.reminders.listForCase(c.id);
  expect(deadlines.find((d) => d.ruleId === 'CERT_AFTER_MEDIATION')?.satisfied?.reason).toContain('certificate was issued');
  t.connector.reset();
  setClock('2026-12-16T09:00:01Z');
  await pass();
  expect(cardTitles(t.connector.delivered(flow.thread)).filter((x) => x.includes('Certificate'))).toEqual([]);
});

it('delivers each reminder once across a restart and across two schedulers sharing one store', async () => {
  const { flow } = await closedCase();
  setClock('2026-12-10T14:00:01Z');
  await pass();
  const before = t.connector.delivered().length;

  // A second instance on the same store (as two bot processes share MongoDB).
  const second = await startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: t.config.dataDir, LOG_LEVEL: 'silent', REMINDER_POLL_SECONDS: '0' }), {
    log: createLogger('silent'),
    now: () => clock,
    store: t.bot.store,
  });
  try {
    setClock('2026-12-14T09:00:01Z');
    const [a, b] = await Promise.all([t.bot.app.deps.reminders.runOnce(), second.app.deps.reminders.runOnce()]);
    await Promise.all([t.bot.app.deps.background.idle(), second.app.deps.background.idle()]);
    expect(a.sent + b.sent).toBe(4); // T8 ×2 and T7 in the thread, T9's next-day chase to the officer
    // Each claim is atomic, so whatever one instance claimed it sent: nothing failed or was put back.
    expect(a.sent).toBe(a.found);
    expect(b.sent).toBe(b.found);
  } finally {
    await second.close();
  }
  const titles = cardTitles(t.connector.delivered(flow.thread));
  expect(titles.filter((x) => x === 'Reminder: Certificate after mediation')).toHaveLength(1);
  expect(t.connector.delivered().length).toBe(before + 4);

  // Restart on the same data: nothing already sent goes out again.
  const dataDir = t.config.dataDir;
  await t.bot.close();
  // The first bot is closed: afterEach's stop() frees only what is left, the connector and the data dir.
  const connector = t.connector;
  t = {
    ...t,
    stop: async () => {
      await connector.stop();
      await removeDir(dataDir);
    },
  };
  const restarted = await startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', REMINDER_POLL_SECONDS: '0' }), {
    log: createLogger('silent'),
    now: () => clock,
  });
  try {
    const r = await restarted.app.deps.reminders.runOnce();
    expect(r.sent).toBe(0);
  } finally {
    await restarted.close();
  }
});

it('lists the LA officer’s agreed actions with their due dates in their "my cases"', async () => {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.officer.aadObjectId}`]: 'la_officer' });
  setClock('2026-12-10T10:00:00Z');
  await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: '2026-12-10' }, USERS.mediator, 'checklist-1');
  const m = (await t.bot.store.meetings.current(c.id))!;
  const saved = await flow.clickInThread('action.save', { caseId: c.id, meetingId: m.meetingId, actionId: 'action-0001', owner: 'body:local_authority', what: 'Issue the amended plan with the agreed SaLT wording', category: 'amend_plan' }, USERS.mediator, 'checklist-1');
  expect(bodyText(saved)).toContain('Due by Thu 14 Jan 2027 (statutory, T13d)');
  await flow.clickInThread('meeting.close', { caseId: c.id, meetingId: m.meetingId, outcome: 'partial' }, USERS.mediator, 'checklist-1');
  await t.bot.app.deps.background.idle();
  const { deadlines } = await t.bot.store.reminders.listForCase(c.id);
  const action = deadlines.find((d) => d.actionId === 'action-0001');
  expect(action?.responsible).toEqual({ kind: 'role', role: 'la_officer' });

  t.connector.reset();
  await flow.sayPersonal('my cases', USERS.officer);
  const card = JSON.stringify(t.connector.messages());
  expect(card).toContain('Your deadlines');
  expect(card).toContain('Issue the amended plan with the agreed SaLT wording');
  expect(action?.due).toBe('2027-01-14');
  expect(card).toContain('Thu 14 Jan 2027');
  // The parent has none of the LA's tasks.
  t.connector.reset();
  await flow.sayPersonal('my cases', USERS.parent);
  expect(JSON.stringify(t.connector.messages())).not.toContain('Issue the amended plan');
});

it('shows on the case card when the outcome and the certificate are due, and then whether the certificate was on time', async () => {
  const { flow, c } = await closedCase();
  t.connector.reset();
  await flow.say('status');
  let card = JSON.stringify(t.connector.messages(flow.thread));
  expect(card).toContain('Outcome statement due by Fri 11 Dec 2026 at 12:00 (due in 24 h)');
  expect(card).toContain('Certificate due by Tue 15 Dec 2026');

  setClock('2026-12-11T10:00:00Z');
  await flow.clickInThread('certificate.issue', { caseId: c.id, variant: 'after_mediation' });
  await t.bot.app.deps.background.idle();
  t.connector.reset();
  await flow.say('status');
  card = JSON.stringify(t.connector.messages(flow.thread));
  expect(card).toMatch(/Certificate SM-CERT-2026-\d+ issued Fri 11 Dec 2026: on time/);

  const early = await flow.clickInThread('outcome.view', { caseId: c.id });
  expect(bodyText(early)).toContain('has not been published yet');
  const stranger = await flow.clickInThread('outcome.view', { caseId: c.id }, USERS.stranger);
  expect(bodyText(stranger)).toContain('403');
});

it('asks before starting a meeting on another day than planned; once started, the day held is the meeting date and the deadlines follow it', async () => {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' });
  setClock('2026-12-02T14:05:00Z');
  const asked = await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone' }, USERS.mediator, 'checklist-1');
  expect(bodyText(asked)).toContain('The meeting was planned for Thu 10 Dec 2026. Start it today, Wed 2 Dec?');
  expect(await t.bot.store.meetings.current(c.id)).toBeNull();
  // A card confirmed yesterday asks again.
  await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: '2026-12-01' }, USERS.mediator, 'checklist-1');
  expect(await t.bot.store.meetings.current(c.id)).toBeNull();
  await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: '2026-12-02' }, USERS.mediator, 'checklist-1');
  expect((await t.bot.store.meetings.current(c.id))?.state).toBe('in_progress');
  await t.bot.app.deps.background.idle();
  const held = (await t.bot.store.cases.get(c.id))!;
  expect(held.dates).toMatchObject({ meetingDate: '2026-12-02', meetingTime: '14:05', plannedMeetingDate: '2026-12-10' });
  expect((await t.bot.store.auditLog.listForCase(c.id)).find((e) => e.action === 'meeting.started' && /held/.test(e.detail ?? ''))?.detail).toBe('session 1; planned 2026-12-10, held 2026-12-02');
  const { deadlines } = await t.bot.store.reminders.listForCase(c.id);
  const arranged = deadlines.find((d) => d.ruleId === 'ARRANGE_MEDIATION');
  expect(arranged?.satisfied?.reason).toBe('the meeting has taken place');
});
