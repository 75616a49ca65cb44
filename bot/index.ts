/** Production entry point (`npm run serve`): the bot alone, no playground. */
import { ConfigError, loadConfig, loadDotEnv } from './config';
import { createLogger, logFormatFor } from './logger';
import { startBot } from './server';

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
  const log = createLogger(config.logLevel, logFormatFor(config));
  if (!config.hasTeamsCredentials) {
    log.warn('No Teams credentials: inbound requests are NOT authenticated. Local use only.');
  }
  const bot = await startBot(config, { log });
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

main().catch((err: unknown) => {
  console.error('Failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
