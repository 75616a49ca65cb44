import { USERS } from '../helpers/testBot';
import { caseFormData } from '../helpers/caseForm';
import { bodyText, caseFlow, perTestBot } from './caseFlow';

/**
 * Editing a case over the real adapter: the form, the clock-move confirmation, authorisation,
 * the state moving on, and each party told once when the meeting moves.
 */
const ctx = perTestBot('2026-12-01T10:00:00Z');

/** A case opened when the LA was told, nothing else known yet, with a parent and an LA officer. */
async function openWithLaInformedOnly() {
  const flow = caseFlow(ctx.t);
  await flow.say('new case');
  const res = await flow.clickInThread('case.create', caseFormData({ laInformed: '2026-11-20', meetingDate: '', meetingTime: '' }));
  expect(res.status).toBe(200);
  await ctx.t.bot.app.deps.background.idle();
  const c = (await ctx.t.bot.store.cases.findByThreadConversation(flow.thread))!;
  await flow.clickInThread('case.assignRoles', {
    caseId: c.id,
    page: 0,
    [`role_${USERS.parent.aadObjectId}`]: 'parent_carer',
    [`role_${USERS.officer.aadObjectId}`]: 'la_officer',
  });
  await ctx.t.bot.app.deps.background.idle();
  return { flow, c: (await ctx.t.bot.store.cases.get(c.id))! };
}

const form = (overrides: Record<string, string>) => {
  const { caseReference: _ref, ...rest } = caseFormData({ laInformed: '2026-11-20', meetingDate: '', meetingTime: '', ...overrides });
  return rest;
};
const movedNotices = () => ctx.t.connector.messages().filter((m) => JSON.stringify(m).includes('The mediation meeting has changed'));

