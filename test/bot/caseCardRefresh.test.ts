import { refreshRootCard } from '../../bot/cases/caseCards';
import { startTestBot, USERS, type TestBot } from '../helpers/testBot';
import { caseFlow } from './caseFlow';

let t: TestBot;
beforeEach(async () => {
  t = await startTestBot({ REMINDER_POLL_SECONDS: '0' });
  t.connector.members = [USERS.mediator, USERS.parent, USERS.officer];
});
afterEach(async () => {
  await t.stop();
});

it('folds a burst of case card refreshes into two edits, the last showing the final state', async () => {
  const flow = caseFlow(t);
  const c = await flow.openCase();
  t.connector.reset();
  const deps = t.bot.app.deps;
  // The callers hold an older copy of the case; the store has moved on since.
  await t.bot.store.cases.update(c.id, (x) => ({ ...x, localAuthority: 'Southshire Council' }), { by: USERS.mediator.aadObjectId, action: 'parties.assigned' });
  await Promise.all(Array.from({ length: 10 }, () => refreshRootCard(c, deps)));
  const edits = t.connector.calls.filter((x) => x.method === 'PUT');
  expect(edits).toHaveLength(2);
  // The follow-up re-reads the case, so the card ends showing the latest state.
  expect(JSON.stringify(edits[0]?.body)).toContain('Northshire County Council');
  expect(JSON.stringify(edits[1]?.body)).toContain('Southshire Council');

  // Once idle, the next refresh is a single edit again.
  t.connector.reset();
  await refreshRootCard(c, deps);
  expect(t.connector.calls.filter((x) => x.method === 'PUT')).toHaveLength(1);
});
