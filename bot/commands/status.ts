import { canViewCase } from '../../domain/cases';
import { caseCardFor, cardActivity, notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `status` (case thread): the case card, as it stands now. */
export const statusCommand: Command = {
  name: 'status',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await caseOfThread(turn, deps);
    if (!c) {
      await turn.sendActivity(notice('No case here', 'Mention me with **status** in a case’s thread to see that case.', 'warning'));
      return;
    }
    if (!canViewCase(c, caller.aadObjectId ?? '')) {
      await turn.sendActivity(notice('Not allowed', `Only the mediators and parties of case ${c.caseReference} can see its status.`, 'warning'));
      return;
    }
    await turn.sendActivity(cardActivity(await caseCardFor(c, deps, caller.aadObjectId)));
  },
};
