import restify from 'restify';
import { openStore, type AppStore } from '../storage/appStore';
import { readTerms } from '../storage/termsFile';
import type { NedbImportReport } from '../storage/sqlite/importNedb';
import type { MeetingDateMigrationReport } from '../storage/meetingDateMigration';
import type { QueryPlanCheck } from '../storage/sqlite/queryPlanCheck';
import type { FileCheck } from '../storage/sqlite/fileCheck';
import { createBotApp, type BotApp } from './app';
import type { AppConfig } from './config';
import type { DeliveryPolicy } from './proactive';
import { createLogger, logFormatFor, type Logger } from './logger';
import { CALENDAR_UID_DOMAIN, calendarPage } from './calendar/calendarPage';
import { certificatePage } from './certificate/certificatePage';
import { registerTabRoutes } from './tab/routes';
import { exportPage } from './export/exportPage';
import { cutOffSlowRequests, setDefaultSecurityHeaders } from './httpHardening';
import { backfillFollowUp } from './followUp/backfill';

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
  /** Tests: fail on a store query that no declared index serves (embedded store). */
  readonly checkQueryPlans?: QueryPlanCheck;
  /** The embedded store's file check, started before the bot's modules loaded (bot/index.ts). */
  readonly fileCheck?: FileCheck;
  /** Tests: when the start-up's background work begins (BACKGROUND_START_DELAY_MS by default; 0: before startBot returns). */
  readonly backgroundStartDelayMs?: number;
}

const HEALTH_TIMEOUT_MS = 2000;
/**
 * The start-up's background work (the reminder scheduler's first pass, the audit outbox sweep,
 * the follow-up backfill, reminders of cases whose meeting date a migration moved) begins this
 * long after the bot listens. With 10,000 cases its first steps took about 100 ms of the event
 * loop, which the requests waiting for a restarted bot (a load balancer's health check, the
 * messages Teams retries) would otherwise queue behind; none of it is due to the second.
 */
export const BACKGROUND_START_DELAY_MS = 1000;

/** Counts and where the old files went: enough for an operator to check the upgrade, no content. */
function logNedbImport(log: Logger, report: NedbImportReport): void {
  if (report.status === 'ignored') {
    log.warn('NeDB files from an earlier version are in DATA_DIR beside the SQLite store, which was not made from them; they were left alone and are not used');
    return;
  }
  const documents = Object.values(report.counts).reduce((a, b) => a + b, 0);
  log.info({ status: report.status, collections: report.counts, documents, movedTo: report.movedTo }, 'imported the earlier version\'s NeDB store into SQLite (checked by counts); the old files were moved aside');
  if (report.tornLines.length > 0) {
    log.warn({ files: report.tornLines }, 'dropped a half-written last line (a write cut short by a crash) while importing');
  }
}

