import { actionProgressListCard } from '../../cards/actionProgressListCard';
import { progressListView } from '../followUp/progressList';
import { recordAudit } from '../audit/recordAudit';
import { cardActivity } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `actions` (case thread, mediators): every agreed action's state after the meeting. */
export const actionsCommand: Command = {
  name: 'actions',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    await recordAudit(deps, c.id, caller.aadObjectId, 'actions.viewed');
    await turn.sendActivity(cardActivity(actionProgressListCard(await progressListView(c, deps))));
  },
};
