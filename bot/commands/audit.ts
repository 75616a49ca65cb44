import { auditCardFor } from '../audit/auditCard';
import { cardActivity } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `audit` (case thread, mediators): the newest page of the case's audit log. */
export const auditCommand: Command = {
  name: 'audit',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    await turn.sendActivity(cardActivity(await auditCardFor(c, caller.aadObjectId, deps)));
  },
};
