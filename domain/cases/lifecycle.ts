/**
 * Case lifecycle (docs/rules.md#case-lifecycle). Every state of the diagram is named here so stored cases
 * and later features share one spelling; only the transitions listed in TRANSITIONS are
 * in use so far. Later features add rows to TRANSITIONS rather than new state names.
 */
export const CASE_STATES = [
  'INTAKE',
  'ADVICE',
  'CERT_NO_MEDIATION',
  'DRS_REFERRAL',
  'DRS_AGREED',
  'DRS_MEETING',
  'DRS_OUTCOME',
  'DRS_DECLINED',
  'MEDIATION_REQUESTED',
  'SCHEDULING',
  'DEEMED_CERT',
  'WITHDRAWN',
  'PREPARATION',
  'MEETING',
  'ADJOURNED',
  'ABANDONED',
  'CONCLUDED_FULL_AGREEMENT',
  'CONCLUDED_PARTIAL_AGREEMENT',
  'CONCLUDED_NO_AGREEMENT',
  'OUTCOME_ISSUED',
  'CERTIFICATE_ISSUED',
  'LA_ACTIONS',
  'APPEAL_WINDOW',
  'CLOSED',
  'CANCELLED',
] as const;

export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Readonly<Record<CaseState, string>> = {
  INTAKE: 'Intake',
  ADVICE: 'With the mediation adviser',
  CERT_NO_MEDIATION: 'Certificate: mediation not wanted',
  DRS_REFERRAL: 'Disagreement resolution: referral',
  DRS_AGREED: 'Disagreement resolution: agreed to meet',
  DRS_MEETING: 'Disagreement resolution: meeting',
  DRS_OUTCOME: 'Disagreement resolution: outcome',
  DRS_DECLINED: 'Disagreement resolution: declined',
  MEDIATION_REQUESTED: 'Mediation requested',
  SCHEDULING: 'Arranging the meeting',
  DEEMED_CERT: 'Certificate: not arranged within 30 days',
  WITHDRAWN: 'Withdrawn',
  PREPARATION: 'Preparing for the meeting',
  MEETING: 'Meeting',
  ADJOURNED: 'Adjourned',
  ABANDONED: 'Meeting stopped',
  CONCLUDED_FULL_AGREEMENT: 'Concluded: full agreement',
  CONCLUDED_PARTIAL_AGREEMENT: 'Concluded: partial agreement',
  CONCLUDED_NO_AGREEMENT: 'Concluded: no agreement',
  OUTCOME_ISSUED: 'Outcome issued',
  CERTIFICATE_ISSUED: 'Certificate issued',
  LA_ACTIONS: 'Agreed actions under way',
  APPEAL_WINDOW: 'Appeal window open',
  CLOSED: 'Closed',
  CANCELLED: 'Cancelled',
};

/** States a case never leaves. */
export const TERMINAL_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['CLOSED', 'CANCELLED']);

/** States after the meeting started: the meeting and its preparation are never the next step. */
export const MEETING_HELD_STATES: ReadonlySet<CaseState> = new Set<CaseState>([
  'MEETING',
  'ABANDONED',
  'CONCLUDED_FULL_AGREEMENT',
  'CONCLUDED_PARTIAL_AGREEMENT',
  'CONCLUDED_NO_AGREEMENT',
  'OUTCOME_ISSUED',
  'CERTIFICATE_ISSUED',
  'LA_ACTIONS',
  'APPEAL_WINDOW',
  'DRS_MEETING',
  'DRS_OUTCOME',
]);

/** The meeting is running (a DRS case also stays here between sessions). */
export const MEETING_RUNNING_STATES: ReadonlySet<CaseState> = new Set<CaseState>(['MEETING', 'DRS_MEETING']);

/** The meeting has happened and is not running now: its date is shown as held. */
export function meetingIsOver(state: CaseState): boolean {
  return MEETING_HELD_STATES.has(state) && !MEETING_RUNNING_STATES.has(state);
}

