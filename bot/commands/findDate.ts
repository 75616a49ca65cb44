import { pollFormCard } from '../../cards/pollFormCard';
import { arrangeLimit } from '../../domain/poll';
import { formatDate } from '../../domain/timescales';
import { cardActivity } from '../cases/caseCards';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/** `find a date` (case thread, mediators): the form for up to 8 slots, measured against the 30-day limit. */
export const findDateCommand: Command = {
  name: 'find a date',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const limit = arrangeLimit(c, deps.calendar);
    await turn.sendActivity(cardActivity(pollFormCard({ caseId: c.id, caseReference: c.caseReference, ...(limit ? { limitText: formatDate(limit) } : {}) })));
  },
};
