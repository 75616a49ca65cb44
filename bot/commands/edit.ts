import { recordAudit } from '../audit/recordAudit';
import { editRefusal } from '../../domain/cases';
import { cardActivity, notice } from '../cases/caseCards';
import { editFormFor } from '../cases/editForm';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `edit` (case thread, mediators): the case's form, pre-filled, to add or correct its facts. */
export const editCommand: Command = {
  name: 'edit',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const refused = editRefusal(c);
    if (refused) {
      await turn.sendActivity(notice('Cannot edit', refused.message, 'warning'));
      return;
    }
    // The form shows the case's stored facts: a read, logged before it is shown.
    await recordAudit(deps, c.id, caller.aadObjectId, 'case.viewed', undefined, 'edit form');
    await turn.sendActivity(cardActivity(editFormFor(c)));
  },
};
