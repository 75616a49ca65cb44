import { londonDate } from '../../domain/londonTime';
import { CHECKLIST_ITEM_IDS } from '../../domain/meeting';
import { activity, startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { bodyText, caseFlow } from './caseFlow';

let t: TestBot;
/** The day a start card confirms: the meeting is planned for another day than the test's clock. */
const today = () => londonDate(t.bot.app.deps.now());
/** Moves the bot's clock on, for a card clicked on a later day. */
let later = 0;
beforeEach(async () => {
  later = 0;
  t = await startTestBot({}, { now: () => new Date(Date.now() + later) });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer, USERS.stranger];
});
afterEach(async () => {
  await t.stop();
});

/** A case with a parent, and the "stranger" made a co-mediator; the meeting started anyway. */
async function runningMeeting() {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer', [`role_${USERS.stranger.aadObjectId}`]: 'co_mediator' });
  const start = await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: today() }, USERS.mediator, 'checklist-1');
  expect(start.status).toBe(200);
  const m = (await t.bot.store.meetings.current(c.id))!;
  const tick = (itemId: string, as: (typeof USERS)[keyof typeof USERS] = USERS.mediator, on = 1) => flow.clickInThread('meeting.tick', { caseId: c.id, meetingId: m.meetingId, itemId, on }, as, 'checklist-1');
  return { flow, c, m, tick };
}

it('lets two mediators tick at the same time without losing either tick', async () => {
  const { c, tick } = await runningMeeting();
  const results = await Promise.all(CHECKLIST_ITEM_IDS.map((id, i) => tick(id, i % 2 ? USERS.stranger : USERS.mediator)));
  expect(results.every((r) => r.status === 200)).toBe(true);
  const m = (await t.bot.store.meetings.current(c.id))!;
  expect(Object.keys(m.ticks).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
});

it('refuses a party and a stranger, changing nothing', async () => {
  const { c, m, tick } = await runningMeeting();
  const parent = await tick('opening', USERS.parent);
  expect(parent.status).toBe(403);
  expect(bodyText(parent)).toMatch(/Only the mediators of case/);
  const officer = await tick('opening', USERS.officer);
  expect(officer.status).toBe(403);
  expect((await t.bot.store.meetings.current(c.id))!.version).toBe(m.version);
});

it('applies a replayed tick once, and a stale untick acts on the current record', async () => {
  const { flow, c, m } = await runningMeeting();
  const click = activity('channel', {
    type: 'invoke',
    name: 'adaptiveCard/action',
    replyToId: 'checklist-1',
    conversation: { id: flow.thread, conversationType: 'channel', tenantId: 'tenant-1', isGroup: true },
    value: { action: { type: 'Action.Execute', verb: 'meeting.tick', data: { caseId: c.id, meetingId: m.meetingId, itemId: 'opening', on: 1 } } },
  });
  const first = await t.post(click);
  const again = await t.post(click);
  expect(bodyText(again)).toBe(bodyText(first));
  const after = (await t.bot.store.meetings.current(c.id))!;
  expect(after.version).toBe(m.version + 1);
  expect((await t.bot.store.auditLog.listForCase(c.id)).filter((a) => a.action === 'meeting.ticked')).toHaveLength(1);
});

it('never offers a free-text notes field on any meeting card', async () => {
  const { flow, c, m } = await runningMeeting();
  const cards = [
    await flow.clickInThread('meeting.checklist', { caseId: c.id, meetingId: m.meetingId }),
    await flow.clickInThread('meeting.closeForm', { caseId: c.id, meetingId: m.meetingId }),
    await flow.clickInThread('action.form', { caseId: c.id, meetingId: m.meetingId }),
  ];
  for (const card of cards) {
    // Each is the form itself (with inputs), not a refusal that would pass for having no notes field.
    expect(card.body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
    expect(bodyText(card)).toMatch(/"type":"Input\./);
    expect(bodyText(card)).not.toMatch(/"id":"notes?"|minutes of|notes of the meeting/i);
  }
});

it('adjourns back to preparation with the next date, and the next start is session 2', async () => {
  const { flow, c, m } = await runningMeeting();
  const next = '2027-01-12';
  const closed = await flow.clickInThread('meeting.close', { caseId: c.id, meetingId: m.meetingId, outcome: 'adjourned', nextDate: next }, USERS.mediator, 'checklist-1');
  expect(closed.status).toBe(200);
  await t.bot.app.deps.background.idle();
  const after = (await t.bot.store.cases.get(c.id))!;
  expect(after.state).toBe('PREPARATION');
  expect(after.dates.meetingDate).toBe(next);
  // The next session has its own plan: the day the first session was planned for is not shown beside it.
  expect(after.dates.plannedMeetingDate).toBeUndefined();
  await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Second session', confirmedDay: today() }, USERS.mediator, 'checklist-2');
  expect((await t.bot.store.meetings.current(c.id))!.session).toBe(2);
});

it('refuses an old start card after the meeting is over, without asking to start it again on another day', async () => {
  const { flow, c, m } = await runningMeeting();
  const closed = await flow.clickInThread('meeting.close', { caseId: c.id, meetingId: m.meetingId, outcome: 'none' }, USERS.mediator, 'checklist-1');
  expect(closed.status).toBe(200);
  await t.bot.app.deps.background.idle();
  // The card of the first start, clicked again two days later: its confirmed day is not today's.
  later = 2 * 24 * 3600_000;
  const again = await flow.clickInThread('meeting.start', { caseId: c.id, startedAnywayReason: 'Terms agreed by phone', confirmedDay: '2026-01-05' }, USERS.mediator, 'checklist-1');
  const text = bodyText(again);
  expect(text).toContain('has closed. Only an adjourned meeting can have another session.');
  expect(text).not.toMatch(/Start it today/);
  expect((await t.bot.store.meetings.current(c.id))!.meetingId).toBe(m.meetingId);
});
