import type { CardAction } from './actions/action';
import type { Command } from './commands/command';
import { helpCommand } from './commands/help';

/** Every command and card verb the bot answers. Add new ones here and in commandCatalog.ts. */
export const ALL_COMMANDS: readonly Command[] = [helpCommand];
export const ALL_ACTIONS: readonly CardAction[] = [];
