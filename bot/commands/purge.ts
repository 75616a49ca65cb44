import { isProviderAdmin } from '../../domain/retention';
import { formatDate } from '../../domain/timescales';
import { notice } from '../cases/caseCards';
import { countsText } from '../retention/purgeService';
import type { Command, CommandContext } from './command';

/** Cases listed in one answer; the rest are counted. */
const LISTED_MAX = 30;

/**
 * `purge --dry-run` (provider admins, 1:1 chat): what the next daily purge would delete. The purge
 * itself runs by itself every day; there is no command that deletes.
 */
export const purgeCommand: Command = {
  name: 'purge',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    if (!isProviderAdmin(deps.config.adminAllowlist, caller.aadObjectId)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: only the provider's admins can see what the purge would delete.", 'warning'));
      return;
    }
    if (args.trim() !== '--dry-run') {
      await turn.sendActivity(notice('Purge', 'The purge runs by itself once a day. Type **purge --dry-run** to see what the next run would delete.', 'info'));
      return;
    }
    const plan = await deps.purge.plan();
    const months = deps.config.retentionMonths;
    if (plan.length === 0) {
      await turn.sendActivity(notice('Purge: nothing to delete', `No ended case is past its retention period (${months} months after it ended), or every one is on legal hold.`, 'info'));
      return;
    }
    const lines = plan.slice(0, LISTED_MAX).map((p) => `- ${p.caseReference}, ended ${formatDate(p.endedOn)}: ${countsText(p.counts)}`);
    if (plan.length > LISTED_MAX) lines.push(`- and ${plan.length - LISTED_MAX} more`);
    await turn.sendActivity(notice(`Purge: ${plan.length} ${plan.length === 1 ? 'case' : 'cases'} would be deleted`, `Retention: ${months} months after a case ended.\n\n${lines.join('\n')}`, 'warning'));
  },
};
