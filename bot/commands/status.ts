import { recordAudit } from '../audit/recordAudit';
import { caseCardFor, cardActivity } from '../cases/caseCards';
import { memberCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `status` (case thread): the case card, as it stands now. */
export const statusCommand: Command = {
  name: 'status',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await memberCaseOfThread(turn, deps, caller);
    if (!c) return;
    await recordAudit(deps, c.id, caller.aadObjectId, 'case.viewed');
    await turn.sendActivity(cardActivity(await caseCardFor(c, deps, caller.aadObjectId)));
  },
};
