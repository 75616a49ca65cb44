import { randomUUID } from 'node:crypto';
import type { CloudAdapter } from 'botbuilder';
import type { BotDeps } from './deps';

/** Logs with a correlation id and tells the person something went wrong, without internals. */
export function installTurnErrorHandler(adapter: CloudAdapter, deps: BotDeps): void {
  adapter.onTurnError = async (context, error) => {
    const correlationId = randomUUID().slice(0, 8);
    deps.log.error(
      { correlationId, activityType: context.activity.type, err: error.message, stack: error.stack },
      'unhandled error in turn',
    );
    if (context.activity.type === 'invoke') return; // invokes are answered by their router
    try {
      await context.sendActivity(
        `Sorry, something went wrong on my side (reference ${correlationId}). Please try again in a moment.`,
      );
    } catch (sendErr) {
      deps.log.error({ correlationId, err: (sendErr as Error).message }, 'could not tell the person about the error');
    }
  };
}
