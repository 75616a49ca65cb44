import type { PreparationPort } from '../../dialogs/preparationPort';
import { storePreparationPort } from '../../dialogs/storePreparationPort';
import { limitedAuthorityText } from '../../domain/preparation';
import { notice, postInThread, refreshRootCardSoon, type CardDeps } from '../cases/caseCards';
import type { BotDeps } from '../deps';


/**
 * The dialogs' port over our stores, plus what the bot adds around it: saved answers refresh the
 * case card in the channel (one edit per burst of answers, after the case's coalescing window),
 * and "no full authority" alerts the mediators in the case thread at once. Both run after the
 * turn's answer, in the background queue.
 */
export function preparationPort(deps: CardDeps & Pick<BotDeps, 'background'>): PreparationPort {
  return storePreparationPort({
    cases: deps.store.cases,
    preparation: deps.store.preparation,
    now: deps.now,
    alertLimitedAuthority: async (c, partyId) => {
      const party = c.parties.find((p) => p.partyId === partyId);
      const record = await deps.store.preparation.getRecord(c.id, partyId);
      const text = party ? limitedAuthorityText(party, record?.answers) : 'A party does not have full authority to settle the issues.';
      deps.background.run('limited authority alert', () =>
        postInThread(c, deps, notice(`Limited authority: case ${c.caseReference}`, text, 'error')),
      );
    },
    afterSave: (c, entry) => {
      deps.background.runAfterAnswer('refresh case card', async () => {
        // The entry is already on disk with the answer; this is its copy in the log (the next answer makes sure it is there).
        if (entry) await deps.store.auditLog.copyUnsynced(entry);
        // The person answering sees the next question, not the case card: the answers of a burst share one edit.
        refreshRootCardSoon(c, deps);
      });
    },
  });
}
