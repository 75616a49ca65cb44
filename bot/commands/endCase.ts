import type { EndKind } from '../../domain/cases';
import { endFormFor } from '../caseEnd/caseEndCards';
import { cardActivity, notice } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import { endRefusal } from '../../domain/cases';
import type { Command, CommandContext } from './command';

/** `close case`, `withdraw`, `cancel` (case thread, mediators): the form with the reasons of that kind. */
function endCommand(name: string, kind: EndKind): Command {
  return {
    name,
    async run({ turn, caller, deps }: CommandContext): Promise<void> {
      const c = await mediatorCaseOfThread(turn, deps, caller);
      if (!c) return;
      const refused = endRefusal(c, kind);
      if (refused) {
        await turn.sendActivity(notice('Not now', refused.message, 'warning'));
        return;
      }
      await turn.sendActivity(cardActivity(endFormFor(c, kind, deps.now())));
    },
  };
}

export const closeCaseCommand = endCommand('close case', 'close');
export const withdrawCommand = endCommand('withdraw', 'withdraw');
export const cancelCommand = endCommand('cancel', 'cancel');
