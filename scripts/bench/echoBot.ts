/**
 * The baseline: the smallest bot on the same botbuilder CloudAdapter and restify as the
 * product, with no authentication and no storage. It replies to a message with its text
 * (one call to the Bot Connector, like the product's `help`) and answers an invoke 200.
 * Run as its own process: `PORT=… node --import tsx scripts/bench/echoBot.ts`.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import restify from 'restify';

const port = Number(process.env.PORT ?? 3979);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

async function logic(context: TurnContext): Promise<void> {
  const a = context.activity;
  if (a.type === 'message') {
    await context.sendActivity({ type: 'message', text: a.text ?? '' });
  } else if (a.type === 'invoke') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'ok' } } });
  }
}

const server = restify.createServer({ name: 'echo-bot', handleUncaughtExceptions: false });
server.use(restify.plugins.bodyParser({ mapParams: false, mapFiles: false }));
server.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, logic);
});
server.get('/healthz', async (_req, res) => {
  res.json(200, { status: 'ok' });
});
server.listen(port, '127.0.0.1', () => {
  process.stdout.write(`echo bot listening on ${port}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
