import { certificateFormFor } from '../actions/certificateActions';
import { cardActivity, notice } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `certificate` (case thread, mediator): issue the mediation certificate (or the adviser's). */
export const certificateCommand: Command = {
  name: 'certificate',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const card = await certificateFormFor(c, deps);
    await turn.sendActivity(card instanceof Error ? notice('No certificate', card.message, 'warning') : cardActivity(card));
  },
};
