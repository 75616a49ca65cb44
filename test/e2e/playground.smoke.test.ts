/**
 * Proves the playground driver against a trivial echo bot (restify + botbuilder CloudAdapter without an
 * app id, so the playground's unsigned requests are accepted), both started here.
 */
import type { AddressInfo } from 'node:net';
import * as restify from 'restify';
import {
  ActivityHandler,
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  TurnContext,
} from 'botbuilder';
import { PlaygroundSession, visibleText } from './playgroundDriver';

interface Received {
  type: string;
  conversationId: string;
  fromId: string;
  membersAdded: string[];
}

function ackCard(caseRef: string, ackedBy?: string): Record<string, unknown> {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: 'Mediation information meeting', style: 'heading', wrap: true },
      { type: 'FactSet', facts: [{ title: 'Case', value: caseRef }] },
      ...(ackedBy ? [{ type: 'TextBlock', text: `Acknowledged by ${ackedBy}`, wrap: true }] : []),
    ],
    actions: ackedBy ? [] : [{ type: 'Action.Execute', title: 'Acknowledge', verb: 'ack', data: { caseRef } }],
  };
}

class EchoBot extends ActivityHandler {
  readonly received: Received[] = [];

  constructor(private readonly adapter: CloudAdapter) {
    super();
    this.onTurn(async (ctx, next) => {
      this.received.push({
        type: ctx.activity.type,
        conversationId: ctx.activity.conversation.id,
        fromId: ctx.activity.from.id,
        membersAdded: (ctx.activity.membersAdded ?? []).map((m) => m.id),
      });
      await next();
    });
    this.onMessage(async (ctx, next) => {
      const text = (TurnContext.removeRecipientMention(ctx.activity) ?? ctx.activity.text ?? '').trim();
      if (text === 'card') {
        // No `text` beside the card: the playground would split the activity and not return its id.
        await ctx.sendActivity({ attachments: [CardFactory.adaptiveCard(ackCard('SEND-0001'))] });
      } else if (text.startsWith('dm ')) {
        await this.messagePrivately(ctx, text.slice(3));
      } else {
        await ctx.sendActivity(`echo: ${text}`);
      }
      await next();
    });
  }

  /** A proactive 1:1 with someone who has not talked to the bot, as the product does for parties. */
  private async messagePrivately(ctx: TurnContext, userId: string): Promise<void> {
    const tenantId = ctx.activity.conversation.tenantId;
    const params = {
      isGroup: false,
      bot: ctx.activity.recipient,
      members: [{ id: userId, name: '' }],
      tenantId,
      channelData: { tenant: { id: tenantId } },
    };
    await this.adapter.createConversationAsync('', 'msteams', ctx.activity.serviceUrl, '', params, async (dm) => {
      await dm.sendActivity('Your mediation information meeting is booked.');
    });
  }

  protected override async onInvokeActivity(ctx: TurnContext): Promise<InvokeResponse> {
    if (ctx.activity.name !== 'adaptiveCard/action') return super.onInvokeActivity(ctx);
    const card = ackCard('SEND-0001', ctx.activity.from.name);
    // Everyone else sees the new state through updateActivity; the clicker gets the invoke response.
    const attachments = [CardFactory.adaptiveCard(card)];
    await ctx.updateActivity({ id: ctx.activity.replyToId, type: 'message', attachments });
    return { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } };
  }
}

