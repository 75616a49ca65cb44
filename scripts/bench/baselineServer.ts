import type { CloudAdapter, TurnContext } from 'botbuilder';
import restify from 'restify';

/**
 * The baselines' HTTP side, as small as a bot's can be: restify with its body parser,
 * `POST /api/messages` into the CloudAdapter, `GET /healthz` for the bench's start-up timing.
 * Stops on SIGTERM.
 */
export function serveBaseline(name: string, adapter: CloudAdapter, logic: (context: TurnContext) => Promise<void>): void {
  const port = Number(process.env.PORT ?? 3979);
  const server = restify.createServer({ name, handleUncaughtExceptions: false });
  server.use(restify.plugins.bodyParser({ mapParams: false, mapFiles: false }));
  server.post('/api/messages', async (req, res) => {
    await adapter.process(req, res, logic);
  });
  server.get('/healthz', async (_req, res) => {
    res.json(200, { status: 'ok' });
  });
  server.listen(port, '127.0.0.1', () => {
    process.stdout.write(`${name} listening on ${port}\n`);
  });
  process.once('SIGTERM', () => server.close(() => process.exit(0)));
}
