import { canViewCase } from '../../domain/cases';
import { cardActivity, notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import { remindersListFor } from '../reminders/remindersListFor';
import type { Command, CommandContext } from './command';

/** `reminders` (case thread): the case's deadlines, the reminders to come and those sent, with delivery status. */
export const remindersCommand: Command = {
  name: 'reminders',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await caseOfThread(turn, deps);
    if (!c) {
      await turn.sendActivity(notice('No case here', 'Mention me with **reminders** in a case’s thread to see its deadlines and reminders.', 'warning'));
      return;
    }
    const me = caller.aadObjectId ?? '';
    if (!canViewCase(c, me)) {
      await turn.sendActivity(notice('Not allowed', `Only the mediators and parties of case ${c.caseReference} can see its reminders.`, 'warning'));
      return;
    }
    await turn.sendActivity(cardActivity(await remindersListFor(c, deps, me)));
  },
};
