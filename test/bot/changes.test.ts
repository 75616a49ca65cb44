import { startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { bodyText, caseFlow } from './caseFlow';

/** Requested changes over HTTP: what the LA officer may answer, and what "Send changes" does when an officer cannot be reached. */
let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ REMINDER_POLL_SECONDS: '0' });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer];
});
afterEach(async () => {
  await t.stop();
});

async function caseWithDraftChange() {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  await flow.clickInThread('case.assignRoles', {
    caseId: c.id,
    page: 0,
    [`role_${USERS.parent.aadObjectId}`]: 'parent_carer',
    [`role_${USERS.officer.aadObjectId}`]: 'la_officer',
  });
  const parent = (await t.bot.store.cases.get(c.id))!.parties.find((p) => p.role === 'parent_carer')!;
  const saved = await flow.clickInThread('changes.save', { caseId: c.id, section: 'F', location: 'Outcome 1', requestedWording: 'Weekly SaLT, 1 hour', reason: 'SaLT report', requestedBy: parent.partyId });
  expect(saved.status).toBe(200);
  const [change] = await t.bot.store.preparation.listChanges(c.id);
  return { flow, c, change: change! };
}

it('refuses a position on a change not yet sent with 400 and says why, writing nothing', async () => {
  const { flow, c, change } = await caseWithDraftChange();
  const res = await flow.clickPersonal('changes.position', { caseId: c.id, changeId: change.changeId, position: 'agree' }, USERS.officer);
  expect(bodyText(res)).toContain('"statusCode":400');
  expect(bodyText(res)).toContain('has not been sent to the local authority yet');
  expect((await t.bot.store.preparation.getChange(c.id, change.changeId))?.positionHistory).toEqual([]);
});

it('answers "Send changes" at once and, when the officer cannot be reached, tells the mediators in the thread', async () => {
  const { flow, c } = await caseWithDraftChange();
  t.connector.reset();
  // The officer never wrote to the bot, so the bot must open a 1:1 chat: Teams refuses (blocked).
  t.connector.failWhen((call) => call.method === 'POST' && call.path.endsWith('/v3/conversations'), 403, { times: 10 });
  const res = await flow.clickInThread('changes.send', { caseId: c.id });
  expect(res.status).toBe(200);
  // The change is recorded as sent whatever happens to the delivery afterwards.
  expect((await t.bot.store.preparation.listChanges(c.id)).every((ch) => ch.sentAt !== undefined)).toBe(true);
  await t.bot.app.deps.background.idle();
  const thread = JSON.stringify(t.connector.delivered(flow.thread));
  expect(thread).toContain('Not delivered');
  expect(thread).toContain(USERS.officer.name);
});
