import { cardActivity, notice } from '../cases/caseCards';
import { recordAudit } from '../audit/recordAudit';
import { mediatorCaseOfThread } from '../cases/threadCase';
import { draftCardFor } from '../outcome/outcomeCards';
import type { Command, CommandContext } from './command';

/** `outcome` (case thread, mediator): the draft outcome statement, or the draft of a revised version. */
export const outcomeCommand: Command = {
  name: 'outcome',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const record = await deps.store.outcomes.get(c.id);
    if (!record) {
      await turn.sendActivity(notice('No outcome yet', 'The outcome statement starts when the meeting closes.', 'warning'));
      return;
    }
    await recordAudit(deps, c.id, caller.aadObjectId, 'outcome.viewed');
    const card = await draftCardFor(c, record, caller.aadObjectId ?? '', deps);
    await turn.sendActivity(card instanceof Error ? notice('Cannot draft the outcome', card.message, 'warning') : cardActivity(card));
  },
};
