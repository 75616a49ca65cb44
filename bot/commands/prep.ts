import { prepBoardCard, toPrepBoardView } from '../../cards/prepBoardCard';
import { preparationKindFor } from '../../domain/preparation';
import { recordAudit } from '../audit/recordAudit';
import { boardFor, cardActivity, notice } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import { callerCase } from '../preparation/personalCase';
import type { Command, CommandContext } from './command';

/**
 * `prep`: in a 1:1 chat, carry on with your preparation questions (from the first one not yet
 * answered); in a case thread, the mediator's preparation board.
 */
export const prepCommand: Command = {
  name: 'prep',
  async run({ turn, scope, caller, deps }: CommandContext): Promise<void> {
    if (scope === 'team') {
      const c = await mediatorCaseOfThread(turn, deps, caller);
      if (!c) return;
      await recordAudit(deps, c.id, caller.aadObjectId, 'prep.viewed');
      await turn.sendActivity(cardActivity(prepBoardCard(toPrepBoardView(await boardFor(c, deps)))));
      return;
    }
    if (await deps.preparation.continueActive(turn)) return;
    const found = await callerCase(deps, caller.aadObjectId, (_c, p) => preparationKindFor(p.role) !== undefined);
    const kind = found && preparationKindFor(found.party.role);
    if (!found || !kind) {
      await turn.sendActivity(notice('Preparation', 'You have no preparation questions at the moment.', 'info'));
      return;
    }
    await deps.preparation.begin(turn, kind, { caseId: found.c.id, partyId: found.party.partyId });
  },
};
