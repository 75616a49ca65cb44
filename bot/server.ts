import restify from 'restify';
import { openStore, type AppStore } from '../storage/appStore';
import { readTerms } from '../storage/termsFile';
import { createBotApp, type BotApp } from './app';
import type { AppConfig } from './config';
import type { DeliveryPolicy } from './proactive';
import { createLogger, type Logger } from './logger';
import { CALENDAR_UID_DOMAIN, calendarPage } from './calendar/calendarPage';
import { certificatePage } from './certificate/certificatePage';
import { registerTabRoutes } from './tab/routes';

export interface RunningBot {
  readonly port: number;
  readonly url: string;
  readonly store: AppStore;
  readonly app: BotApp;
  close(): Promise<void>;
}

export interface StartOptions {
  readonly log?: Logger;
  readonly now?: () => Date;
  /** Injected by tests that want to share or inspect the store. */
  readonly store?: AppStore;
  /** Shorter retry waits for tests. */
  readonly delivery?: DeliveryPolicy;
}

const HEALTH_TIMEOUT_MS = 2000;

export async function startBot(config: AppConfig, options: StartOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.logLevel);
  const store =
    options.store ??
    (await openStore(
      config.mongoUri
        ? { kind: 'mongodb', uri: config.mongoUri, db: config.mongoDb }
        : {
            kind: 'embedded',
            dataDir: config.dataDir,
            onRepair: (file, bytes) => log.warn({ file, bytes }, 'repaired a torn write at the end of a store file'),
          },
    ));
  const terms = await readTerms(config.termsFile);
  let listeningOn = config.port;
  const app = createBotApp({ config, store, log, terms, now: options.now, delivery: options.delivery, publicBaseUrl: () => config.publicBaseUrl ?? `http://localhost:${listeningOn}` });
  const server = createHttpServer(config, app.endpoint, store, log);
  server.get('/certificates/:token', certificatePage(store, log));
  // The UID must not change with the address the bot is reached at, or a moved meeting would become a second event.
  server.get('/calendar/:file', calendarPage(store, log, { now: app.deps.now, uidDomain: () => CALENDAR_UID_DOMAIN }));
  registerTabRoutes(server, app);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  listeningOn = port;
  log.info({ port, store: store.kind, authenticated: config.hasTeamsCredentials }, 'bot listening');
  app.deps.reminders.start();

  return {
    port,
    url: `http://localhost:${port}`,
    store,
    app,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.deps.reminders.stop();
      await app.deps.background.idle();
      if (!options.store) await store.close();
    },
  };
}

function createHttpServer(config: AppConfig, endpoint: ReturnType<typeof createBotApp>['endpoint'], store: AppStore, log: Logger) {
  const server = restify.createServer({ name: 'send-mediation-bot', handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ maxBodySize: config.maxBodyBytes, mapParams: false, mapFiles: false }));

  server.post('/api/messages', async (req, res) => {
    const header = req.headers.authorization;
    const result = await endpoint.handle(req.body, typeof header === 'string' ? header : '');
    res.status(result.status);
    if (result.body !== undefined) res.json(result.body);
    else res.end();
  });

  server.get('/healthz', async (_req, res) => {
    try {
      await withTimeout(store.ping(), HEALTH_TIMEOUT_MS);
      res.json(200, { status: 'ok', store: store.kind });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'health check failed');
      res.json(503, { status: 'unavailable', store: store.kind });
    }
  });

  server.on('restifyError', (req, _res, err, callback) => {
    // Bad JSON, oversized bodies and unknown routes are the client's problem: log them quietly.
    log.info({ status: (err as { statusCode?: number }).statusCode, path: req.path() }, 'request refused');
    return callback();
  });
  return server;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    p,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
