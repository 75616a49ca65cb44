import { forgetPartyFormCard } from '../../cards/forgetPartyFormCard';
import { FORMER_PARTY, roleLabel, sameTenant } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import { cardActivity, notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `forget party` (provider admins, in the case thread): the form to erase one party's identity. */
export const forgetPartyCommand: Command = {
  name: 'forget party',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await caseOfThread(turn, deps);
    if (!c || !sameTenant(c, caller.tenantId) || !isProviderAdmin(deps.config.adminAllowlist, caller.aadObjectId)) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: the provider's admins erase a party, in the case's thread.", 'warning'));
      return;
    }
    const parties = c.parties.filter((p) => p.displayName !== FORMER_PARTY).map((p) => ({ value: p.partyId, title: `${p.displayName} (${roleLabel(p.role)})` }));
    if (parties.length === 0) {
      await turn.sendActivity(notice('No parties', 'This case has no party whose identity is still held.', 'info'));
      return;
    }
    await turn.sendActivity(cardActivity(forgetPartyFormCard({ caseId: c.id, caseReference: c.caseReference, parties })));
  },
};
