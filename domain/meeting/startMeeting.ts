import { assertMediator, CaseError, CASE_STATE_LABELS, newId, type Case, type CaseState, type RandomBytes } from '../cases';
import { isPlainText, singleLine } from './plainText';
import { START_REASON_MAX, type Meeting } from './meetingSchema';
import { failingGuards, START_GUARD_TEXT, type StartGuards } from './startGuards';

/**
 * Case states from which a meeting can start: the case is heading to a meeting (or is in
 * one already, if the bot moved the case first). DEEMED_CERT keeps the case open for a
 * family who still want to mediate (docs/rules.md#case-lifecycle); ADJOURNED leads to the next session.
 */
export const MEETING_START_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'MEDIATION_REQUESTED',
  'SCHEDULING',
  'PREPARATION',
  'DEEMED_CERT',
  'ADJOURNED',
  'MEETING',
  // Disagreement resolution runs the same meeting checklist (docs/rules.md#disagreement-resolution-drs).
  'DRS_REFERRAL',
  'DRS_AGREED',
  'DRS_MEETING',
]);

export interface StartMeetingInput {
  readonly guards: StartGuards;
  /** Required when a guard fails; ignored when every guard holds. */
  readonly startedAnywayReason?: string;
}

/**
 * Starts the case's meeting, or its next session after an adjournment. `previous` is the
 * latest meeting of the case (MeetingStore.current), or null.
 *
 * - A meeting already in progress is returned as it is: a second click on "start" writes nothing.
 * - After an adjournment the new session carries the agreed actions and change results
 *   forward, so the record of the final session holds the whole agreement (its close date is
 *   the agreement date). Ticks and breaks start afresh.
 * - Any other closed meeting is final.
 */
/**
 * Why this mediator cannot start (or rejoin) a session now, before any question about the day or
 * the checks is asked; undefined when they can. A running session is not a refusal: it is joined.
 */
export function startRefusal(c: Case, previous: Meeting | null, actor: string): CaseError | undefined {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  if (previous && previous.caseId !== c.id) return new CaseError('not_found', `That meeting is not part of case ${c.caseReference}.`);
  if (previous?.state === 'in_progress') return undefined;
  if (previous?.close && previous.close.outcome !== 'adjourned') {
    return new CaseError(
      'invalid_transition',
      `The meeting of case ${c.caseReference} has closed. Only an adjourned meeting can have another session.`,
    );
  }
  if (!MEETING_START_STATES.has(c.state)) {
    return new CaseError('invalid_transition', `Case ${c.caseReference} is "${CASE_STATE_LABELS[c.state]}", so a meeting cannot start.`);
  }
  return undefined;
}

export function startMeeting(
  c: Case,
  previous: Meeting | null,
  actor: string,
  input: StartMeetingInput,
  now: Date,
  random?: RandomBytes,
): Meeting | CaseError {
  const refused = startRefusal(c, previous, actor);
  if (refused) return refused;
  if (previous?.state === 'in_progress') return previous;

  const failing = failingGuards(input.guards);
  let reason: string | undefined;
  if (failing.length > 0) {
    reason = singleLine(input.startedAnywayReason ?? '');
    if (reason === '') {
      const what = failing.map((id) => START_GUARD_TEXT[id].failed).join(' ');
      return new CaseError('invalid_input', `${what} Give a short reason to start anyway.`);
    }
    if (reason.length > START_REASON_MAX || !isPlainText(reason)) {
      return new CaseError('invalid_input', `Keep the reason to plain text of up to ${START_REASON_MAX} characters.`);
    }
  }

  const at = now.toISOString();
  return {
    meetingId: newId(random),
    caseId: c.id,
    session: previous ? previous.session + 1 : 1,
    state: 'in_progress',
    startedAt: at,
    startedBy: actor,
    guards: { ...input.guards },
    ...(reason !== undefined ? { startedAnywayReason: reason } : {}),
    ticks: {},
    breaks: [],
    actions: previous ? [...previous.actions] : [],
    changeResults: previous ? { ...previous.changeResults } : {},
    version: 1,
    updatedAt: at,
  };
}
