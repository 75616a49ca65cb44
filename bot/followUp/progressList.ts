import type { ActionProgressListView } from '../../cards/actionProgressListCard';
import type { Case } from '../../domain/cases';
import { dueInForce, progressStatus, PROGRESS_STATUS_WORDS, type ProgressStatus } from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import { ownerLabel } from '../../domain/meeting';
import { formatDate } from '../../domain/timescales';
import type { BotDeps } from '../deps';

/** The mediators' list of agreed actions with their state, read fresh. */
export async function progressListView(c: Case, deps: Pick<BotDeps, 'store' | 'now'>): Promise<ActionProgressListView> {
  const today = londonDate(deps.now());
  const meeting = await deps.store.meetings.current(c.id);
  const progress = await deps.store.followUp.listForCase(c.id);
  const byId = new Map(progress.map((p) => [p.actionId, p]));
  const counts: Record<ProgressStatus, number> = { done: 0, delay_pending: 0, overdue: 0, open: 0 };
  const rows = (meeting?.actions ?? []).flatMap((a) => {
    const p = byId.get(a.actionId);
    if (!p) return [];
    const status = progressStatus(p, today);
    counts[status] += 1;
    const last = p.updates.at(-1);
    return [
      {
        what: a.what,
        ownerText: ownerLabel(a.owner, c.parties),
        dueText: `${formatDate(dueInForce(p))}${p.agreedNewDate ? ' (new date agreed by the family)' : ''}`,
        ...(p.legalLimit ? { legalLimitText: formatDate(p.legalLimit) } : {}),
        statusText: p.doneOn ? `Done on ${formatDate(p.doneOn)}` : PROGRESS_STATUS_WORDS[status],
        overdue: status === 'overdue',
        ...(last ? { lastUpdateText: `${formatDate(last.at.slice(0, 10))}: ${last.text}` } : {}),
      },
    ];
  });
  const parts = (Object.keys(counts) as ProgressStatus[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${PROGRESS_STATUS_WORDS[k].toLowerCase()}`);
  return {
    caseReference: c.caseReference,
    rows,
    summaryText: `${rows.length} ${rows.length === 1 ? 'action' : 'actions'}: ${parts.join(', ')}.`,
    ...(rows.length === 0 ? { emptyText: 'No agreed actions are being followed yet: they are sent to their owners when the outcome is published.' } : {}),
  };
}
