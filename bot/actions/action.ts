import type { AdaptiveCardInvokeResponse, TurnContext } from 'botbuilder';
import type { Case } from '../../domain/cases';
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
  /**
   * The case named by the card's `caseId`, as the router read it for its tenant check in this
   * turn (absent when the data names none or no such case exists). A handler may use it instead
   * of reading the case again: it is the stored case, not anything the card sent.
   */
  readonly caseRead?: Case;
}

/** One handler per card verb. */
export interface CardAction {
  readonly verb: string;
  /**
   * True when what the handler stores is keyed by what it records (one acknowledgement per case,
   * party and terms version), so that a redelivered click finds that record, writes nothing and
   * answers the same card. Such a click skips the activity-id claim (two writes: the claim, then
   * the answer kept for a duplicate), which only repeats that guarantee.
   */
  readonly idempotentByRecord?: boolean;
  handle(c: ActionContext): Promise<AdaptiveCardInvokeResponse>;
}