async function startEchoBot(): Promise<{ bot: EchoBot; endpoint: string; close(): Promise<void> }> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  const bot = new EchoBot(adapter);
  adapter.onTurnError = async (_ctx, error) => {
    console.error('echo bot turn error', error);
  };
  const server = restify.createServer();
  server.use(restify.plugins.bodyParser());
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, (ctx) => bot.run(ctx));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    bot,
    endpoint: `http://127.0.0.1:${port}/api/messages`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('Agents Playground driver (smoke)', () => {
  let echo: Awaited<ReturnType<typeof startEchoBot>>;
  let pg: PlaygroundSession;

  beforeAll(async () => {
    echo = await startEchoBot();
    pg = await PlaygroundSession.start({ botEndpoint: echo.endpoint });
  });

  afterAll(async () => {
    await pg?.stop();
    await echo?.close();
  });

  it('exposes the mock tenant from .m365agentsplayground.yml', () => {
    const cfg = pg.config();
    expect(cfg.bot.name).toBe('SEND Mediation');
    expect(cfg.currentUser.name).toBe('Maya Patel (Mediator)');
    expect(cfg.users).toHaveLength(5);
    expect(cfg.channels.map((c) => c.name)).toEqual(['General', 'Cases']);
    expect(pg.user('Parent').name).toBe('Sam Jones (Parent)');
  });

  it('personal chat: a message is echoed', async () => {
    const sent = await pg.say('personal', 'hello from Maya');
    expect(sent).toMatchObject({ delivered: true, botStatus: 200, conversationId: pg.config().personalChatId });
    const reply = await pg.waitForBotMessage((m) => m.text === 'echo: hello from Maya');
    expect(reply.conversationId).toBe(pg.config().personalChatId);
  });

  it('group chat: a mention is echoed, for the current user and for another member', async () => {
    const groupId = pg.config().groupChat.id;
    await pg.say('group', 'hi everyone');
    expect((await pg.waitForBotMessage((m) => m.text === 'echo: hi everyone')).conversationId).toBe(groupId);

    const sam = pg.user('Sam');
    const sent = await pg.say('group', 'I have read the letter', { as: sam.id });
    expect(sent.botStatus).toBe(200);
    await pg.waitForBotMessage((m) => m.text === 'echo: I have read the letter' && m.conversationId === groupId);
    expect(echo.bot.received.find((r) => r.type === 'message' && r.fromId === sam.id)).toBeDefined();

    // Teams does not deliver unmentioned group messages to a bot; neither does the driver.
    expect((await pg.say('group', 'just chatting', { mentionBot: false })).delivered).toBe(false);
  });

  it('install in personal scope: installationUpdate and conversationUpdate reach the bot', async () => {
    const personalId = pg.config().personalChatId;
    await expect(pg.install('personal')).resolves.toEqual({ installationUpdate: 200, conversationUpdate: 200 });
    const here = echo.bot.received.filter((r) => r.conversationId === personalId);
    expect(here.map((r) => r.type)).toEqual(expect.arrayContaining(['installationUpdate', 'conversationUpdate']));
    const update = here.find((r) => r.type === 'conversationUpdate');
    expect(update?.membersAdded).toEqual(expect.arrayContaining([pg.config().bot.id, pg.config().currentUser.id]));
  });

  it('channel: a new post opens a thread, and another member can reply in it', async () => {
    const root = await pg.say('channel', 'new case referral');
    expect(root.conversationId).toMatch(/;messageid=/);
    await pg.waitForBotMessage((m) => m.text === 'echo: new case referral' && m.conversationId === root.conversationId);

    const priya = pg.user('LA officer');
    await pg.say({ conversationId: root.conversationId }, 'LA view attached', { as: priya.id });
    await pg.waitForBotMessage((m) => m.text === 'echo: LA view attached' && m.conversationId === root.conversationId);
  });

  it('a 1:1 chat the bot opens with another user is captured, and that user can answer in it', async () => {
    const sam = pg.user('Sam');
    await pg.say('group', `dm ${sam.id}`);
    const dm = await pg.waitForBotMessage((m) => m.privateTo === sam.id);
    expect(dm.text).toBe('Your mediation information meeting is booked.');

    await pg.say({ conversationId: dm.conversationId }, 'Thank you', { as: sam.id });
    await pg.waitForBotMessage((m) => m.conversationId === dm.conversationId && m.text === 'echo: Thank you');
  });

  it('cards: visible text, Action.Execute invoke response and updateActivity', async () => {
    await pg.say('group', 'card');
    const card = await pg.waitForBotMessage((m) => m.attachments.length > 0);
    expect(visibleText(card)).toBe('Mediation information meeting\nCase SEND-0001\nAcknowledge');

    const sam = pg.user('Sam');
    const result = await pg.clickAction(card, 'Acknowledge', { as: sam.id });
    expect(result.status).toBe(200);
    expect(result.type).toBe('application/vnd.microsoft.card.adaptive');
    const clickerSees = visibleText({
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: result.value }],
    });
    expect(clickerSees).toContain('Acknowledged by Sam Jones (Parent)');

    const updated = await pg.waitForBotMessage((m) => m.kind === 'update' && m.messageId === card.messageId);
    expect(visibleText(updated).split('\n')).toEqual([
      'Mediation information meeting',
      'Case SEND-0001',
      'Acknowledged by Sam Jones (Parent)',
    ]);
    expect(pg.message(card.messageId)).toBe(updated);
  });
});
