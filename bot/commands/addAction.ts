import { actionFormCard } from '../../cards/actionFormCard';
import { toActionFormView } from '../../cards/actionViews';
import { newId } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { cardActivity, notice } from '../cases/caseCards';
import { mediatorCaseOfMeetingPlace } from '../meeting/meetingPlace';
import type { Command, CommandContext } from './command';

/** `add action` (case thread or meeting chat, mediator, during the meeting): the SMART action form. */
export const addActionCommand: Command = {
  name: 'add action',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfMeetingPlace(turn, deps, caller);
    if (!c) return;
    const m = await deps.store.meetings.current(c.id);
    if (!m || m.state !== 'in_progress') {
      await turn.sendActivity(notice('No meeting running', 'Agreed actions are recorded during the meeting: use **start meeting** first.', 'warning'));
      return;
    }
    const view = toActionFormView(c, m, { actionId: newId(), today: londonDate(deps.now()), calendar: deps.calendar });
    await turn.sendActivity(cardActivity(actionFormCard(view)));
  },
};
