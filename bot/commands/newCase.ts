import { newCaseFormCard } from '../../cards/newCaseFormCard';
import { assertMayOpenCases } from '../../domain/cases';
import { cardActivity, notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `new case` (channel): posts the form; the case is created by the form's `case.create` verb. */
export const newCaseCommand: Command = {
  name: 'new case',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const denied = assertMayOpenCases(caller.aadObjectId ?? '', deps.config.mediatorAllowlist);
    if (denied) {
      await turn.sendActivity(notice('Not allowed', denied.message, 'warning'));
      return;
    }
    const existing = await caseOfThread(turn, deps);
    if (existing) {
      await turn.sendActivity(
        notice('This thread already has a case', `This thread holds case ${existing.caseReference}. Start a new post in the channel for a new case.`, 'warning'),
      );
      return;
    }
    await turn.sendActivity(cardActivity(newCaseFormCard()));
  },
};