describe('edit case', () => {
  it('shows the form pre-filled from the case card and from `edit`, to mediators only', async () => {
    const { flow, c } = await openWithLaInformedOnly();
    const viaCard = await flow.clickInThread('case.editForm', { caseId: c.id });
    expect(bodyText(viaCard)).toContain('Edit case SM-2026-041');
    expect(bodyText(viaCard)).toContain('"value":"2026-11-20"');
    ctx.t.connector.reset();
    await flow.say('edit');
    expect(JSON.stringify(ctx.t.connector.messages(flow.thread))).toContain('Edit case SM-2026-041');
    for (const who of [USERS.parent, USERS.stranger]) {
      expect((await flow.clickInThread('case.editForm', { caseId: c.id }, who)).status).toBe(403);
      expect((await flow.clickInThread('case.edit', { caseId: c.id, ...form({ meetingDate: '2026-12-17' }) }, who)).status).toBe(403);
    }
    expect((await ctx.t.bot.store.cases.get(c.id))!.version).toBe(c.version);
  });

  it('adds the meeting date and time: the case moves to preparation, the card updates, the audit names the fields', async () => {
    const { flow, c } = await openWithLaInformedOnly();
    expect(c.state).toBe('MEDIATION_REQUESTED');
    ctx.t.connector.reset();
    const res = await flow.clickInThread('case.edit', { caseId: c.id, ...form({ meetingDate: '2026-12-17', meetingTime: '10:00' }) });
    // A meeting date on a plan-content case starts the requested-changes date: shown before saving.
    expect(bodyText(res)).toContain('The date for sending the requested changes starts: due Mon 14 Dec 2026.');
    expect((await ctx.t.bot.store.cases.get(c.id))!.dates.meetingDate).toBeUndefined();
    const confirm = /"confirm":"([^"]+)"/.exec(bodyText(res))![1]!;
    const saved = await flow.clickInThread('case.edit', { caseId: c.id, confirm, ...form({ meetingDate: '2026-12-17', meetingTime: '10:00' }) });
    expect(bodyText(saved)).toContain('Thu 17 Dec 2026 at 10:00');
    await ctx.t.bot.app.deps.background.idle();
    const stored = (await ctx.t.bot.store.cases.get(c.id))!;
    expect(stored.state).toBe('PREPARATION');
    const logged = (await ctx.t.bot.store.auditLog.listForCase(c.id)).filter((e) => e.action === 'case.edited');
    expect(logged.at(-1)).toMatchObject({ action: 'case.edited', by: USERS.mediator.aadObjectId, detail: 'fields=meetingDate,meetingTime; state=PREPARATION' });
    const put = ctx.t.connector.calls.filter((x) => x.method === 'PUT' && x.path.endsWith('/activities/form-1'));
    expect(JSON.stringify(put.at(-1)?.body)).toContain('Thu 17 Dec 2026 at 10:00');
    // Saved from an `edit` form (another message than the case card): that form becomes the card for everyone too.
    await flow.clickInThread('case.edit', { caseId: c.id, ...form({ meetingDate: '2026-12-17', meetingTime: '10:00', localAuthority: 'Kent County Council' }) }, USERS.mediator, 'edit-form');
    await ctx.t.bot.app.deps.background.idle();
    const closed = ctx.t.connector.calls.filter((x) => x.method === 'PUT' && x.path.endsWith('/activities/edit-form'));
    expect(JSON.stringify(closed.at(-1)?.body)).toContain('Kent County Council');
    // Nobody had been sent anything yet: no party is told.
    expect(movedNotices()).toHaveLength(0);
    // The reminders follow: the practice date for the requested changes is now tracked.
    const { deadlines } = await ctx.t.bot.store.reminders.listForCase(c.id);
    expect(deadlines.filter((d) => d.ruleId === 'REQUESTED_CHANGES').map((d) => d.due)).toEqual(['2026-12-14']);
  });

  it('refuses bad input with the new-case messages and stores nothing', async () => {
    const { flow, c } = await openWithLaInformedOnly();
    const res = await flow.clickInThread('case.edit', { caseId: c.id, ...form({ laInformed: '2026-12-05', meetingJoinUrl: 'https://zoom.us/j/1' }) });
    expect(bodyText(res)).toContain('cannot be in the future (today is Tue 1 Dec 2026)');
    expect(bodyText(res)).toContain('Paste the Teams meeting join link');
    expect((await ctx.t.bot.store.cases.get(c.id))!.version).toBe(c.version);
  });

  it('says how the 30-day limit moves before saving, and saves only what was confirmed', async () => {
    const { flow, c } = await openWithLaInformedOnly();
    const preview = await flow.clickInThread('case.edit', { caseId: c.id, ...form({ laInformed: '2026-11-23' }) });
    expect(bodyText(preview)).toContain('The 30-day limit moves from Sun 20 Dec to Wed 23 Dec 2026.');
    const token = /"confirm":"([^"]+)"/.exec(bodyText(preview))![1]!;
    // Another date than the one shown: asked again, not saved.
    const other = await flow.clickInThread('case.edit', { caseId: c.id, confirm: token, ...form({ laInformed: '2026-11-24' }) });
    expect(bodyText(other)).toContain('The 30-day limit moves from Sun 20 Dec to Thu 24 Dec 2026.');
    expect((await ctx.t.bot.store.cases.get(c.id))!.dates.laInformed).toBe('2026-11-20');
    await flow.clickInThread('case.edit', { caseId: c.id, confirm: token, ...form({ laInformed: '2026-11-23' }) });
    expect((await ctx.t.bot.store.cases.get(c.id))!.dates.laInformed).toBe('2026-11-23');
  });

  it('tells each party once when the meeting moves after the terms went out', async () => {
    const { flow, c } = await openWithLaInformedOnly();
    const fix = form({ meetingDate: '2026-12-17', meetingTime: '10:00', caseType: 'M-ASSESS' });
    await flow.clickInThread('case.edit', { caseId: c.id, ...fix });
    await flow.say('send terms');
    await ctx.t.bot.app.deps.background.idle();
    ctx.t.connector.reset();
    const moved = { caseId: c.id, ...form({ meetingDate: '2026-12-17', meetingTime: '14:00', caseType: 'M-ASSESS' }) };
    const [a, b] = await Promise.all([flow.clickInThread('case.edit', moved), flow.clickInThread('case.edit', moved)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    await ctx.t.bot.app.deps.background.idle();
    const notices = movedNotices();
    expect(notices).toHaveLength(2);
    expect(JSON.stringify(notices)).toContain('Thu 17 Dec 2026 at 14:00');
    expect(JSON.stringify(notices)).toContain('Thu 17 Dec 2026 at 10:00');
    const thread = JSON.stringify(ctx.t.connector.messages(flow.thread));
    expect(thread).toContain('I told Priya Shah and Sam Jones in their 1:1 chat that the meeting changed.');
    const stored = (await ctx.t.bot.store.cases.get(c.id))!;
    expect(stored.meetingSequence).toBe(1);
    expect((await ctx.t.bot.store.auditLog.listForCase(c.id)).filter((e) => e.action === 'case.edited')).toHaveLength(2);
  });
});