export async function startBot(config: AppConfig, options: StartOptions = {}): Promise<RunningBot> {
  const log = options.log ?? createLogger(config.logLevel, logFormatFor(config));
  let meetingDates: MeetingDateMigrationReport | undefined;
  const store =
    options.store ??
    (await openStore({
      ...(config.mongoUri
        ? { kind: 'mongodb' as const, uri: config.mongoUri, db: config.mongoDb }
        : {
            kind: 'embedded' as const,
            dataDir: config.dataDir,
            onNedbImport: (report) => logNedbImport(log, report),
            checkQueryPlans: options.checkQueryPlans,
            fileCheck: options.fileCheck,
          }),
      onAuditDeferred: (err) => log.warn({ err: err.message }, 'audit entry left in its document; the next start-up copies it to the log'),
      onAuditStartup: (report) => {
        if (report.documents > 0) log.info(report, 'audit log: the old capped trails were moved into the log');
      },
      onAuditRecovered: (entries) => log.info({ entries }, 'audit log: entries a crash had left in their documents were copied'),
      onMeetingDatesStartup: (report) => {
        meetingDates = report;
        if (report.moved > 0) log.info({ checked: report.checked, moved: report.moved }, 'meeting dates: cases whose meeting was held on another day now carry the real date');
      },
      onServiceRecordsStartup: (report) => {
        if (report && report.cases > 0) log.info(report, "service view: each case's record was built from its case, sessions, certificates and outcome");
      },
      onServiceRecordFailed: (caseId, err) => log.warn({ caseId, err: err.message }, 'service view: a record could not be rebuilt after a change; the view rebuilds it when next read'),
    }));
  const terms = await readTerms(config.termsFile);
  let listeningOn = config.port;
  const app = createBotApp({ config, store, log, terms, now: options.now, delivery: options.delivery, publicBaseUrl: () => config.publicBaseUrl ?? `http://localhost:${listeningOn}` });
  const server = createHttpServer(config, app.endpoint, store, log);
  server.get('/certificates/:token', certificatePage(store, log));
  server.get('/exports/:token', exportPage(store, log, app.deps.now));
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
  log.info({ port, store: store.kind, storeAt: store.location, authenticated: config.hasTeamsCredentials }, 'bot listening');
  app.deps.reminders.follow();
  const delay = options.backgroundStartDelayMs ?? BACKGROUND_START_DELAY_MS;
  // Tracked from now: background.idle() (tests) waits for the delay and what it starts.
  const startUp = delay === 0 ? undefined : app.deps.background.runLater('start-up work', delay, async () => startBackgroundWork(app, meetingDates));
  if (!startUp) startBackgroundWork(app, meetingDates);
  return {
    port,
    url: `http://localhost:${port}`,
    store,
    app,
    async close() {
      // Not begun yet: it is left for the next start, as it would be after a crash.
      startUp?.cancel();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.deps.reminders.stop();
      await app.deps.purge.stop();
      // Pending case-card edits are sent now, not after their window, and not dropped.
      await app.deps.background.drain();
      if (!options.store) await store.close();
    },
  };
}

/** What a start sets going in the background once the bot has answered its first requests (BACKGROUND_START_DELAY_MS). */
function startBackgroundWork(app: BotApp, meetingDates: MeetingDateMigrationReport | undefined): void {
  app.deps.reminders.start();
  // Cases the start-up migration gave their real meeting date: their deadlines follow it, and only
  // then is the migration marked done (a crash before that runs it, and this, again).
  if (meetingDates && meetingDates.caseIds.length > 0) {
    app.deps.background.run('meeting dates: reminders', async () => {
      for (const caseId of meetingDates.caseIds) await app.deps.reminders.sync.syncNow(caseId);
      await meetingDates.done();
    });
  }
  app.deps.purge.start();
  // Once in the store's life: actions of outcomes published before they were followed (bot/followUp/backfill.ts).
  app.deps.background.run('follow-up backfill', async () => {
    await backfillFollowUp(app.deps);
  });
  // A read of every case's outbox; store.close() ends it early, and the next start sweeps again.
  void app.deps.store.recoverAudit();
}

function createHttpServer(config: AppConfig, endpoint: ReturnType<typeof createBotApp>['endpoint'], store: AppStore, log: Logger) {
  const server = restify.createServer({ name: 'send-mediation-bot', handleUncaughtExceptions: false });
  cutOffSlowRequests(server.server, config.requestTimeoutMs);
  server.pre((_req, res, next) => {
    setDefaultSecurityHeaders(res);
    return next();
  });
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
    const status = (err as { statusCode?: number }).statusCode;
    // The Agents Playground's page checks the endpoint ("Connecting to your application…") with a
    // HEAD request each time it is opened, and a browser pointed at it sends GET: both get 405 and
    // are expected, so logging them as refused would only bury real refusals.
    if (status === 405 && (req.method === 'HEAD' || req.method === 'GET') && req.path() === '/api/messages') {
      log.debug({ status, method: req.method, path: req.path() }, 'probe of the messaging endpoint');
      return callback();
    }
    // Bad JSON, oversized bodies and unknown routes are the client's problem: log them quietly.
    log.info({ status, method: req.method, path: req.path() }, 'request refused');
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
