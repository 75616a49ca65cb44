import { startMeetingCard } from '../../cards/meetingStartCard';
import { toStartMeetingView } from '../../cards/meetingView';
import { cardActivity, notice } from '../cases/caseCards';
import { checklistFor } from '../meeting/meetingCards';
import { mediatorCaseOfMeetingPlace } from '../meeting/meetingPlace';
import { startCardOptions, startMeetingFor } from '../meeting/startMeeting';
import type { Command, CommandContext } from './command';

/** `start meeting` (case thread or linked group chat, mediator): the checklist; first the day, when it is not the planned one, and the failed checks. */
export const startMeetingCommand: Command = {
  name: 'start meeting',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfMeetingPlace(turn, deps, caller);
    if (!c) return;
    const outcome = await startMeetingFor(c, caller.aadObjectId ?? '', deps);
    if (outcome.kind === 'refused') await turn.sendActivity(notice('Cannot start the meeting', outcome.error.message, 'warning'));
    else if (outcome.kind === 'needs_confirmation') await turn.sendActivity(cardActivity(startMeetingCard(toStartMeetingView(c, outcome.guards, startCardOptions(outcome)))));
    else await turn.sendActivity(cardActivity(await checklistFor(outcome.c, outcome.m, deps)));
  },
};
