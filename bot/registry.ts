import type { CardAction } from './actions/action';
import { datesCalculateAction } from './actions/datesCalculate';
import type { Command } from './commands/command';
import { datesCommand } from './commands/dates';
import { helpCommand } from './commands/help';

/** Every command and card verb the bot answers. Add new ones here and in commandCatalog.ts. */
export const ALL_COMMANDS: readonly Command[] = [helpCommand, datesCommand];
export const ALL_ACTIONS: readonly CardAction[] = [datesCalculateAction];
