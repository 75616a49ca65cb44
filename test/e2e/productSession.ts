import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { startBot, type RunningBot } from '../../bot/server';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { PlaygroundSession } from './playgroundDriver';

export interface ProductSession {
  readonly bot: RunningBot;
  readonly pg: PlaygroundSession;
  stop(): Promise<void>;
}

/** The real product on its embedded store (temp dir) with the Agents Playground in front of it. */
export async function startProduct(env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<ProductSession> {
  const dataDir = await makeTempDir('send-med-e2e-');
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'silent', CASE_CARD_WINDOW_SECONDS: '0', ...env });
  const bot = await startBot(config, { log: createLogger(process.env.E2E_LOG_LEVEL === 'debug' ? 'debug' : 'silent'), now: options.now, checkQueryPlans: refuseTableScans });
  try {
    const pg = await PlaygroundSession.start({ botEndpoint: `http://127.0.0.1:${bot.port}/api/messages` });
    return {
      bot,
      pg,
      async stop() {
        // Let the bot finish its background sends while the playground still answers: once it is
        // gone, a send retries (connection refused) with backoff before giving up.
        await bot.app.deps.background.idle();
        await pg.stop();
        await bot.close();
        await removeDir(dataDir);
      },
    };
  } catch (err) {
    await bot.close();
    await removeDir(dataDir);
    throw err;
  }
}
