/**
 * A small driver for end-to-end tests against Microsoft 365 Agents Playground (0.2.28), through the
 * HTTP and WebSocket API its web UI uses. Findings behind the design (read from its dist and checked):
 *
 * - Typed messages (`POST /_conversation/v1/conversations/{id}/messages`) always reach the bot FROM THE
 *   CURRENT USER: `from.id` in the body is only checked for membership. Messages from the other mock
 *   users go through `POST /_internal/v1/customActivities`, which forwards any activity verbatim.
 * - In a group chat or channel the playground forwards a typed message only when it mentions the bot
 *   (like Teams). Custom activities are always forwarded, so for them the driver applies that rule itself.
 * - A typed message in a channel starts a new thread: a "post" conversation `<channelId>;messageid=<id>`.
 *   The bot sees that id as `conversation.id` (but a random GUID as `activity.id`). A custom activity
 *   cannot create a thread, so other users can only reply in an existing one.
 * - What the bot sends arrives on `/_ws_conversation/v1/conversations/stream` as `createMessage` /
 *   `updateMessage` (updateActivity shows the whole new content). Exceptions: a 1:1 chat the bot
 *   opened with someone other than the current user is never sent there (the UI would not show it), so
 *   those messages are taken from the log stream (`/_ws/log/stream`, every HTTP exchange with bodies).
 * - The playground splits an outgoing activity with text AND attachments (or several attachments, unless
 *   `attachmentLayout: 'carousel'`) into separate messages and then answers the bot 202 with NO id, so
 *   the bot cannot update it later. Send a card without `text` to keep its id.
 * - `POST /_conversation/v1/invoke` answers synchronously with `{type, value}` from the bot's invoke
 *   response; the bot's `statusCode` is dropped. A bot error status becomes a 502 from the playground.
 *   The returned card silently replaces the message's content in the playground (no stream event).
 * - Install (`POST /_debug/conversation/{id}/installation`) answers at once and then sends, in parallel,
 *   an installationUpdate (action add) and a conversationUpdate (membersAdded: bot, plus the user in
 *   personal scope). Their order at the bot is not fixed.
 * - `deleteActivity` answers 501. Both WebSockets buffer events only while no client is connected.
 */
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { z } from 'zod';
import { startPlayground, type PlaygroundHandle } from '../../scripts/playground';

const DEFAULT_TIMEOUT_MS = 10_000;
const PLAYGROUND_LABEL = 'Microsoft 365 Agents Playground';
const LOCAL_TIMEZONE = Intl.DateTimeFormat().resolvedOptions().timeZone;

// ---------- shapes the playground sends ----------

const MockUserSchema = z.object({
  id: z.string(),
  name: z.string(),
  aadObjectId: z.string(),
  givenName: z.string(),
  surname: z.string(),
  email: z.string(),
  userPrincipleName: z.string(),
});
export type MockUser = z.infer<typeof MockUserSchema>;

const TestConfigSchema = z.object({
  config: z.object({
    tenantId: z.string(),
    bot: z.object({ id: z.string(), name: z.string() }),
    currentUser: MockUserSchema,
    users: z.array(MockUserSchema),
    personalChat: z.object({ id: z.string() }),
    groupChats: z.array(z.object({ id: z.string(), name: z.string() })).min(1),
    teams: z
      .array(
        z.object({
          id: z.string(),
          name: z.string(),
          aadGroupId: z.string(),
          channels: z.array(z.object({ id: z.string(), name: z.string() })),
        }),
      )
      .min(1),
  }),
});

const AttachmentSchema = z.object({ contentType: z.string(), content: z.unknown() });
export type Attachment = z.infer<typeof AttachmentSchema>;

const ConversationFrameSchema = z.object({
  action: z.string(),
  actionConversationId: z.string(),
  message: z
    .object({
      messageId: z.string(),
      from: z.object({ id: z.string() }),
      text: z.string().optional(),
      attachments: z.array(AttachmentSchema).default([]),
      postConversationId: z.string().optional(),
    })
    .optional(),
});

