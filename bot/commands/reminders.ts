import { recordAudit } from '../audit/recordAudit';
import { cardActivity } from '../cases/caseCards';
import { memberCaseOfThread } from '../cases/threadCase';
import { remindersListFor } from '../reminders/remindersListFor';
import type { Command, CommandContext } from './command';

/** `reminders` (case thread): the case's deadlines, the reminders to come and those sent, with delivery status. */
export const remindersCommand: Command = {
  name: 'reminders',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await memberCaseOfThread(turn, deps, caller);
    if (!c) return;
    await recordAudit(deps, c.id, caller.aadObjectId, 'reminders.viewed');
    await turn.sendActivity(cardActivity(await remindersListFor(c, deps, caller.aadObjectId ?? '')));
  },
};
