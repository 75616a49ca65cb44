import { loadConfig, type AppConfig } from '../../bot/config';
import { createLogger, type Logger } from '../../bot/logger';
import type { DeliveryPolicy } from '../../bot/proactive';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { startBot, type RunningBot } from '../../bot/server';
import { FakeConnector } from './fakeConnector';
import { makeTempDir, removeDir } from './tempDir';

export interface TestBot {
  readonly bot: RunningBot;
  readonly connector: FakeConnector;
  readonly config: AppConfig;
  /** POSTs an activity to /api/messages over real HTTP. */
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; body: unknown }>;
  stop(): Promise<void>;
}

/** The real server, adapter and embedded store on a temp dir, talking to a fake connector on loopback. */
export async function startTestBot(
  env: Record<string, string> = {},
  options: { now?: () => Date; connector?: FakeConnector; delivery?: DeliveryPolicy; log?: Logger; backgroundStartDelayMs?: number } = {},
): Promise<TestBot> {
  const { now } = options;
  const dataDir = env.DATA_DIR ?? (await makeTempDir());
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CASE_CARD_WINDOW_SECONDS: '0', ...env });
  const connector = options.connector ?? (await FakeConnector.start());
  let bot: RunningBot;
  try {
    // The start-up's background work at once unless asked otherwise: tests await it with background.idle().
    bot = await startBot(config, { log: options.log ?? createLogger('silent'), now, delivery: options.delivery, checkQueryPlans: refuseTableScans, backgroundStartDelayMs: options.backgroundStartDelayMs ?? 0 });
  } catch (error) {
    // Nothing is returned to stop, so free here what this call started.
    if (!options.connector) await connector.stop();
    if (!env.DATA_DIR) await removeDir(dataDir);
    throw error;
  }
  return {
    bot,
    connector,
    config,
    async post(activity, headers = {}) {
      const res = await fetch(`${bot.url}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ serviceUrl: connector.url, ...activity }),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
    },
    async stop() {
      await bot.close();
      if (!options.connector) await connector.stop();
      if (!env.DATA_DIR) await removeDir(dataDir);
    },
  };
}

let seq = 0;
export type ConversationKind = 'personal' | 'groupChat' | 'channel';

/** A Teams-shaped activity; `as` picks the sender. */
export function activity(
  kind: ConversationKind,
  fields: Record<string, unknown>,
  as: { id: string; aadObjectId: string; name: string } = USERS.mediator,
): Record<string, unknown> {
  const conversationId = kind === 'personal' ? `a:personal-${as.aadObjectId}` : kind === 'groupChat' ? '19:group@thread.v2' : '19:cases@thread.tacv2';
  return {
    type: 'message',
    id: `act-${++seq}-${Date.now()}`,
    channelId: 'msteams',
    conversation: { id: conversationId, conversationType: kind, tenantId: 'tenant-1', isGroup: kind !== 'personal' },
    from: as,
    recipient: { id: '28:bot', name: 'SEND Mediation' },
    channelData: {
      tenant: { id: 'tenant-1' },
      ...(kind === 'channel' ? { team: { id: '19:team@thread.tacv2' }, channel: { id: '19:cases@thread.tacv2' } } : {}),
    },
    ...fields,
  };
}

/** A message that @mentions the bot, as Teams delivers it in channels and group chats. */
export function mention(text: string): Record<string, unknown> {
  return {
    text: `<at>SEND Mediation</at> ${text}`,
    entities: [{ type: 'mention', text: '<at>SEND Mediation</at>', mentioned: { id: '28:bot', name: 'SEND Mediation' } }],
  };
}

export const USERS = {
  mediator: { id: '29:mediator', aadObjectId: '00000000-0000-0000-0000-0000000000a1', name: 'Maya Patel' },
  parent: { id: '29:parent', aadObjectId: '00000000-0000-0000-0000-0000000000b1', name: 'Sam Jones' },
  officer: { id: '29:officer', aadObjectId: '00000000-0000-0000-0000-0000000000c1', name: 'Priya Shah' },
  stranger: { id: '29:stranger', aadObjectId: '00000000-0000-0000-0000-0000000000f1', name: 'Alex Stranger' },
} as const;
