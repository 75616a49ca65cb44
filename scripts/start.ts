/**
 * `npm start`: the local developer launcher. Starts the bot; without Teams credentials also starts
 * Microsoft 365 Agents Playground beside it, so the bot can be used offline in an emulated Teams.
 * Ctrl-C or SIGTERM stops both and exits 0.
 *
 * Env: PORT (bot, default 3978), PLAYGROUND_PORT (default 56150; 0 = any free port), plus everything
 * bot/config.ts reads. A `.env` file is loaded first when present.
 */
import { z } from 'zod';
import { ConfigError, loadConfig, loadDotEnv } from '../bot/config';
import { startBot } from '../bot/server';
import { dashboardUrl } from '../bot/tab/routes';
import { buildTab } from './build-tab';
import { DEFAULT_PLAYGROUND_PORT, startPlayground, type PlaygroundHandle } from './playground';

const SHUTDOWN_TIMEOUT_MS = 10_000;

function playgroundPort(env: NodeJS.ProcessEnv): number {
  const raw = env.PLAYGROUND_PORT?.trim();
  if (!raw) return DEFAULT_PLAYGROUND_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PLAYGROUND_PORT must be an integer from 0 to 65535, got "${raw}"`);
  }
  return port;
}

const TestConfigSchema = z.object({
  config: z.object({ teams: z.array(z.object({ channels: z.array(z.object({ name: z.string() })) })) }),
});

/** Names from the running playground, so the hint stays true if the YAML is edited. */
async function describeConversations(pg: PlaygroundHandle): Promise<string> {
  try {
    const res = await fetch(`http://127.0.0.1:${pg.port}/_internal/v1/testConfig`);
    const extra = TestConfigSchema.parse(await res.json()).config.teams[0]?.channels[1]?.name;
    if (extra) return `personal chat, group chat and the "${extra}" channel`;
  } catch {
    // only a hint
  }
  return 'personal chat, group chat and a team';
}

/** One line per stage, so a first start (which also compiles the dashboard) is never a silent wait. */
function step(what: string): void {
  console.log(`${what}…`);
}

async function main(): Promise<void> {
  loadDotEnv();
  const config = loadConfig();
  const pgPort = config.hasTeamsCredentials ? undefined : playgroundPort(process.env);

  step('Building the dashboard page (tab/ → tab/dist/)');
  await buildTab();
  step(`Starting the bot (${config.mongoUri ? 'MongoDB' : `embedded store in ${config.dataDir}`})`);
  const bot = await startBot(config);
  // 127.0.0.1, not localhost: without credentials the bot listens on loopback IPv4 only, and
  // "localhost" may resolve to ::1 first.
  const botEndpoint = `http://127.0.0.1:${bot.port}/api/messages`;
  let playground: PlaygroundHandle | undefined;

  let shuttingDown = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`\n${reason}: stopping…`);
    const force = setTimeout(() => {
      console.error(`Shutdown took over ${SHUTDOWN_TIMEOUT_MS / 1000} s; exiting anyway.`);
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS);
    force.unref();
    try {
      await playground?.stop();
      await bot.close();
      process.exit(0);
    } catch (error) {
      console.error('Error while stopping:', error);
      process.exit(1);
    }
  };
  // Registered before the playground starts, so a Ctrl-C during its start-up still stops the bot.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (shuttingDown) {
        // A second Ctrl-C: the user does not want to wait.
        process.exit(1);
      }
      void shutdown(signal);
    });
  }

  if (pgPort === undefined) {
    // With an app id the bot answers 401 to the playground's unsigned requests.
    console.log('\nTeams credentials are configured: Agents Playground is not started.');
    console.log(`  Bot endpoint:  ${botEndpoint}  (reach it from Teams through a tunnel: docs/deploy.md)`);
    console.log('Press Ctrl-C to stop.');
    return;
  }
  step('Starting Microsoft 365 Agents Playground');
  try {
    playground = await startPlayground({ botEndpoint, port: pgPort });
  } catch (error) {
    await bot.close();
    throw error;
  }
  const conversations = await describeConversations(playground);
  void playground.exited.then((code) => {
    if (!shuttingDown) {
      console.error(`Agents Playground exited unexpectedly (code ${code}); the bot is still running.`);
    }
  });
  // The three addresses last, where the eye lands when the output stops.
  console.log(`\nReady. The playground's log: ${playground.logFile}`);
  console.log(`  Bot endpoint:       ${botEndpoint}`);
  console.log(`  Case dashboard:     ${dashboardUrl(bot.url)}  (local mode: pick a playground user; this computer only)`);
  console.log(`  Agents Playground:  ${playground.url}  (${conversations})  ← open this`);
  console.log('Press Ctrl-C to stop.');
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Could not start:', error);
  process.exit(1);
});