const LogFrameSchema = z.object({
  logAction: z.string(),
  log: z.object({
    type: z.string(),
    level: z.string().optional(),
    conversationId: z.string().optional(),
    activityName: z.string().optional(),
    from: z.string().optional(),
    request: z.object({ body: z.unknown() }).optional(),
    response: z.object({ statusCode: z.number().optional(), body: z.unknown() }).optional(),
  }),
});

// Loose view of an activity body: only what the driver reads.
const ActivityBodySchema = z
  .object({
    id: z.string().optional(),
    type: z.string().optional(),
    text: z.string().optional(),
    conversation: z.object({ id: z.string() }).partial().optional(),
    from: z.object({ id: z.string() }).partial().optional(),
    attachments: z.array(AttachmentSchema).optional(),
    members: z.array(z.object({ id: z.string() })).optional(),
  })
  .loose();
export type ActivityBody = z.infer<typeof ActivityBodySchema>;

const ResponseIdSchema = z.object({ id: z.string() });

// ---------- public types ----------

export interface PlaygroundConfig {
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: MockUser;
  /** The five other mock users. */
  users: MockUser[];
  personalChatId: string;
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string };
  /** General first; its id is the team id. */
  channels: { id: string; name: string }[];
}

/**
 * Where to act. 'team' is the General channel (conversation id = team id), 'channel' the team's other
 * channel; { conversationId } is anything else: a channel thread (`…;messageid=…`, e.g. a bot message's
 * conversationId) or a 1:1 chat the bot opened with another user.
 */
export type Where = 'personal' | 'group' | 'team' | 'channel' | { conversationId: string };

export interface BotMessage {
  /** Arrival order across the whole session. */
  seq: number;
  kind: 'create' | 'update';
  messageId: string;
  /** Chat id, or for channels the thread (post) conversation id: pass it back as Where to reply. */
  conversationId: string;
  text?: string;
  attachments: Attachment[];
  /** Set when the message went to a 1:1 chat of a user other than the current one. */
  privateTo?: string;
}

/** One activity the playground delivered to the bot, and the bot's HTTP answer. */
export interface BotExchange {
  seq: number;
  activity: ActivityBody;
  status: number | undefined;
  responseBody: unknown;
}

export interface SayOptions {
  /** User id; default the current user. */
  as?: string;
  /** Default: true except in 1:1 chats, since Teams only delivers mentioned messages in groups/channels. */
  mentionBot?: boolean;
}

export interface SayResult {
  /** False when Teams would not deliver it (group/channel without a mention). */
  delivered: boolean;
  /** Where the bot sees (and answers) it: for a new channel post, the new thread's id. */
  conversationId: string;
  /** activity.id as the bot saw it. */
  activityId?: string;
  /** The bot's HTTP status for the turn (it has finished the turn when say() resolves). */
  botStatus?: number;
}

export interface InvokeResult {
  /** The playground's status: 200, or 502 when the bot failed the invoke. */
  status: number;
  type?: string;
  value?: unknown;
  error?: unknown;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** Only messages with seq >= since. Default: from the start of the last say/invoke/install/click. */
  since?: number;
}

// ---------- helpers ----------

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);

function flattenCard(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const child of node) flattenCard(child, out);
    return;
  }
  if (!isRecord(node) || node.isVisible === false) return;
  const type = str(node.type) ?? '';
  const push = (v: unknown): void => {
    const s = str(v);
    if (s) out.push(s);
  };
  if (type === 'TextBlock' || type === 'TextRun') push(node.text);
  if (type === 'FactSet' && Array.isArray(node.facts)) {
    for (const fact of node.facts) {
      if (isRecord(fact)) out.push([str(fact.title), str(fact.value)].filter(Boolean).join(' '));
    }
  }
  if (type.startsWith('Input.')) {
    push(node.label);
    if (type === 'Input.Toggle') push(node.title);
    if (Array.isArray(node.choices)) for (const choice of node.choices) if (isRecord(choice)) push(choice.title);
  }
  if (type.startsWith('Action.')) push(node.title);
  // Hero/thumbnail cards have no `type` inside their content.
  if (type === '') for (const key of ['title', 'subtitle', 'text']) push(node[key]);
  for (const key of ['body', 'items', 'columns', 'rows', 'cells', 'inlines', 'actions', 'buttons', 'card']) {
    if (key in node) flattenCard(node[key], out);
  }
}

