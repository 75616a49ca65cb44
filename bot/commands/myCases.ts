import { myCasesCard } from '../../cards/myCasesCard';
import { toMyCaseRow } from '../../cards/caseView';
import { londonDate } from '../../domain/londonTime';
import { cardActivity } from '../cases/caseCards';
import type { Command, CommandContext } from './command';

/** `my cases` (1:1 chat): the caller's cases, their role in each and their next task. */
export const myCasesCommand: Command = {
  name: 'my cases',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const me = caller.aadObjectId ?? '';
    const cases = me ? await deps.store.cases.listForUser(me) : [];
    const acks = await deps.store.acknowledgements.listForCases(cases.map((c) => c.id));
    const today = londonDate(deps.now());
    const rows = cases.map((c) => toMyCaseRow(c, me, acks, deps.terms.version, today));
    await turn.sendActivity(cardActivity(myCasesCard({ rows })));
  },
};