/**
 * The subset of docs/rules.md#case-lifecycle in use. Forward moves as the case learns its dates (a mediator can
 * open a case at any point of the statutory path), plus cancellation from any open state.
 */
export const TRANSITIONS: Readonly<Partial<Record<CaseState, readonly CaseState[]>>> = {
  INTAKE: ['MEDIATION_REQUESTED', 'SCHEDULING', 'PREPARATION'],
  MEDIATION_REQUESTED: ['SCHEDULING', 'PREPARATION', 'MEETING'],
  SCHEDULING: ['PREPARATION', 'MEETING'],
  PREPARATION: ['MEETING'],
  DEEMED_CERT: ['MEETING'],
  // The meeting (issue 6): closing sets the outcome state; an adjournment leads to the next session.
  MEETING: ['ADJOURNED', 'CONCLUDED_FULL_AGREEMENT', 'CONCLUDED_PARTIAL_AGREEMENT', 'CONCLUDED_NO_AGREEMENT', 'ABANDONED'],
  ADJOURNED: ['PREPARATION', 'MEETING'],
  // After the meeting (issue 7): the outcome, then the certificate (or the certificate first).
  ABANDONED: ['CONCLUDED_NO_AGREEMENT', 'OUTCOME_ISSUED', 'CERTIFICATE_ISSUED'],
  CONCLUDED_FULL_AGREEMENT: ['OUTCOME_ISSUED', 'CERTIFICATE_ISSUED'],
  CONCLUDED_PARTIAL_AGREEMENT: ['OUTCOME_ISSUED', 'CERTIFICATE_ISSUED'],
  CONCLUDED_NO_AGREEMENT: ['OUTCOME_ISSUED', 'CERTIFICATE_ISSUED'],
  OUTCOME_ISSUED: ['CERTIFICATE_ISSUED', 'LA_ACTIONS', 'APPEAL_WINDOW'],
  // Agreed actions followed through (issue 16): under way, then ready to close.
  CERTIFICATE_ISSUED: ['LA_ACTIONS', 'APPEAL_WINDOW'],
  LA_ACTIONS: ['APPEAL_WINDOW'],
  // Disagreement resolution runs its own meeting and a non-binding outcome (issue 16).
  DRS_REFERRAL: ['DRS_AGREED', 'DRS_MEETING'],
  DRS_AGREED: ['DRS_MEETING'],
  DRS_MEETING: ['DRS_OUTCOME'],
};

export function canTransition(from: CaseState, to: CaseState): boolean {
  if (to === 'CANCELLED') return !TERMINAL_STATES.has(from);
  return TRANSITIONS[from]?.includes(to) ?? false;
}

/** What is known when a case is opened, or later when its dates are filled in. */
export interface KnownFacts {
  readonly isDrs: boolean;
  readonly laInformed?: string;
  readonly meetingDate?: string;
  readonly meetingTime?: string;
}

/**
 * The furthest state the known facts justify:
 * - DRS: DRS_REFERRAL, or DRS_AGREED once a meeting date exists (the other side agreed to meet);
 * - a meeting date and time: PREPARATION (the meeting is fixed, docs/rules.md#case-lifecycle SCHEDULING → PREPARATION);
 * - a meeting date only: SCHEDULING (still being arranged);
 * - the date the LA was told mediation is wanted: MEDIATION_REQUESTED (T3 runs);
 * - otherwise INTAKE.
 */
export function stateFromFacts(facts: KnownFacts): CaseState {
  if (facts.isDrs) return facts.meetingDate ? 'DRS_AGREED' : 'DRS_REFERRAL';
  if (facts.meetingDate && facts.meetingTime) return 'PREPARATION';
  if (facts.meetingDate) return 'SCHEDULING';
  if (facts.laInformed) return 'MEDIATION_REQUESTED';
  return 'INTAKE';
}

/** Moves forward to what the facts justify; never backwards, never out of a later state. */
export function advanceState(current: CaseState, facts: KnownFacts): CaseState {
  const target = stateFromFacts(facts);
  return target !== current && canTransition(current, target) ? target : current;
}
