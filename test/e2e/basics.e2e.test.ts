import { commandsFor } from '../../bot/commandCatalog';
import { startProduct, type ProductSession } from './productSession';
import { visibleText } from './playgroundDriver';

let s: ProductSession;
beforeAll(async () => {
  s = await startProduct();
});
afterAll(async () => {
  await s?.stop();
});

it('welcomes the person once when the app is installed in their personal chat', async () => {
  await s.pg.install('personal');
  const welcome = await s.pg.waitForBotMessage((m) => /SEND mediation assistant/.test(m.text ?? ''));
  expect(welcome.conversationId).toBe(s.pg.config().personalChatId);
  expect(visibleText(welcome)).toMatch(/1:1 chat/);
  // Teams sent two install events; only one welcome is shown.
  await s.pg.say('personal', 'help');
  await s.pg.waitForBotMessage((m) => /Here is what you can ask me/.test(m.text ?? ''));
  const welcomes = s.pg.botMessages().filter((m) => /SEND mediation assistant/.test(m.text ?? ''));
  expect(welcomes).toHaveLength(1);
});

it.each([
  ['personal', 'personal'],
  ['group', 'groupChat'],
  ['channel', 'team'],
] as const)('help in the %s conversation lists that scope’s commands', async (where, scope) => {
  await s.pg.say(where, 'help');
  const reply = await s.pg.waitForBotMessage((m) => /Here is what you can ask me/.test(m.text ?? ''));
  for (const c of commandsFor(scope)) expect(reply.text).toContain(`**${c.name}**`);
  expect(reply.text).toContain(scope === 'personal' ? 'in our 1:1 chat' : 'mention me first');
});

it('answers help from another member of the group chat who mentions the bot', async () => {
  const parent = s.pg.user('Parent');
  await s.pg.say('group', 'help', { as: parent.id });
  const reply = await s.pg.waitForBotMessage((m) => /Here is what you can ask me/.test(m.text ?? ''));
  expect(reply.conversationId).toBe(s.pg.config().groupChat.id);
});

it('does not leave unrecognised text unanswered', async () => {
  await s.pg.say('personal', 'when is my meeting?');
  const reply = await s.pg.waitForBotMessage((m) => /didn't recognise/.test(m.text ?? ''));
  expect(reply.text).toContain('**help**');
});
