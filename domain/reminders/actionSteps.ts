import { formatDate } from '../timescales';
import type { Deadline } from './deadline';

type ActionFields = Pick<Deadline, 'kind' | 'title' | 'detail' | 'due' | 'deadlineId' | 'actionId'>;

/**
 * A person's own open agreed actions as next steps, one per action at its soonest open due
 * date, soonest first ("Issue the amended plan with the agreed wording by Thu 21 Jan 2027"):
 * what nextTaskFor's agreed-actions hook (CaseProgress.myOpenActions) takes. `mineAndOpen`
 * says which deadlines are the viewer's and still to do.
 */
export function openActionSteps<D extends ActionFields>(deadlines: readonly D[], mineAndOpen: (d: D) => boolean): string[] {
  const soonest = new Map<string, D>();
  for (const d of deadlines) {
    if (d.kind !== 'action' || !mineAndOpen(d)) continue;
    const key = d.actionId ?? d.deadlineId;
    const seen = soonest.get(key);
    if (!seen || d.due < seen.due) soonest.set(key, d);
  }
  return [...soonest.values()]
    .sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))
    .map((d) => `${(d.detail ?? d.title).replace(/[.\s]+$/, '')} by ${formatDate(d.due)}`);
}
