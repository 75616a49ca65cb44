import { recordTermsPickerCard } from '../../cards/recordTermsPickerCard';
import { roleLabel } from '../../domain/cases';
import { partiesNeedingTerms } from '../../domain/terms';
import { cardActivity } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `record terms` (case thread, mediator): record an agreement for a party who cannot use cards. */
export const recordTermsCommand: Command = {
  name: 'record terms',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const acks = await deps.store.acknowledgements.listForCase(c.id);
    const parties = partiesNeedingTerms(c, acks, deps.terms.version).map((p) => ({
      partyId: p.partyId,
      label: `${p.displayName} (${roleLabel(p.role)})`,
    }));
    await turn.sendActivity(cardActivity(recordTermsPickerCard({ caseId: c.id, caseReference: c.caseReference, parties })));
  },
};
