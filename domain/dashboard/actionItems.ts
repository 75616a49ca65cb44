import { isMediator, type Case } from '../cases';
import { dueInForce, mayProgressAction, progressStatus, PROGRESS_STATUS_WORDS, type ActionProgress } from '../followUp';
import { ownerLabel, type Meeting } from '../meeting';
import { formatDate, type IsoDate } from '../timescales';
import type { ActionProgressItem } from './types';

/**
 * The agreed actions after the meeting as the dashboard shows them (docs/after-the-meeting.md):
 * every one to a mediator, a party's own to that party.
 */
export function actionItems(c: Case, meeting: Meeting | null | undefined, progress: readonly ActionProgress[], viewer: string, today: IsoDate): ActionProgressItem[] {
  const byId = new Map(progress.map((p) => [p.actionId, p]));
  const mediator = isMediator(c, viewer);
  return (meeting?.actions ?? []).flatMap((a) => {
    const p = byId.get(a.actionId);
    if (!p || (!mediator && !mayProgressAction(c, a, viewer))) return [];
    const status = progressStatus(p, today);
    return [
      {
        what: a.what,
        owner: ownerLabel(a.owner, c.parties),
        due: dueInForce(p),
        dueText: formatDate(dueInForce(p)),
        ...(p.agreedNewDate ? { dueNote: `new date agreed by the family (first due ${formatDate(p.originalDue)})` } : {}),
        ...(p.legalLimit ? { legalLimitText: formatDate(p.legalLimit) } : {}),
        statusWord: p.doneOn ? `Done on ${formatDate(p.doneOn)}` : PROGRESS_STATUS_WORDS[status],
        overdue: status === 'overdue',
      },
    ];
  });
}
