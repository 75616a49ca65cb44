import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Scope } from '../commandCatalog';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';

export interface ActionContext {
  readonly turn: TurnContext;
  readonly scope: Scope;
  readonly caller: Caller;
  /** The card's action data merged with the inputs: untrusted, validate before use. */
  readonly data: unknown;
  readonly deps: BotDeps;
}

/** One handler per card verb. */
export interface CardAction {
  readonly verb: string;
  handle(c: ActionContext): Promise<AdaptiveCardInvokeResponse>;
}
