import { notice } from '../cases/caseCards';
import { recordAudit } from '../audit/recordAudit';
import { mediatorCaseOfThread } from '../cases/threadCase';
import { preparationReportText, startPreparationFor } from '../preparation/startPreparation';
import type { Command, CommandContext } from './command';

/** `start preparation` (case thread, mediator): preparation questions to the LA officer, ICB and family in their 1:1 chats. */
export const startPreparationCommand: Command = {
  name: 'start preparation',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    await recordAudit(deps, c.id, caller.aadObjectId, 'prep.started');
    const report = await startPreparationFor(c, deps);
    await turn.sendActivity(notice('Preparation', preparationReportText(report), report.unreachable.length ? 'warning' : 'success'));
  },
};
