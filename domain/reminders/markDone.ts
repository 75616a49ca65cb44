import { CaseError, isMediator, partyFor, type Case } from '../cases';
import type { RuleId } from '../timescales';
import type { Deadline } from './deadline';
import { isDeadlineOpen, type TrackedDeadline } from './tracking';

/**
 * Which deadlines get a "Mark done" button, and who may press it.
 *
 * Not for:
 * - T1 and T17, the family's time limits: they are rights, not tasks, and "done" would
 *   suggest the family had to act (they may choose not to appeal);
 * - T3 and T5 (hold the mediation): the bot closes them itself once a meeting is fixed in
 *   time or has taken place, so a click could only hide a real breach.
 * Everything else is a task someone does outside the bot (issue a plan, tell the ICB, send a
 * certificate): the person responsible, or any mediator recording it for them, marks it done.
 * Statutory deadlines owned by a body with nobody in the case (an ICB that never joined)
 * keep the button, because the mediators record it on the body's behalf.
 */
const NOT_MARKABLE: ReadonlySet<RuleId> = new Set<RuleId>(['ADVISER_CONTACT', 'APPEAL', 'ARRANGE_MEDIATION', 'ICB_ARRANGE']);

export function markDoneAllowed(d: Pick<Deadline, 'ruleId' | 'kind'>): boolean {
  return d.kind === 'action' || d.ruleId === undefined || !NOT_MARKABLE.has(d.ruleId);
}

/** Whether this person may mark the deadline done (mediators for anyone; parties for their own). */
export function mayMarkDone(c: Case, d: Pick<Deadline, 'responsible'>, aadObjectId: string): boolean {
  if (isMediator(c, aadObjectId)) return true;
  const party = partyFor(c, aadObjectId);
  if (!party) return false;
  const r = d.responsible;
  return (r.kind === 'role' && r.role === party.role) || (r.kind === 'party' && r.partyId === party.partyId);
}

/** Checks a "Mark done" click; undefined when it may go ahead (a repeated click is fine: the store keeps the first). */
export function checkMarkDone(c: Case, d: TrackedDeadline | null, aadObjectId: string): CaseError | undefined {
  if (!d || d.caseId !== c.id) return new CaseError('not_found', `That deadline is no longer tracked for case ${c.caseReference}.`);
  if (!markDoneAllowed(d)) return new CaseError('invalid_input', `"${d.title}" cannot be marked done: the bot follows it from the case dates.`);
  if (!mayMarkDone(c, d, aadObjectId)) {
    return new CaseError('not_allowed', `Only the person responsible for "${d.title}", or a mediator, can mark it done.`);
  }
  if (!isDeadlineOpen(d) && d.done === undefined) return new CaseError('invalid_input', `"${d.title}" is already done: ${d.satisfied?.reason ?? ''}.`);
  return undefined;
}
