import { CASE_TYPES } from '../../domain/caseTypes';
import { moveCase } from '../../domain/cases';
import { caseStateAfterClose, type Meeting } from '../../domain/meeting';
import { refreshRootCard } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { openOutcome } from '../outcome/openOutcome';

/** Once a session is closed: the case takes the state of its outcome, and the case card says so. */
export async function afterClose(caseId: string, m: Meeting, actor: string, deps: BotDeps): Promise<void> {
  if (!m.close) return;
  const close = m.close;
  const r = await deps.store.cases.update(
    caseId,
    (c) => {
      const isDrs = CASE_TYPES[c.caseType].isDrs;
      const to = caseStateAfterClose(close.outcome, isDrs);
      const moved = c.state === to ? c : moveCase(c, to);
      if (moved instanceof Error || close.outcome !== 'adjourned' || !close.nextDate) return moved;
      // Adjourned: DRS has no preparation clocks; otherwise back to preparation for the next
      // session, whose date drives the preparation clocks.
      const next = isDrs ? moved : moveCase(moved, 'PREPARATION');
      if (next instanceof Error) return next;
      // The next session has its own plan: the day the last one was planned for no longer applies.
      const { plannedMeetingDate: _held, ...dates } = next.dates;
      return { ...next, dates: { ...dates, meetingDate: close.nextDate } };
    },
    { by: actor, action: 'meeting.closed', detail: close.outcome },
    deps.now(),
  );
  if (r.status === 'rejected') deps.log.warn({ caseId, err: r.error.message }, 'case state not moved after close');
  if (r.status === 'updated') await refreshRootCard(r.case, deps);
  if (r.status === 'updated' || r.status === 'unchanged') await openOutcome(r.case, m, actor, deps);
}
