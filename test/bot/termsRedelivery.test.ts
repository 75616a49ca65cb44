import { activity, startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { caseFlow } from './caseFlow';

/**
 * "I agree" is idempotent by its own record (one acknowledgement per case, party and terms
 * version), so its clicks skip the activity-id claim (bot/actions/action.ts). A redelivery, late
 * or racing the first delivery, must still have no second effect and get the same card.
 */
let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ REMINDER_POLL_SECONDS: '0' });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer];
});
afterAll(async () => {
  await t.stop();
});

async function caseWithParent(reference: string, threadRoot: string) {
  const flow = caseFlow(t, threadRoot);
  const { c, parent } = await flow.addParentAndOfficer((await flow.openCase(reference)).id);
  await t.bot.app.deps.background.idle();
  t.connector.reset();
  return { c, parent };
}

function agreeClick(caseId: string, partyId: string, id: string): Record<string, unknown> {
  const data = { caseId, partyId, termsVersion: t.bot.app.deps.terms.version };
  return { ...activity('personal', { id, replyToId: 'terms-card' }, USERS.parent), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'terms.agree', data } } };
}

async function effects(caseId: string) {
  await t.bot.app.deps.background.idle();
  const acks = await t.bot.store.acknowledgements.listForCase(caseId);
  const audit = (await t.bot.store.auditLog.listForCase(caseId)).filter((a) => a.action === 'terms.agreed');
  const edits = t.connector.calls.filter((x) => x.method === 'PUT' && x.path.includes('/activities/')).length;
  return { acks: acks.length, audit: audit.length, edits };
}

it('answers a late redelivery of a click with the same card and changes nothing', async () => {
  const { c, parent } = await caseWithParent('SM-2026-301', 'root-301');
  const click = agreeClick(c.id, parent.partyId, 'agree-once');
  const first = await t.post(click);
  const afterFirst = await effects(c.id);
  const again = await t.post(click);

  expect(first.status).toBe(200);
  expect(JSON.stringify(first.body)).toMatch(/agreed on/i);
  expect(again.status).toBe(200);
  expect(again.body).toEqual(first.body);
  expect(afterFirst).toMatchObject({ acks: 1, audit: 1, edits: 1 });
  // No second acknowledgement, audit entry or case-card edit.
  expect(await effects(c.id)).toEqual(afterFirst);
});

it('runs two deliveries of one click that arrive together once, and answers both with the card', async () => {
  const { c, parent } = await caseWithParent('SM-2026-302', 'root-302');
  const click = agreeClick(c.id, parent.partyId, 'agree-twice');
  const [a, b] = await Promise.all([t.post(click), t.post(click)]);

  expect([a.status, b.status]).toEqual([200, 200]);
  expect(a.body).toEqual(b.body);
  expect(JSON.stringify(a.body)).toMatch(/agreed on/i);
  expect(await effects(c.id)).toMatchObject({ acks: 1, audit: 1, edits: 1 });
});
