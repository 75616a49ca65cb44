import { USERS } from '../helpers/testBot';
import { caseFormData } from '../helpers/caseForm';
import { bodyText, caseFlow, perTestBot } from './caseFlow';

/** Who may run a date poll, over the real adapter: mediators create and pick, members answer, strangers nothing. */
const ctx = perTestBot('2026-12-01T10:00:00Z');

async function caseWithPoll() {
  const flow = caseFlow(ctx.t);
  await flow.say('new case');
  await flow.clickInThread('case.create', caseFormData({ caseType: 'M-ASSESS', laInformed: '2026-11-20', meetingDate: '', meetingTime: '' }));
  await ctx.t.bot.app.deps.background.idle();
  const c = (await ctx.t.bot.store.cases.findByThreadConversation(flow.thread))!;
  await flow.clickInThread('case.assignRoles', { caseId: c.id, page: 0, [`role_${USERS.parent.aadObjectId}`]: 'parent_carer' });
  await flow.say('find a date');
  const slots = { slot1Date: '2026-12-15', slot1Time: '10:00', slot2Date: '2026-12-16', slot2Time: '14:00' };
  expect((await flow.clickInThread('poll.create', { caseId: c.id, ...slots }, USERS.parent, 'poll-form')).status).toBe(403);
  const created = await flow.clickInThread('poll.create', { caseId: c.id, ...slots }, USERS.mediator, 'poll-form');
  expect(bodyText(created)).toContain('Date poll for case SM-2026-041');
  await ctx.t.bot.app.deps.background.idle();
  return { flow, c: (await ctx.t.bot.store.cases.get(c.id))! };
}

describe('date poll', () => {
  it('sends the poll to the parent, takes their answers, refuses a stranger and a party picking', async () => {
    const { flow, c } = await caseWithPoll();
    expect(JSON.stringify(ctx.t.connector.messages())).toContain('When can you come to the mediation meeting?');
    const stranger = await flow.clickPersonal('poll.answer', { caseId: c.id, answer_s1: 'yes' }, USERS.stranger, 'poll-card');
    expect(stranger.status).toBe(403);
    const saved = await flow.clickPersonal('poll.answer', { caseId: c.id, answer_s1: 'yes', answer_s2: 'no' }, USERS.parent, 'poll-card');
    expect(bodyText(saved)).toContain('You can change your answers until the mediator picks');
    expect((await ctx.t.bot.store.polls.get(c.id))!.answers.map((a) => [a.slotId, a.answer])).toEqual([['s1', 'yes'], ['s2', 'no']]);
    expect((await flow.clickInThread('poll.pick', { caseId: c.id, slotId: 's1' }, USERS.parent, 'poll-form')).status).toBe(403);
    expect((await ctx.t.bot.store.cases.get(c.id))!.dates.meetingDate).toBeUndefined();
  });

  it('picks once: the meeting is set, the poll closes, and later answers are refused with the chosen slot', async () => {
    const { flow, c } = await caseWithPoll();
    const [a, b] = await Promise.all([
      flow.clickInThread('poll.pick', { caseId: c.id, slotId: 's2' }, USERS.mediator, 'poll-form'),
      flow.clickInThread('poll.pick', { caseId: c.id, slotId: 's2' }, USERS.mediator, 'poll-form'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await ctx.t.bot.app.deps.background.idle();
    const stored = (await ctx.t.bot.store.cases.get(c.id))!;
    expect(stored.dates).toMatchObject({ meetingDate: '2026-12-16', meetingTime: '14:00' });
    expect(stored.state).toBe('PREPARATION');
    expect((await ctx.t.bot.store.auditLog.listForCase(c.id)).filter((e) => e.action === 'case.edited')).toHaveLength(1);
    const late = await flow.clickPersonal('poll.answer', { caseId: c.id, answer_s1: 'yes' }, USERS.parent, 'poll-card');
    expect(bodyText(late)).toContain('The mediator picked **Wed 16 Dec 2026 at 14:00**');
    expect((await flow.clickInThread('poll.pick', { caseId: c.id, slotId: 's1' }, USERS.mediator, 'poll-form')).status).toBe(409);
  });

  it("asks the parent the preparation's adjustments and expenses on the poll card, and saves them in the preparation record", async () => {
    const { flow, c } = await caseWithPoll();
    const sent = JSON.stringify(ctx.t.connector.messages());
    expect(sent).toContain('Will you claim expenses for attending?');
    const saved = await flow.clickPersonal('poll.answer', { caseId: c.id, answer_s1: 'yes', adjustments: 'Breaks every hour', expenses: 'travel' }, USERS.parent, 'poll-card');
    expect(bodyText(saved)).not.toContain('Will you claim expenses');
    const parent = c.parties.find((p) => p.role === 'parent_carer')!;
    const record = await ctx.t.bot.store.preparation.getRecord(c.id, parent.partyId);
    expect(record?.answers).toMatchObject({ kind: 'family', adjustments: 'Breaks every hour', expenses: 'travel' });
  });

  it("lets a mediator record a party's answers from the grid, and refuses that to a party", async () => {
    const { flow, c } = await caseWithPoll();
    const parent = `party:${c.parties.find((p) => p.role === 'parent_carer')!.partyId}`;
    const byParty = await flow.clickPersonal('poll.answer', { caseId: c.id, respondent: parent, answer_s1: 'no' }, USERS.parent, 'poll-card');
    expect(byParty.status).toBe(403);
    const recorded = await flow.clickInThread('poll.answer', { caseId: c.id, respondent: parent, answer_s1: 'yes', answer_s2: 'if_needed' }, USERS.mediator, 'poll-form');
    expect(bodyText(recorded)).toContain('Sam Jones: Can attend');
    const answers = (await ctx.t.bot.store.polls.get(c.id))!.answers;
    expect(answers.map((a) => [a.respondent, a.slotId, a.answer, a.by])).toEqual([
      [parent, 's1', 'yes', USERS.mediator.aadObjectId],
      [parent, 's2', 'if_needed', USERS.mediator.aadObjectId],
    ]);
    expect((await flow.clickInThread('poll.answer', { caseId: c.id, respondent: 'party:nobody', answer_s1: 'yes' }, USERS.mediator, 'poll-form')).status).toBe(400);
  });
});
