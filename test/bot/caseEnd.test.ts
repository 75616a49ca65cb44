import { startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { bodyText, caseFlow } from './caseFlow';

/** Ending a case over HTTP: withdraw (with its date), close, cancel, and undo within 14 days. */
jest.setTimeout(30_000);

describe('the end of a case', () => {
  let t: TestBot;
  let clock = new Date('2026-12-03T10:00:00Z');
  beforeEach(async () => {
    clock = new Date('2026-12-03T10:00:00Z');
    t = await startTestBot({}, { now: () => clock });
  });
  afterEach(async () => {
    await t?.stop();
  });

  it('refuses to close a running case, records a withdrawal with its date, closes it, and undoes the close back to withdrawn', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    t.connector.reset();
    await flow.say('close case');
    expect(JSON.stringify(t.connector.messages())).toMatch(/close it once the certificate is issued/);
    const future = await flow.clickInThread('case.end', { caseId: c.id, kind: 'withdraw', reason: 'not_proceeding', withdrawnOn: '2026-12-09' });
    expect(bodyText(future)).toMatch(/cannot be in the future/);
    const noReason = await flow.clickInThread('case.end', { caseId: c.id, kind: 'withdraw', withdrawnOn: '2026-12-01' });
    expect(bodyText(noReason)).toMatch(/Choose a reason/);
    expect((await t.bot.store.cases.get(c.id))!.state).toBe(c.state);

    const withdrawn = await flow.clickInThread('case.end', { caseId: c.id, kind: 'withdraw', reason: 'not_proceeding', withdrawnOn: '2026-12-01' });
    expect(bodyText(withdrawn)).toMatch(/Withdrawn/);
    expect((await t.bot.store.cases.get(c.id))!.ending).toMatchObject({ kind: 'withdraw', reason: 'not_proceeding', date: '2026-12-01', previousState: c.state });

    const closed = await flow.clickInThread('case.end', { caseId: c.id, kind: 'close', reason: 'after_withdrawal' });
    expect(bodyText(closed)).toMatch(/Closed/);
    const afterClose = (await t.bot.store.cases.get(c.id))!;
    expect(afterClose.state).toBe('CLOSED');
    // A second click on the same form changes nothing.
    await flow.clickInThread('case.end', { caseId: c.id, kind: 'close', reason: 'after_withdrawal' });
    expect((await t.bot.store.cases.get(c.id))!.version).toBe(afterClose.version);

    clock = new Date('2026-12-16T10:00:00Z'); // 13 days later
    const undone = await flow.clickInThread('case.endUndo', { caseId: c.id, endedAt: afterClose.ending!.at, kind: 'close' });
    expect(bodyText(undone)).toMatch(/Withdrawn/);
    const back = (await t.bot.store.cases.get(c.id))!;
    expect(back.state).toBe('WITHDRAWN');
    expect(back.ending).toMatchObject({ kind: 'withdraw', date: '2026-12-01' });
    // The same Undo clicked again does not also undo the withdrawal.
    await flow.clickInThread('case.endUndo', { caseId: c.id, endedAt: afterClose.ending!.at, kind: 'close' });
    expect((await t.bot.store.cases.get(c.id))!.state).toBe('WITHDRAWN');

    const actions = (await t.bot.store.auditLog.listForCase(c.id)).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith('case.') && a !== 'case.viewed' && a !== 'case.created')).toEqual(['case.withdrawn', 'case.closed', 'case.reopened']);
  });

  it('cancels a case opened by mistake, and refuses the undo after 14 days', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    const cancelled = await flow.clickInThread('case.end', { caseId: c.id, kind: 'cancel', reason: 'opened_by_mistake' });
    expect(bodyText(cancelled)).toMatch(/Cancelled/);
    const stored = (await t.bot.store.cases.get(c.id))!;
    expect(stored.state).toBe('CANCELLED');
    clock = new Date('2026-12-18T10:00:00Z'); // 15 days later
    const late = await flow.clickInThread('case.endUndo', { caseId: c.id, endedAt: stored.ending!.at, kind: 'cancel' });
    expect(bodyText(late)).toMatch(/only be undone within 14 days/);
    expect((await t.bot.store.cases.get(c.id))!.state).toBe('CANCELLED');
  });

  it('lets only the mediators end a case', async () => {
    const flow = caseFlow(t);
    const c = await flow.openCase();
    const res = await flow.clickInThread('case.end', { caseId: c.id, kind: 'cancel', reason: 'opened_by_mistake' }, USERS.stranger);
    expect(res.status).toBe(403);
    expect((await t.bot.store.cases.get(c.id))!.state).toBe(c.state);
  });
});
