import type { TurnContext } from 'botbuilder';
import type { BotDeps } from '../deps';
import type { Scope } from '../commandCatalog';
import type { Caller } from '../turnInfo';

export interface CommandContext {
  readonly turn: TurnContext;
  readonly scope: Scope;
  readonly caller: Caller;
  /** What followed the command word, trimmed. */
  readonly args: string;
  readonly deps: BotDeps;
}

/** One typed command; `name` must appear in bot/commandCatalog.ts for the scopes it serves. */
export interface Command {
  readonly name: string;
  run(c: CommandContext): Promise<void>;
}
