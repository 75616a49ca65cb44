import { commandsFor, type Scope } from '../commandCatalog';
import type { Command, CommandContext } from './command';

const WHERE: Record<Scope, string> = {
  personal: 'in our 1:1 chat',
  groupChat: 'in this group chat (mention me first)',
  team: 'in this channel (mention me first)',
};

export function helpText(scope: Scope): string {
  const lines = commandsFor(scope).map((c) => `- **${c.name}**: ${c.description}`);
  return [`Here is what you can ask me ${WHERE[scope]}:`, ...lines].join('\n');
}

export const helpCommand: Command = {
  name: 'help',
  async run({ turn, scope }: CommandContext): Promise<void> {
    await turn.sendActivity({ type: 'message', text: helpText(scope), textFormat: 'markdown' });
  },
};
