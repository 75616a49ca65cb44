import { meetingDayConfirmCard } from '../../cards/meetingDayConfirmCard';
import { startMeetingCard } from '../../cards/meetingStartCard';
import { toStartMeetingView } from '../../cards/meetingView';
import { cardActivity, notice } from '../cases/caseCards';
import { checklistFor } from '../meeting/meetingCards';
import { mediatorCaseOfMeetingPlace } from '../meeting/meetingPlace';
import { startMeetingFor } from '../meeting/startMeeting';
import type { Command, CommandContext } from './command';

/** `start meeting` (case thread or linked group chat, mediator): the checklist, or the failed checks first. */
export const startMeetingCommand: Command = {
  name: 'start meeting',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfMeetingPlace(turn, deps, caller);
    if (!c) return;
    const outcome = await startMeetingFor(c, caller.aadObjectId ?? '', deps);
    if (outcome.kind === 'refused') await turn.sendActivity(notice('Cannot start the meeting', outcome.error.message, 'warning'));
    else if (outcome.kind === 'confirm_day') {
      await turn.sendActivity(cardActivity(meetingDayConfirmCard({ caseId: c.id, caseReference: c.caseReference, question: outcome.question, today: outcome.today })));
    } else if (outcome.kind === 'needs_reason') await turn.sendActivity(cardActivity(startMeetingCard(toStartMeetingView(c, outcome.guards))));
    else await turn.sendActivity(cardActivity(await checklistFor(outcome.c, outcome.m, deps)));
  },
};
