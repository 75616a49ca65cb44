import { assertMediator, CaseError, type Case, type CaseState } from '../cases';
import { londonDate } from '../londonTime';
import { formatDate, type IsoDate } from '../timescales';
import { endedBreak } from './breaks';
import { WORDING_RESULTS } from './changeResult';
import { CLOSE_OUTCOME_LABELS, type CloseDecision, type CloseOutcome, type Meeting } from './meetingSchema';

function sameDecision(a: CloseDecision, b: CloseDecision): boolean {
  if (a.outcome !== b.outcome) return false;
  if (a.outcome === 'adjourned' && b.outcome === 'adjourned') return a.nextDate === b.nextDate;
  if (a.outcome === 'ended_early' && b.outcome === 'ended_early') return a.reason === b.reason && a.otherReason === b.otherReason;
  return true;
}

function decisionOf(close: NonNullable<Meeting['close']>): CloseDecision {
  switch (close.outcome) {
    case 'adjourned':
      return { outcome: 'adjourned', nextDate: close.nextDate };
    case 'ended_early':
      return { outcome: 'ended_early', reason: close.reason, ...(close.otherReason !== undefined ? { otherReason: close.otherReason } : {}) };
    default:
      return { outcome: close.outcome };
  }
}

/** Agreed actions and agreed plan changes: what "no agreement" cannot have. */
export function agreedItemCount(meeting: Meeting): number {
  return meeting.actions.length + Object.values(meeting.changeResults).filter((r) => WORDING_RESULTS.has(r.result)).length;
}

/**
 * Closes the meeting (docs/rules.md#case-lifecycle MEETING → CONCLUDED_* / ADJOURNED / ABANDONED). The
 * agreement date is the Europe/London date of closing. An open break ends with the meeting.
 * Closing again with the same decision returns the same record (a repeated click); a
 * different decision is refused, since the first one may already have started clocks.
 */
export function closeMeeting(c: Case, meeting: Meeting, actor: string, decision: CloseDecision, now: Date): Meeting | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  if (meeting.caseId !== c.id) return new CaseError('not_found', `That meeting is not part of case ${c.caseReference}.`);
  if (meeting.close) {
    if (sameDecision(decisionOf(meeting.close), decision)) return meeting;
    return new CaseError(
      'invalid_transition',
      `The meeting (session ${meeting.session}) was already closed as "${CLOSE_OUTCOME_LABELS[meeting.close.outcome]}".`,
    );
  }
  const today = londonDate(now);
  if (decision.outcome === 'adjourned' && decision.nextDate < today) {
    return new CaseError('invalid_input', `The next session cannot be in the past (today is ${formatDate(today)}).`);
  }
  if (decision.outcome === 'ended_early' && decision.reason === 'other' && decision.otherReason === undefined) {
    return new CaseError('invalid_input', 'Give a short reason why the meeting ended early.');
  }
  const agreed = agreedItemCount(meeting);
  if (decision.outcome === 'none' && agreed > 0) {
    return new CaseError(
      'invalid_input',
      `This meeting has ${agreed} agreed ${agreed === 1 ? 'item' : 'items'} (actions or plan changes). Choose full or partial agreement, or remove them first.`,
    );
  }
  const at = now.toISOString();
  return {
    ...meeting,
    state: 'closed',
    breaks: meeting.breaks.map((b) => (b.endedAt === undefined ? endedBreak(b, actor, now) : b)),
    close: { ...decision, closedAt: at, closedBy: actor, agreementDate: today },
  };
}

/** The case state a closed meeting leads to (docs/rules.md#case-lifecycle). */
export const CASE_STATE_AFTER_CLOSE: Readonly<Record<CloseOutcome, CaseState>> = {
  full: 'CONCLUDED_FULL_AGREEMENT',
  partial: 'CONCLUDED_PARTIAL_AGREEMENT',
  none: 'CONCLUDED_NO_AGREEMENT',
  adjourned: 'ADJOURNED',
  ended_early: 'ABANDONED',
};

/** A DRS meeting stays in DRS_MEETING when adjourned and otherwise leads to its (non-binding) outcome. */
export function caseStateAfterClose(outcome: CloseOutcome, isDrs = false): CaseState {
  if (isDrs) return outcome === 'adjourned' ? 'DRS_MEETING' : 'DRS_OUTCOME';
  return CASE_STATE_AFTER_CLOSE[outcome];
}

/**
 * The date agreed actions run from: the closing date once closed; while the meeting is
 * running, today (the meeting's own date, provisional until it closes).
 */
export function agreementDateOf(meeting: Meeting, today: IsoDate): IsoDate {
  return meeting.close?.agreementDate ?? today;
}

/**
 * When the mediation concluded, for the certificate clock (T7, CERT_AFTER_MEDIATION).
 * Undefined while running and after an adjournment: T7 counts from the final session
 * (docs/rules.md#timescale-rules T7 and #open-questions 8).
 */
export function concludedOn(meeting: Meeting): IsoDate | undefined {
  return meeting.close && meeting.close.outcome !== 'adjourned' ? meeting.close.agreementDate : undefined;
}
