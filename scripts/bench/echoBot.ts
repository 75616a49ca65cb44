/**
 * The baseline: the smallest bot on the same botbuilder CloudAdapter and restify as the
 * product, with no authentication and no storage. It replies to a message with its text
 * (one call to the Bot Connector, like the product's `help`). A card click does what any bot
 * must do for a click that changes shared state: it answers with a card, then updates the
 * shared card in the conversation with one `updateActivity` call after the answer, as the
 * product does in the background. Run as its own process (compiled, as production runs):
 * `PORT=… node dist/scripts/bench/echoBot.js`.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, TurnContext, type ConversationReference } from 'botbuilder';
import { serveBaseline } from './baselineServer';

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));

function card(text: string): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', version: '1.5', body: [{ type: 'TextBlock', text, wrap: true }] };
}

async function logic(context: TurnContext): Promise<void> {
  const a = context.activity;
  if (a.type === 'message') {
    await context.sendActivity({ type: 'message', text: a.text ?? '' });
  } else if (a.type === 'invoke') {
    await context.sendActivity({ type: 'invokeResponse', value: { status: 200, body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card('Done') } } });
    const reference = TurnContext.getConversationReference(a) as ConversationReference;
    const cardId = a.replyToId;
    if (cardId) {
      setImmediate(() => {
        void adapter
          .continueConversationAsync('', reference, async (ctx) => {
            await ctx.updateActivity({ id: cardId, type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card('Updated') }] });
          })
          .catch(() => undefined);
      });
    }
  }
}

serveBaseline('echo bot', adapter, logic);
