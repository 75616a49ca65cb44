import { auditCardFor } from '../audit/auditCard';
import { mayReadAudit } from '../audit/mayReadAudit';
import { cardActivity, notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `audit` (case thread; mediators and provider admins): the newest page of the case's audit log. */
export const auditCommand: Command = {
  name: 'audit',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await caseOfThread(turn, deps);
    if (!c || !mayReadAudit(c, caller, deps)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: the case's mediators and the provider's admins see its audit log, in its thread.", 'warning'));
      return;
    }
    await turn.sendActivity(cardActivity(await auditCardFor(c, caller.aadObjectId, deps)));
  },
};
