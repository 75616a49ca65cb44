import type { RuleId } from '../timescales';

/**
 * When reminders go out, per rule, as data (docs/rules.md#reminder-schedules). A deployment can
 * replace any schedule by passing an override map to `reminderSchedules`; the code that
 * computes reminders knows nothing about particular rules.
 */

/** Schedules for deadlines that have no rule id of their own. */
export const EXTRA_SCHEDULE_KEYS = [
  /** T8: the outcome statement, about 24 hours after the close. */
  'OUTCOME_STATEMENT',
  /** T9: the amended plan wording, "immediately" after the close (B/F/I cases). */
  'AMENDED_PLAN',
  /** T13a: an action due at once (cease to maintain). */
  'ACTION_AT_ONCE',
  /** T16: a statutory action whose date was agreed in writing instead (reg 42(5)). */
  'ACTION_AGREED_DATE',
  /** Any other action, by a date everyone agreed; no statutory force of its own. */
  'OTHER_AGREED_DATE',
] as const;

export type ScheduleKey = RuleId | (typeof EXTRA_SCHEDULE_KEYS)[number];

export type ReminderKind = 'reminder' | 'escalation';

/**
 * One reminder, counted from the deadline's trigger, its due date, or (T10) its ideal date.
 * `amount` is signed: -3 with `workingDays` from `due` is "WD-3", +1 is "WD+1".
 * - Day units land at the send time (09:00 Europe/London) on a working day; a day that is
 *   not a working day moves to the working day before it.
 * - `hours` lands at the exact instant, counted from the trigger's or due instant (T8, T9).
 * An escalation goes to the case thread and the escalation channel rather than to the
 * person responsible, and only while the deadline is still open.
 */
export interface ReminderOffset {
  readonly from: 'trigger' | 'due' | 'ideal';
  readonly unit: 'calendarDays' | 'workingDays' | 'weeks' | 'hours';
  readonly amount: number;
  readonly kind: ReminderKind;
}

export type ReminderSchedules = Readonly<Record<ScheduleKey, readonly ReminderOffset[]>>;

const remind = (from: ReminderOffset['from'], unit: ReminderOffset['unit'], amount: number): ReminderOffset => ({
  from,
  unit,
  amount,
  kind: 'reminder',
});
/** WD+1: the first working day after the due date, while it is still not done. */
const ESCALATE: ReminderOffset = { from: 'due', unit: 'workingDays', amount: 1, kind: 'escalation' };
const DUE_DAY = remind('due', 'workingDays', 0);
const WD = (n: number): ReminderOffset => remind('due', 'workingDays', n);
const DAYS_BEFORE = (n: number): ReminderOffset => remind('due', 'calendarDays', -n);

/** T3/T5: date agreed by day 10 (practice target), alert at day 20, the day itself, escalate. */
const HOLD_MEDIATION: readonly ReminderOffset[] = [
  remind('trigger', 'calendarDays', 10),
  remind('trigger', 'calendarDays', 20),
  DUE_DAY,
  ESCALATE,
];
/** T13b/T13c: three working days before each step. */
const CHAINED_STEP: readonly ReminderOffset[] = [WD(-3), ESCALATE];
/** T13d/T13e: ten days before, three working days before, on the day. */
const ISSUE_PLAN: readonly ReminderOffset[] = [DAYS_BEFORE(10), WD(-3), DUE_DAY, ESCALATE];
/** T14/T15 and agreed dates: not given in docs/rules.md#timescale-rules; three working days before and on the day. */
const PLAIN_ACTION: readonly ReminderOffset[] = [WD(-3), DUE_DAY, ESCALATE];
/** T2/T6(b)/T7: a 3-working-day certificate. */
const CERTIFICATE: readonly ReminderOffset[] = [WD(-1), DUE_DAY, ESCALATE];

export const DEFAULT_REMINDER_SCHEDULES: ReminderSchedules = {
  // T1, the family's own time limit: four weeks in, two weeks before, three days before. No
  // escalation: nobody else is in breach if a family decides not to contact the adviser.
  ADVISER_CONTACT: [remind('trigger', 'weeks', 4), DAYS_BEFORE(14), DAYS_BEFORE(3)],
  CERT_NO_MEDIATION: CERTIFICATE,
  ARRANGE_MEDIATION: HOLD_MEDIATION,
  // T4: WD-1, escalate.
  NOTIFY_ICB: [WD(-1), ESCALATE],
  ICB_ARRANGE: HOLD_MEDIATION,
  CERT_CANNOT_ARRANGE: CERTIFICATE,
  CERT_AFTER_MEDIATION: CERTIFICATE,
  // T10: at the ideal date (7 days before the meeting) and the latest (3 WD before).
  REQUESTED_CHANGES: [remind('ideal', 'calendarDays', 0), DUE_DAY],
  LA_ASSESS_NOTIFY: CHAINED_STEP,
  LA_ASSESS_DECIDE: CHAINED_STEP,
  LA_ASSESS_FINAL: CHAINED_STEP,
  LA_PLAN_DRAFT: CHAINED_STEP,
  LA_PLAN_FINAL: CHAINED_STEP,
  LA_AMEND_PLAN: ISSUE_PLAN,
  LA_CHANGE_SCHOOL: ISSUE_PLAN,
  OTHER_ACTION: PLAIN_ACTION,
  ICB_NOTIFY_LA: PLAIN_ACTION,
  // T17: the family's right; reminders only, and the card says it is not legal advice.
  APPEAL: [DAYS_BEFORE(14), DAYS_BEFORE(7), WD(-2)],
  // T8: the mediator, 4 and 20 hours after the close.
  OUTCOME_STATEMENT: [remind('trigger', 'hours', 4), remind('trigger', 'hours', 20)],
  // T9: chase the LA officer at +2 hours and on the next working day.
  AMENDED_PLAN: [remind('trigger', 'hours', 2), remind('trigger', 'workingDays', 1)],
  // T13a: due at once, so the only reminder that can still be ahead is the escalation.
  ACTION_AT_ONCE: [DUE_DAY, ESCALATE],
  ACTION_AGREED_DATE: PLAIN_ACTION,
  OTHER_AGREED_DATE: [WD(-3), DUE_DAY],
};

/** The defaults with some schedules replaced (an empty list switches a rule's reminders off). */
export function reminderSchedules(overrides: Partial<Record<ScheduleKey, readonly ReminderOffset[]>> = {}): ReminderSchedules {
  return { ...DEFAULT_REMINDER_SCHEDULES, ...overrides };
}

const UNIT_CODES: Readonly<Record<ReminderOffset['unit'], string>> = {
  calendarDays: 'd',
  workingDays: 'wd',
  weeks: 'w',
  hours: 'h',
};

/**
 * A short stable code for an offset, the last part of a reminder id: `due-3wd`,
 * `trigger+4w`, `esc:due+1wd`. Same offset, same code, so a recomputation finds the reminder
 * it already stored.
 */
export function offsetCode(offset: ReminderOffset): string {
  const sign = offset.amount < 0 ? '-' : '+';
  const code = `${offset.from}${sign}${Math.abs(offset.amount)}${UNIT_CODES[offset.unit]}`;
  return offset.kind === 'escalation' ? `esc:${code}` : code;
}
