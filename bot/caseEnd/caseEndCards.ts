import { caseEndFormCard } from '../../cards/caseEndFormCard';
import { caseEndedCard } from '../../cards/caseEndedCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import { CASE_STATE_LABELS, END_REASONS, endReasonLabel, undoDeadline, type Case, type EndKind } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { formatDate } from '../../domain/timescales';

/** The form of one way of ending, with the reasons of that kind. */
export function endFormFor(c: Case, kind: EndKind, now: Date, values?: { reason?: string; withdrawnOn?: string }, error?: string): AdaptiveCard {
  const reasons = Object.entries(END_REASONS[kind] as Record<string, string>).map(([value, title]) => ({ value, title }));
  return caseEndFormCard({ caseId: c.id, caseReference: c.caseReference, kind, reasons, today: londonDate(now), ...(values ? { values } : {}), ...(error ? { error } : {}) });
}

/** The case as it stands after an end or an undo, with Undo while it is allowed. */
export function endedCardFor(c: Case, now: Date): AdaptiveCard {
  const deadline = undoDeadline(c);
  const open = deadline !== undefined && londonDate(now) <= deadline;
  return caseEndedCard({
    caseId: c.id,
    caseReference: c.caseReference,
    stateLabel: CASE_STATE_LABELS[c.state],
    ...(c.ending ? { reasonText: endReasonLabel(c.ending), dateText: formatDate(c.ending.date), ended: { at: c.ending.at, kind: c.ending.kind } } : {}),
    ...(open && deadline ? { undoUntilText: formatDate(deadline) } : {}),
  });
}

