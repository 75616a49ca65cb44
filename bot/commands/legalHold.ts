import { sameTenant } from '../../domain/cases';
import { isProviderAdmin, placeLegalHold, releaseLegalHold } from '../../domain/retention';
import { formatLondonDateTime } from '../../domain/londonTime';
import { caseOfThread } from '../cases/threadCase';
import { notice } from '../cases/caseCards';
import type { Command, CommandContext } from './command';

/**
 * `legal hold <reason>` / `legal hold off` (provider admins, in the case thread): while a case is
 * held the purge leaves it alone, however long ago it ended.
 */
export const legalHoldCommand: Command = {
  name: 'legal hold',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    const me = caller.aadObjectId ?? '';
    const c = await caseOfThread(turn, deps);
    if (!isProviderAdmin(deps.config.adminAllowlist, me) || !c || !sameTenant(c, caller.tenantId)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: legal holds are set by the provider's admins, in the case's thread.", 'warning'));
      return;
    }
    const off = args.trim().toLowerCase() === 'off';
    const r = await deps.store.cases.update(
      c.id,
      (x) => (off ? releaseLegalHold(x) : placeLegalHold(x, args, me, deps.now())),
      { by: me, action: off ? 'case.holdReleased' : 'case.held' },
      deps.now(),
    );
    if (r.status === 'rejected') {
      await turn.sendActivity(notice('Legal hold', r.error.message, 'warning'));
      return;
    }
    if (r.status !== 'updated' && r.status !== 'unchanged') {
      await turn.sendActivity(notice('Legal hold', 'The case is busy with other changes. Please try again.', 'error'));
      return;
    }
    const hold = r.case.legalHold;
    await turn.sendActivity(
      hold
        ? notice('On legal hold', `Case ${r.case.caseReference} will not be deleted while held (since ${formatLondonDateTime(new Date(hold.at))}): ${hold.reason}. Type **legal hold off** to release it.`, 'success')
        : notice('No legal hold', `Case ${r.case.caseReference} is not held: it is deleted when its retention period ends.`, 'info'),
    );
  },
};
