import { ConversationGoneError, ConversationPacer, DeliveryError } from '../../delivery';
import { startTestBot, USERS, type TestBot } from '../helpers/testBot';

/**
 * The proactive sender every feature uses, against the fake Bot Connector: throttling and
 * gateway errors are retried a bounded number of times, then fail visibly; 403 marks the
 * conversation inactive. botbuilder's HTTP client (@azure/core-rest-pipeline) retries 429 and
 * 5xx up to 3 times itself before our layer sees a failure, so these tests count what reached
 * the connector, whoever retried.
 */
let t: TestBot;
const chat = `a:personal-${USERS.parent.aadObjectId}`;
const toChat = (c: { path: string }) => c.path.includes(chat);

beforeEach(async () => {
  // Short backoff: the test is about how many tries and what fails, not about waiting.
  t = await startTestBot({ REMINDER_POLL_SECONDS: '0' }, { delivery: { pacer: new ConversationPacer(), retry: { maxAttempts: 2, baseMs: 5, maxMs: 20 } } });
  await t.post({ type: 'message', text: 'help', conversation: { id: chat, conversationType: 'personal', tenantId: 'tenant-1' }, from: USERS.parent, recipient: { id: '28:bot' }, channelId: 'msteams', id: 'first' });
  t.connector.reset();
});
afterEach(async () => {
  await t.stop();
});

it('gets a message through a burst of 503s and 429s, once', async () => {
  t.connector.failWhen(toChat, 503, { times: 3 });
  t.connector.failWhen(toChat, 429, { headers: { 'Retry-After': '0' }, times: 2 });
  await t.bot.app.deps.proactive.send(chat, { type: 'message', text: 'hello' });
  expect(t.connector.calls.filter((c) => !c.ok)).toHaveLength(5);
  expect(t.connector.delivered(chat).map((m) => m.text)).toEqual(['hello']);
});

it('gives up after a bounded number of tries with an error that says so, and sends nothing', async () => {
  t.connector.failWhen(toChat, 502, { times: 1000 });
  const error = await t.bot.app.deps.proactive.send(chat, { type: 'message', text: 'hello' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DeliveryError);
  expect((error as DeliveryError).message).toMatch(/still unavailable after \d+ attempts/);
  const tries = t.connector.calls.length;
  // 2 attempts of ours, each of which the HTTP client tries 4 times.
  expect(tries).toBe(8);
  expect(t.connector.delivered(chat)).toEqual([]);
}, 60_000);

it('treats 403 as the app being removed: no retry, the conversation is marked inactive', async () => {
  t.connector.failWhen(toChat, 403, { times: 10 });
  const error = await t.bot.app.deps.proactive.send(chat, { type: 'message', text: 'hello' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConversationGoneError);
  expect(t.connector.calls).toHaveLength(1);
  expect((await t.bot.store.conversations.get(chat))?.active).toBe(false);
});

it('opens a 1:1 chat with the stored service URL and tenant for someone who never wrote to the bot', async () => {
  await t.bot.app.deps.proactive.sendToPerson({ channelAccountId: USERS.officer.id, aadObjectId: USERS.officer.aadObjectId }, chat, { type: 'message', text: 'hi' });
  const create = t.connector.calls.find((c) => c.method === 'POST' && c.path.endsWith('/v3/conversations'));
  expect(create?.body).toMatchObject({ isGroup: false, tenantId: 'tenant-1', members: [{ id: USERS.officer.id }] });
  expect((await t.bot.store.conversations.findPersonalChat(USERS.officer.aadObjectId))?.active).toBe(true);
});
