import { notice } from '../cases/caseCards';
import { recordAudit } from '../audit/recordAudit';
import { sendTermsToParties, termsReportText } from '../cases/termsSender';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `send terms` (case thread, mediator): the terms card to each party who has not agreed the current version. */
export const sendTermsCommand: Command = {
  name: 'send terms',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    if (c.parties.length === 0) {
      await turn.sendActivity(notice('No parties yet', 'Add the parties first: use **Add parties** on the case card, or **invite <role>**.', 'warning'));
      return;
    }
    await recordAudit(deps, c.id, caller.aadObjectId, 'terms.sent');
    const report = await sendTermsToParties(c, deps);
    await turn.sendActivity(notice('Terms of Engagement', termsReportText(report), report.unreachable.length ? 'warning' : 'success'));
  },
};
