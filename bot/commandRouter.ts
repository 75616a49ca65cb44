import type { TurnContext } from 'botbuilder';
import { COMMANDS, type CommandInfo } from './commandCatalog';
import type { Command } from './commands/command';
import type { BotDeps } from './deps';
import { helpText } from './commands/help';
import { callerOf, commandText, scopeOf } from './turnInfo';

/**
 * Matches typed text to a command. The longest catalog name that prefixes the text wins,
 * so multi-word commands ("new case") and one-word ones ("help") share one table.
 */
export class CommandRouter {
  private readonly byName = new Map<string, Command>();

  constructor(commands: readonly Command[], private readonly deps: BotDeps) {
    for (const c of commands) {
      if (!COMMANDS.some((info) => info.name === c.name)) throw new Error(`Command "${c.name}" is not in the catalog`);
      this.byName.set(c.name, c);
    }
  }

  /** The command this text names in this scope, if any. */
  match(turn: TurnContext): CommandInfo | undefined {
    const lower = commandText(turn).toLowerCase();
    const scope = scopeOf(turn);
    return COMMANDS.filter((info) => info.scopes.includes(scope) && this.byName.has(info.name))
      .filter((info) => lower === info.name || lower.startsWith(`${info.name} `))
      .sort((a, b) => b.name.length - a.name.length)[0];
  }

  async route(turn: TurnContext): Promise<void> {
    const text = commandText(turn);
    const scope = scopeOf(turn);
    const match = this.match(turn);

    if (!match) {
      await turn.sendActivity({ type: 'message', text: notUnderstood(text, scope), textFormat: 'markdown' });
      return;
    }
    const command = this.byName.get(match.name)!;
    await command.run({ turn, scope, caller: callerOf(turn), args: text.slice(match.name.length).trim(), deps: this.deps });
  }
}

function notUnderstood(text: string, scope: Parameters<typeof helpText>[0]): string {
  const known = COMMANDS.find((c) => text.toLowerCase().startsWith(c.name));
  const opening = text
    ? known
      ? `**${known.name}** isn't available here.`
      : "Sorry, I didn't recognise that."
    : 'Did you mean to ask me something?';
  return `${opening}\n\n${helpText(scope)}`;
}
