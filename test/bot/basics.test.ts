import { readFileSync } from 'node:fs';
import path from 'node:path';
import { commandsFor } from '../../bot/commandCatalog';
import { APP_NAME } from '../../bot/welcome';
import { activity, mention, startTestBot, USERS, type TestBot } from '../helpers/testBot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => t.connector.reset());

describe('welcome', () => {
  it('welcomes once per conversation, however Teams announces the install', async () => {
    const install = activity('personal', { type: 'installationUpdate', action: 'add' });
    const membersAdded = activity('personal', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] });
    expect((await t.post(install)).status).toBe(200);
    expect((await t.post(membersAdded)).status).toBe(200);
    const texts = t.connector.texts();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/1:1 chat/);
    expect(texts[0]).toMatch(/help/);
  });

  it('says what it does in a channel, and how to @mention it from the list', async () => {
    await t.post(activity('channel', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }));
    const text = t.connector.texts()[0];
    expect(text).toMatch(/channels mediators keep each case/);
    expect(text).toContain(`pick **${APP_NAME}** from the list`);
    expect(text).toMatch(/without that mention never reaches me/);
  });

  it('tells a group chat how to @mention it too', async () => {
    await t.post(activity('groupChat', { type: 'conversationUpdate', membersAdded: [{ id: '28:bot' }] }));
    expect(t.connector.texts()[0]).toContain(`**@${APP_NAME} help**`);
  });

  it('names itself as Teams lists it: the manifest short name', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'manifest', 'manifest.json'), 'utf8')) as { name: { short: string } };
    expect(manifest.name.short).toBe(APP_NAME);
  });

  it('does not welcome when someone else joins', async () => {
    await t.post(activity('groupChat', { type: 'conversationUpdate', membersAdded: [{ id: '29:new-person' }] }));
    expect(t.connector.texts()).toEqual([]);
  });
});

describe('help', () => {
  it.each([
    ['personal', { text: 'help' }],
    ['groupChat', mention('help')],
    ['channel', mention('Help ')],
  ] as const)('lists the commands of the %s scope', async (kind, fields) => {
    const res = await t.post(activity(kind, fields));
    expect(res.status).toBe(200);
    const text = t.connector.texts()[0] ?? '';
    const scope = kind === 'channel' ? 'team' : kind;
    for (const c of commandsFor(scope)) expect(text).toContain(`**${c.name}**`);
    const elsewhere = ['personal', 'groupChat', 'team'].flatMap((s) => commandsFor(s as typeof scope)).filter((c) => !c.scopes.includes(scope));
    for (const c of elsewhere) expect(text).not.toContain(`**${c.name}**`);
  });

  it('answers unrecognised text helpfully instead of staying silent', async () => {
    await t.post(activity('personal', { text: 'what is this?' }));
    const text = t.connector.texts()[0] ?? '';
    expect(text).toMatch(/didn't recognise/);
    expect(text).toContain('**help**');
  });
});

describe('duplicate deliveries', () => {
  it('processes the same activity once and answers the repeat with success', async () => {
    const a = activity('personal', { text: 'help' }, USERS.parent);
    const [first, second] = await Promise.all([t.post(a), t.post(a)]);
    const third = await t.post(a);
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(t.connector.texts()).toHaveLength(1);
  });

  it('answers a repeated message at once while the first delivery is still running, and runs it once', async () => {
    const a = activity('personal', { text: 'help' }, USERS.parent);
    const slow = t.connector.holdNext((c) => c.method === 'POST' && c.path.includes('/activities'));
    const first = t.post(a);
    await slow.arrived;
    const started = Date.now();
    const second = await t.post(a);
    // Not the 4 s an invoke's duplicate may wait for the first answer: a message's answer is empty.
    expect(second.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
    slow.release();
    expect((await first).status).toBe(200);
    expect(t.connector.texts()).toHaveLength(1);
  });

  it('treats the same activity id in another conversation as a different activity', async () => {
    const a = activity('personal', { text: 'help', id: 'same-id' }, USERS.parent);
    const b = activity('personal', { text: 'help', id: 'same-id' }, USERS.officer);
    await t.post(a);
    await t.post(b);
    expect(t.connector.texts()).toHaveLength(2);
  });
});

describe('errors', () => {
  it('tells the person something went wrong, with a reference and no internals', async () => {
    // The first reply fails with a 400 from the connector: the turn throws.
    t.connector.failNext(400);
    const res = await t.post(activity('personal', { text: 'help' }, USERS.officer));
    expect(res.status).toBe(200);
    const apology = t.connector.texts().at(-1) ?? '';
    expect(apology).toMatch(/something went wrong on my side \(reference [0-9a-f]{8}\)/);
    expect(apology).not.toMatch(/Error|stack|fake/i);
  });
});

describe('conversation references', () => {
  it('are stored on every turn with the latest service URL', async () => {
    const a = activity('personal', { text: 'help' }, USERS.stranger);
    await t.post(a);
    const rec = await t.bot.store.conversations.findPersonalChat(USERS.stranger.aadObjectId);
    expect(rec?.reference.serviceUrl).toBe(t.connector.url);
    expect(rec?.scope).toBe('personal');
  });
});
