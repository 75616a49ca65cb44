import { myCasesCard } from '../../cards/myCasesCard';
import { toMyCaseRow } from '../../cards/caseView';
import { londonDate } from '../../domain/londonTime';
import { dueText, isDeadlineOpen, isResponsibleFor, timeLeftText } from '../../domain/reminders';
import { calendarHolderOf, calendarUrlFor } from '../calendar/calendarLinks';
import { cardActivity } from '../cases/caseCards';
import { recordAudit } from '../audit/recordAudit';
import { ownActionsOf } from '../followUp/ownActions';
import type { Command, CommandContext } from './command';

/** `my cases` (1:1 chat): the caller's cases, their role in each, their next task and their own deadlines with due dates. */
export const myCasesCommand: Command = {
  name: 'my cases',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const me = caller.aadObjectId ?? '';
    const cases = me ? await deps.store.cases.listForUser(me) : [];
    const acks = await deps.store.acknowledgements.listForCases(cases.map((c) => c.id));
    const today = londonDate(deps.now());
    const now = deps.now();
    const rows = await Promise.all(
      cases.map(async (c) => {
        const { deadlines } = await deps.store.reminders.listForCase(c.id);
        const tasks = deadlines
          .filter((d) => isDeadlineOpen(d) && isResponsibleFor(c, d.responsible, me))
          .map((d) => ({ title: d.detail ? `${d.title}: ${d.detail}` : d.title, dueText: `${dueText(d)}, ${timeLeftText(d, now, deps.calendar)}` }));
        const row = toMyCaseRow(c, me, acks, deps.terms.version, today, await ownActionsOf(c, me, deps));
        const calendarUrl = row.meeting ? await calendarUrlFor(c, calendarHolderOf(c, me), deps) : undefined;
        return { ...row, tasks, ...(row.meeting && calendarUrl ? { meeting: { ...row.meeting, calendarUrl } } : {}) };
      }),
    );
    // A list of cases shows each one's dates and tasks: a read of each, logged before it is shown.
    await Promise.all(cases.map((c) => recordAudit(deps, c.id, me, 'cases.listed')));
    await turn.sendActivity(cardActivity(myCasesCard({ rows })));
  },
};
