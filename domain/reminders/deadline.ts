import type { ParticipantRole } from '../cases';
import type { IsoDate, RuleId } from '../timescales';
import type { ScheduleKey } from './schedules';

/**
 * A deadline the bot tracks for a case: one statutory clock, one provider-practice target, or
 * one step of an agreed action. Computed afresh from the case whenever something changes; the
 * id is built only from things that do not move when a date is corrected (case, rule, action,
 * step), so a recomputation updates the stored deadline instead of adding a second one.
 */

/**
 * - `statutory`: a clock from the regulations (docs/rules.md#timescale-rules), counted from a case date.
 * - `practice`: a provider target (T8 outcome within 24 hours, T9 amended plan "immediately").
 * - `action`: one due date of an action agreed at the meeting (T13-T16).
 */
export const DEADLINE_KINDS = ['statutory', 'practice', 'action'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/**
 * Who has to act. A role rather than a person wherever the case allows: a role survives a
 * change of officer, and the bot works out who holds it when it sends. `mediators` covers the
 * provider's own people, including the mediation adviser, who has no role of their own in a
 * case (see doubts in the issue note). `label` carries the typed name of an action owner
 * outside the case ("The family's GP"), whom the bot cannot reach: the mediators are reminded.
 */
export type Responsibility =
  | { readonly kind: 'party'; readonly partyId: string }
  | { readonly kind: 'role'; readonly role: ParticipantRole }
  | { readonly kind: 'mediators'; readonly label?: string };

export interface DeadlineTrigger {
  /** "mediation concluded", "meeting closed". */
  readonly what: string;
  /** Europe/London date the clock runs from. */
  readonly date: IsoDate;
  /** The instant, for targets counted in hours (T8, T9). */
  readonly at?: string;
}

/** Why a deadline no longer needs doing, worked out from the case (not a click). */
export interface Satisfied {
  readonly at: string;
  /** "the certificate was issued on Thu 7 Jan 2027". */
  readonly reason: string;
}

export interface Deadline {
  readonly deadlineId: string;
  readonly caseId: string;
  readonly kind: DeadlineKind;
  /** The rule of docs/rules.md#timescale-rules, when one applies (not for T8, T9, T13a or an agreed date). */
  readonly ruleId?: RuleId;
  /** Which reminder schedule applies (schedules.ts). */
  readonly scheduleKey: ScheduleKey;
  /** Row of the rule table, e.g. `T7`; absent for an action with only an agreed date. */
  readonly tNumber?: string;
  /** What is due, short: "Certificate after mediation". */
  readonly title: string;
  /** An action's agreed wording (what the outcome says), when there is one. */
  readonly detail?: string;
  /** The rule in plain words, with where it comes from. */
  readonly why: string;
  /** Europe/London date it is due by. */
  readonly due: IsoDate;
  /** For targets counted in hours: the instant (ISO, UTC). */
  readonly dueAt?: string;
  /** The last working day on or before `due` (weeks and months do not roll forward, docs/rules.md#counting-days). */
  readonly lastWorkingDay: IsoDate;
  /** T10: the date the provider would like it by (7 days before the meeting). */
  readonly ideal?: IsoDate;
  readonly trigger: DeadlineTrigger;
  readonly responsible: Responsibility;
  readonly source: string;
  /**
   * A duty of a body or professional under the regulations (including agreed actions, reg 42):
   * escalated when overdue. Provider targets are not, and neither are the family's own time
   * limits (T1, T17): nobody is in breach if a family decides not to act.
   */
  readonly escalates: boolean;
  /** The agreed action this deadline is a step of. */
  readonly actionId?: string;
  readonly satisfied?: Satisfied;
}

/**
 * Facts the case and meeting records do not hold (yet): the outcome, the certificate, the
 * adviser's and the ICB's dates. The bot gathers them from the stores that own them; every
 * field is optional, and a missing one only means its clock is not started or not finished.
 */
export interface DeadlineFacts {
  /** The first outcome version was published (T8 done). ISO instant. */
  readonly outcomePublishedAt?: string;
  /** The LA officer supplied the amended plan (T9 done). ISO instant. */
  readonly amendedPlanSuppliedAt?: string;
  /** The certificate's issue date: finishes T2, T6(b) and T7, and starts the appeal clock (T17). */
  readonly certificateIssued?: IsoDate;
  /** The adviser was told the family does not want mediation (starts T2). */
  readonly adviserToldNoMediation?: IsoDate;
  /** The adviser was told the 30 days cannot be met (starts T6(b)). */
  readonly adviserToldCannotArrange?: IsoDate;
  /** The LA told the ICB about the health issues (finishes T4, starts T5 for health-only cases). */
  readonly icbNotified?: IsoDate;
  /** The requested plan changes were sent to the LA officer (T10 done). ISO instant. */
  readonly requestedChangesSentAt?: string;
  /** How each agreed action stands after the meeting (domain/followUp), by action id. */
  readonly actionProgress?: Readonly<Record<string, ActionFollowUp>>;
}

/** What the follow-through of an action changes in its deadlines. */
export interface ActionFollowUp {
  /** A new date the family agreed: it replaces every due date of the action. */
  readonly agreedNewDate?: IsoDate;
  /** The owner marked it done: its deadlines are satisfied. */
  readonly doneOn?: IsoDate;
}

const SEPARATOR = '|';

/** `caseId|RULE_ID|case`: a case-level clock (one per rule per case). */
export function ruleDeadlineId(caseId: string, key: string): string {
  return [caseId, key, 'case'].join(SEPARATOR);
}

/** `caseId|action|actionId|step`: one due date of one agreed action. */
export function actionDeadlineId(caseId: string, actionId: string, step: string): string {
  return [caseId, 'action', actionId, step].join(SEPARATOR);
}

/** The case a deadline or reminder id belongs to (ids start with it). */
export function caseIdOf(id: string): string {
  const at = id.indexOf(SEPARATOR);
  return at < 0 ? id : id.slice(0, at);
}
