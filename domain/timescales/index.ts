/**
 * Statutory timescales for SEND mediation in England: an England and Wales working-day
 * calendar, the rule table, one-rule computation, the case timeline and plain-English
 * explanations. Pure functions: no I/O, no clock.
 */
export { TimescaleError, isTimescaleError, type TimescaleErrorCode } from './errors';
export {
  formatDate,
  isIsoDate,
  parseIsoDate,
  isoFromDayNumber,
  formatDayNumber,
  weekdayOf,
  addCalendarMonths,
  daysInMonth,
  isLeapYear,
  joinWithAnd,
  type IsoDate,
  type DayNumber,
} from './dates';
export {
  Calendar,
  createCalendar,
  defaultCalendar,
  DEFAULT_TRUSTED_YEARS,
  type CalendarOptions,
  type ExtraNonWorkingDay,
  type NamedNonWorkingDay,
  type NonWorkingReason,
  type NonWorkingTriggerPolicy,
  type YearRange,
} from './calendar';
export {
  RULES,
  RULE_IDS,
  RULE_LIST,
  getRule,
  isRuleId,
  type Confidence,
  type Responsible,
  type RuleDefinition,
  type RuleId,
  type RuleUnit,
} from './rules';
export { computeRule, type DeadlineResult } from './compute';
export {
  computeAppealDeadline,
  isTribunalClosedDate,
  APPEAL_DECISION_MONTHS,
  APPEAL_CERTIFICATE_MONTHS,
  type AppealAdjustment,
  type AppealDeadline,
} from './appeal';
export {
  caseTimeline,
  CaseDatesSchema,
  ACTION_CATEGORIES,
  ACTION_CATEGORY_RULES,
  type ActionCategory,
  type CaseDates,
  type TimelineEntry,
} from './timeline';
export { explainRule } from './explain';
export { runTimescaleCommand, timescaleHelp, type CommandOutcome } from './command';