/** What a person reads: the message text plus the text inside its cards (TextBlock, FactSet, inputs, buttons). */
export function visibleText(message: { text?: string; attachments?: readonly Attachment[] }): string {
  const out: string[] = [];
  if (message.text) out.push(message.text);
  for (const attachment of message.attachments ?? []) flattenCard(attachment.content, out);
  return out.join('\n');
}

/** The Action.Execute (or other action) whose title or verb matches, searched through the whole card. */
function findAction(node: unknown, titleOrVerb: string): Record<string, unknown> | undefined {
  if (Array.isArray(node)) {
    for (const child of node) {
      const found = findAction(child, titleOrVerb);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(node)) return undefined;
  if (str(node.type)?.startsWith('Action.') && (node.title === titleOrVerb || node.verb === titleOrVerb)) return node;
  for (const value of Object.values(node)) {
    const found = findAction(value, titleOrVerb);
    if (found) return found;
  }
  return undefined;
}

function rawToString(data: WebSocket.RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(data).toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url);
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

interface Waiter {
  check(): void;
}

type ConversationKind = 'personal' | 'group' | 'channel' | 'thread' | 'otherUserChat';

// ---------- the session ----------

export class PlaygroundSession {
  private readonly messages: BotMessage[] = [];
  private readonly exchanges: BotExchange[] = [];
  private readonly warnings: { conversationId?: string; seq: number }[] = [];
  private readonly consumedExchanges = new Set<number>();
  /** conversation id -> user id, for 1:1 chats the bot opened with users other than the current one. */
  private readonly otherUserChats = new Map<string, string>();
  private readonly waiters = new Set<Waiter>();
  private sockets: WebSocket[] = [];
  private seq = 0;
  private actionStart = 0;
  private failure: Error | undefined;
  private stopped = false;

  private constructor(
    private readonly handle: PlaygroundHandle,
    private readonly cfg: PlaygroundConfig,
    private readonly base: string,
  ) {}

  static async start(opts: { botEndpoint: string; configPath?: string; quiet?: boolean }): Promise<PlaygroundSession> {
    // Port 0: the playground picks a free port itself, so parallel jest workers cannot collide.
    const handle = await startPlayground({
      botEndpoint: opts.botEndpoint,
      configPath: opts.configPath,
      quiet: opts.quiet ?? true,
      port: 0,
    });
    try {
      const base = `http://127.0.0.1:${handle.port}`;
      const res = await fetch(`${base}/_internal/v1/testConfig`);
      const { config } = TestConfigSchema.parse(await res.json());
      const group = config.groupChats[0];
      const team = config.teams[0];
      if (!group || !team) throw new Error('playground config has no group chat or team');
      const session = new PlaygroundSession(
        handle,
        {
          tenantId: config.tenantId,
          bot: config.bot,
          currentUser: config.currentUser,
          users: config.users,
          personalChatId: config.personalChat.id,
          groupChat: { id: group.id, name: group.name },
          team: { id: team.id, name: team.name, aadGroupId: team.aadGroupId },
          channels: team.channels.map((c) => ({ id: c.id, name: c.name })),
        },
        base,
      );
      await session.connect();
      return session;
    } catch (e) {
      await handle.stop();
      throw e;
    }
  }

  private async connect(): Promise<void> {
    const wsBase = this.base.replace(/^http/, 'ws');
    const conversation = await openSocket(`${wsBase}/_ws_conversation/v1/conversations/stream`);
    const log = await openSocket(`${wsBase}/_ws/log/stream`);
    this.sockets = [conversation, log];
    conversation.on('message', (data) => this.onConversationFrame(parseJson(rawToString(data))));
    log.on('message', (data) => this.onLogFrame(parseJson(rawToString(data))));
    for (const ws of this.sockets) {
      ws.on('close', () => {
        if (!this.stopped) this.fail(new Error('lost the WebSocket connection to the playground (did it exit?)'));
      });
      ws.on('error', (e) => this.fail(e));
    }
  }

  get url(): string {
    return this.handle.url;
  }

  config(): PlaygroundConfig {
    return this.cfg;
  }

  /** A mock user by (part of) their display name, e.g. user('Parent') or user('Sam'). */
  user(nameFragment: string): MockUser {
    const found = [this.cfg.currentUser, ...this.cfg.users].find((u) => u.name.includes(nameFragment));
    if (!found) throw new Error(`no mock user whose name contains "${nameFragment}"`);
    return found;
  }

  /** Every message and update the bot sent, in arrival order. */
  botMessages(): readonly BotMessage[] {
    return this.messages;
  }

  /** The latest content of a message (after any updates). */
  message(messageId: string): BotMessage | undefined {
    return this.messages.filter((m) => m.messageId === messageId).at(-1);
  }

  /** Every activity delivered to the bot, with the bot's HTTP status. */
  activitiesToBot(): readonly BotExchange[] {
    return this.exchanges;
  }

  /** Current position in the event sequence, for WaitOptions.since. */
  mark(): number {
    return this.seq;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const ws of this.sockets) ws.terminate();
    this.fail(new Error('playground session stopped'));
    await this.handle.stop();
  }

  // ----- actions -----

  /**
   * Shows a message in a chat as if the bot had sent it, through the playground's mock Bot
   * Connector: how the screenshot test displays a card that went to another user's 1:1 chat.
   */
  async postAsBot(where: Where, activity: { text?: string; attachments?: readonly Attachment[] }): Promise<void> {
    const { id } = this.resolve(where);
    await this.post(`/_connector/v3/conversations/${encodeURIComponent(id)}/activities`, {
      type: 'message',
      from: { id: this.cfg.bot.id, name: this.cfg.bot.name },
      conversation: { id },
      ...activity,
    });
  }

  async say(where: Where, text: string, opts: SayOptions = {}): Promise<SayResult> {
    const since = (this.actionStart = this.seq);
    const { id, kind } = this.resolve(where);
    const me = this.cfg.currentUser.id;
    const from = opts.as ?? me;
    const mention = opts.mentionBot ?? (kind === 'group' || kind === 'channel' || kind === 'thread');
    const mentionText = `<at>${this.cfg.bot.name}</at>`;
    const fullText = mention ? `${mentionText} ${text}` : text;

    if (from === me) {
      if (kind === 'otherUserChat') throw new Error(`the current user is not in ${id}; pass { as } with its member`);
      const res = await this.post(`/_conversation/v1/conversations/${encodeURIComponent(id)}/messages`, {
        from: { id: me },
        text: fullText,
        textFormat: 'plain',
        ...(mention ? { mentions: [{ mentioned: { id: this.cfg.bot.id }, text: mentionText }] } : {}),
      });
      const posted = z.object({ messageId: z.string(), postConversationId: z.string().optional() }).parse(res.body);
      const conversationId = posted.postConversationId ?? id;
      if (!(kind === 'personal' || mention)) return { delivered: false, conversationId };
      // The bot sees a GUID we are not told, so match the first unclaimed exchange with this text.
      const exchange = await this.waitForExchange(
        since,
        (e) =>
          e.activity.type === 'message' &&
          e.activity.conversation?.id === conversationId &&
          e.activity.from?.id === me &&
          e.activity.text === fullText,
        conversationId,
      );
      return { delivered: true, conversationId, activityId: exchange.activity.id, botStatus: exchange.status };
    }

    if (kind === 'personal') throw new Error('the personal chat holds only the current user and the bot');
    if (kind === 'channel') {
      throw new Error(
        'the playground can only start a channel thread as the current user; post first, then reply as ' +
          'another user with { conversationId: <thread id> }',
      );
    }
    const user = this.cfg.users.find((u) => u.id === from);
    if (!user) throw new Error(`unknown mock user ${from}`);
    if (!mention && kind !== 'otherUserChat') return { delivered: false, conversationId: id };

    // The template gives the conversation/recipient/serviceUrl exactly as the playground builds them.
    const template = await this.get(
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(id)}`,
    );
    if (!isRecord(template)) throw new Error('unexpected custom activity template');
    const channel = kind === 'thread' ? id.split(';')[0] : undefined;
    const now = new Date().toISOString();
    const activity = {
      ...template,
      type: 'message',
      id: randomUUID(),
      timestamp: now,
      localTimestamp: now,
      // Same locale data as the playground puts on the current user's messages.
      locale: 'en-US',
      from: { id: user.id, name: user.name, aadObjectId: user.aadObjectId },
      text: fullText,
      textFormat: 'plain',
      entities: [
        ...(mention ? [{ type: 'mention', mentioned: this.cfg.bot, text: mentionText }] : []),
        { type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: LOCAL_TIMEZONE },
      ],
      channelData: {
        tenant: { id: this.cfg.tenantId },
        ...(channel
          ? {
              team: { id: this.cfg.team.id },
              channel: { id: channel },
              teamsTeamId: this.cfg.team.id,
              teamsChannelId: channel,
            }
          : {}),
      },
    };
    await this.post('/_internal/v1/customActivities', activity);
    const exchange = await this.waitForExchange(since, (e) => e.activity.id === activity.id, id);
    return { delivered: true, conversationId: id, activityId: activity.id, botStatus: exchange.status };
  }

  /**
   * Opens a 1:1 chat between another mock user and the bot, as a person does in Teams by
   * starting a chat with the app. The playground has one personal chat (the current user's),
   * so this uses its mocked Bot Connector the same way the bot opens chats.
   */
  async openPersonalChat(userId: string): Promise<string> {
    const res = await this.post('/_connector/v3/conversations', {
      isGroup: false,
      bot: { id: this.cfg.bot.id, name: this.cfg.bot.name },
      members: [{ id: userId }],
      tenantId: this.cfg.tenantId,
      channelData: { tenant: { id: this.cfg.tenantId } },
    });
    const { id } = z.object({ id: z.string() }).parse(res.body);
    this.otherUserChats.set(id, userId);
    return id;
  }

  /** Sends an `adaptiveCard/action` invoke for the message `replyToId`, as Teams does on a button press. */
  async invoke(where: Where, replyToId: string, value: unknown, opts: { as?: string } = {}): Promise<InvokeResult> {
    this.actionStart = this.seq;
    const { id } = this.resolve(where);
    const res = await fetch(`${this.base}/_conversation/v1/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'adaptiveCard/action',
        conversation: { id },
        from: { id: opts.as ?? this.cfg.currentUser.id },
        replyToId,
        value,
      }),
    });
    const body = parseJson(await res.text());
    if (res.status === 200 && isRecord(body)) return { status: res.status, type: str(body.type), value: body.value };
    if (res.status === 400 || res.status === 404) {
      throw new Error(`invoke rejected: ${res.status} ${JSON.stringify(body)}`);
    }
    return { status: res.status, error: body };
  }

  /**
   * Presses an Action.Execute button (found by title or verb) on the latest version of a bot message.
   * Teams merges the card's input values into the action's data; pass them as `inputs`.
   */
  async clickAction(
    message: BotMessage,
    titleOrVerb: string,
    opts: { as?: string; inputs?: Record<string, unknown> } = {},
  ): Promise<InvokeResult> {
    const latest = this.message(message.messageId) ?? message;
    const action = findAction(latest.attachments.map((a) => a.content), titleOrVerb);
    if (!action) throw new Error(`no action "${titleOrVerb}" on message ${message.messageId}:\n${visibleText(latest)}`);
    if (action.type !== 'Action.Execute') {
      throw new Error(`"${titleOrVerb}" is ${String(action.type)}, not Action.Execute`);
    }
    const data = isRecord(action.data) ? action.data : {};
    const value = {
      action: { type: 'Action.Execute', id: action.id, verb: action.verb, data: { ...data, ...opts.inputs } },
      trigger: 'manual',
    };
    return this.invoke({ conversationId: latest.conversationId }, latest.messageId, value, { as: opts.as });
  }

  /**
   * Installs the app in a conversation ('team' = the team, via General) and resolves when the bot has
   * answered both events; returns the bot's HTTP status for each.
   */
  async install(where: Where): Promise<{ installationUpdate?: number; conversationUpdate?: number }> {
    const since = (this.actionStart = this.seq);
    const { id } = this.resolve(where);
    await this.post(`/_debug/conversation/${encodeURIComponent(id)}/installation`, {});
    const of = (type: string) => (e: BotExchange) => e.activity.type === type && e.activity.conversation?.id === id;
    const [installation, conversation] = await Promise.all([
      this.waitForExchange(since, of('installationUpdate'), id),
      this.waitForExchange(since, of('conversationUpdate'), id),
    ]);
    return { installationUpdate: installation.status, conversationUpdate: conversation.status };
  }

  // ----- waiting -----

  async waitForBotMessage(
    predicate: (m: BotMessage) => boolean,
    opts: number | WaitOptions = {},
  ): Promise<BotMessage> {
    const { timeoutMs = DEFAULT_TIMEOUT_MS, since = this.actionStart } =
      typeof opts === 'number' ? { timeoutMs: opts } : opts;
    return this.waitFor(
      () => this.messages.find((m) => m.seq >= since && predicate(m)),
      timeoutMs,
      () =>
        `no matching bot message within ${timeoutMs} ms. Bot messages since #${since}:\n` +
        (this.messages
          .filter((m) => m.seq >= since)
          .map((m) => `  #${m.seq} ${m.kind} ${m.conversationId}: ${visibleText(m).replace(/\n/g, ' | ')}`)
          .join('\n') || '  (none)'),
    );
  }

  private waitForExchange(
    since: number,
    predicate: (e: BotExchange) => boolean,
    conversationId: string,
  ): Promise<BotExchange> {
    return this.waitFor(
      () => {
        if (this.warnings.some((w) => w.seq >= since && w.conversationId === conversationId)) {
          throw new Error(`the playground could not reach the bot (conversation ${conversationId})`);
        }
        const found = this.exchanges.find((e) => e.seq >= since && !this.consumedExchanges.has(e.seq) && predicate(e));
        if (found) this.consumedExchanges.add(found.seq);
        return found;
      },
      DEFAULT_TIMEOUT_MS,
      () => `the bot did not answer the activity within ${DEFAULT_TIMEOUT_MS} ms (conversation ${conversationId})`,
    );
  }

  private waitFor<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          try {
            if (this.failure) throw this.failure;
            const found = find();
            if (found === undefined) return;
            done();
            resolve(found);
          } catch (e) {
            done();
            reject(e instanceof Error ? e : new Error(String(e)));
          }
        },
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(describe()));
      }, timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      waiter.check();
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter.check();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  // ----- incoming frames -----

  private onConversationFrame(frame: unknown): void {
    const parsed = ConversationFrameSchema.safeParse(frame);
    if (!parsed.success || !parsed.data.message) return; // e.g. typing
    const { action, actionConversationId, message } = parsed.data;
    if (action !== 'createMessage' && action !== 'updateMessage') return;
    if (message.from.id !== this.cfg.bot.id) return;
    this.messages.push({
      seq: this.seq++,
      kind: action === 'createMessage' ? 'create' : 'update',
      messageId: message.messageId,
      // A new channel post arrives under the channel id, with the thread it opened in postConversationId.
      conversationId: message.postConversationId ?? actionConversationId,
      text: message.text,
      attachments: message.attachments,
    });
    this.notify();
  }

  private onLogFrame(frame: unknown): void {
    const parsed = LogFrameSchema.safeParse(frame);
    if (!parsed.success) return;
    const { log } = parsed.data;
    if (log.type === 'text') {
      if (log.level === 'warning') this.warnings.push({ conversationId: log.conversationId, seq: this.seq++ });
      this.notify();
      return;
    }
    const body = ActivityBodySchema.safeParse(log.request?.body);
    if (log.type !== 'bot' || !body.success) return;
    const status = log.response?.statusCode;
    if (log.from === PLAYGROUND_LABEL) {
      this.exchanges.push({ seq: this.seq++, activity: body.data, status, responseBody: log.response?.body });
    } else {
      this.recordOtherUserChat(log.activityName, body.data, status, log.response?.body);
    }
    this.notify();
  }

  /** Bot -> playground calls the conversation stream never shows: 1:1 chats with other users. */
  private recordOtherUserChat(
    activityName: string | undefined,
    activity: ActivityBody,
    status: number | undefined,
    responseBody: unknown,
  ): void {
    if (status === undefined || status >= 300) return;
    const responseId = ResponseIdSchema.safeParse(responseBody);
    if (activityName === 'createConversation') {
      const member = activity.members?.[0]?.id;
      if (responseId.success && member && member !== this.cfg.currentUser.id) {
        this.otherUserChats.set(responseId.data.id, member);
      }
      return;
    }
    const conversationId = activity.conversation?.id;
    const privateTo = conversationId ? this.otherUserChats.get(conversationId) : undefined;
    if (!conversationId || !privateTo || activity.type !== 'message') return;
    // botbuilder puts the activity id in the body only for updateActivity (PUT); new messages get it back.
    const isUpdate = activity.id !== undefined;
    const messageId = isUpdate ? activity.id : responseId.success ? responseId.data.id : undefined;
    if (!messageId) return;
    this.messages.push({
      seq: this.seq++,
      kind: isUpdate ? 'update' : 'create',
      messageId,
      conversationId,
      text: activity.text,
      attachments: activity.attachments ?? [],
      privateTo,
    });
  }

  // ----- plumbing -----

  private resolve(where: Where): { id: string; kind: ConversationKind } {
    const channelExtra = this.cfg.channels[1];
    if (where === 'personal') return { id: this.cfg.personalChatId, kind: 'personal' };
    if (where === 'group') return { id: this.cfg.groupChat.id, kind: 'group' };
    if (where === 'team') return { id: this.cfg.team.id, kind: 'channel' };
    if (where === 'channel') {
      if (!channelExtra) throw new Error('the playground team has only a General channel');
      return { id: channelExtra.id, kind: 'channel' };
    }
    const id = where.conversationId;
    if (id === this.cfg.personalChatId) return { id, kind: 'personal' };
    if (id === this.cfg.groupChat.id) return { id, kind: 'group' };
    if (this.cfg.channels.some((c) => c.id === id)) return { id, kind: 'channel' };
    if (id.includes(';messageid=')) return { id, kind: 'thread' };
    return { id, kind: 'otherUserChat' };
  }

  private async get(path: string): Promise<unknown> {
    const res = await fetch(`${this.base}${path}`);
    const body = parseJson(await res.text());
    if (!res.ok) throw new Error(`GET ${path} -> ${res.status} ${JSON.stringify(body)}`);
    return body;
  }

  private async post(path: string, payload: unknown): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${this.base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
    const body = parseJson(await res.text());
    if (!res.ok) throw new Error(`POST ${path} -> ${res.status} ${JSON.stringify(body)}`);
    return { status: res.status, body };
  }
}
