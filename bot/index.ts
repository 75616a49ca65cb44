/** Production entry point (`npm run serve`): the bot alone, no playground. */
import { ConfigError, loadConfig, loadDotEnv } from './config';
import { createLogger, logFormatFor } from './logger';
import { startFileCheck } from '../storage/sqlite/fileCheck';

async function main(): Promise<void> {
  loadDotEnv();
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  // The embedded store's page-by-page check (130 ms with 10,000 cases) runs on a thread of its
  // own while the rest of the bot loads (about half a second): server.ts and what it imports are
  // loaded only now, by the import() below.
  const fileCheck = config.mongoUri ? undefined : startFileCheck(config.dataDir);
  const log = createLogger(config.logLevel, logFormatFor(config));
  if (!config.hasTeamsCredentials) {
    log.warn('No Teams credentials: inbound requests are NOT authenticated. Local use only.');
  }
  const { startBot } = await import('./server');
  const bot = await startBot(config, { log, fileCheck });
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down');
    bot.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Resolves once the bot is listening: bot/codeCache.ts writes V8's code cache after it. */
export const started: Promise<void> = main().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
