import { computeAppeal, type AppealComputation } from './appeal';
import { defaultCalendar, type Calendar } from './calendar';
import { addCalendarMonths, isoFromDayNumber, parseIsoDate, type DayNumber, type IsoDate } from './dates';
import { TimescaleError } from './errors';
import { getRule, type RuleDefinition, type RuleId } from './rules';

/**
 * One computed deadline. Key order is the order the `timescale` command prints:
 * rule, from, [certificate], due, lastWorkingDay, [ideal].
 */
export interface DeadlineResult {
  readonly rule: RuleId;
  readonly from: IsoDate;
  /** APPEAL only: the certificate's issue date. */
  readonly certificate?: IsoDate;
  readonly due: IsoDate;
  /** The last working day on or before `due`; equal to `due` when `due` is a working day. */
  readonly lastWorkingDay: IsoDate;
  /** REQUESTED_CHANGES only: 7 calendar days before the meeting. */
  readonly ideal?: IsoDate;
}

/** The same result as day numbers, for explanations and bulk use. */
export interface DeadlineDays {
  readonly from: DayNumber;
  readonly second?: DayNumber;
  readonly due: DayNumber;
  readonly lastWorkingDay: DayNumber;
  readonly ideal?: DayNumber;
  /** Present for APPEAL: both limbs and how the limit was moved. */
  readonly appeal?: AppealComputation;
}

export function computeRuleDays(
  rule: RuleDefinition,
  from: DayNumber,
  second: DayNumber | undefined,
  calendar: Calendar,
): DeadlineDays {
  calendar.assertTrusted(from);

  if (rule.rollForward === 'tribunal') {
    if (second === undefined) throw wrongCount(rule, 1);
    const appeal = computeAppeal(from, second, calendar);
    return { from, second, due: appeal.due, lastWorkingDay: appeal.due, appeal };
  }

  let due: DayNumber;
  switch (rule.unit) {
    case 'workingDays':
      due = rule.direction === 'after' ? calendar.plusWorkingDays(from, rule.amount) : calendar.minusWorkingDays(from, rule.amount);
      break;
    case 'calendarDays':
      due = rule.direction === 'after' ? from + rule.amount : from - rule.amount;
      break;
    case 'weeks':
      due = rule.direction === 'after' ? from + 7 * rule.amount : from - 7 * rule.amount;
      break;
    case 'calendarMonths':
      due = addCalendarMonths(from, rule.direction === 'after' ? rule.amount : -rule.amount);
      break;
  }
  // lastWorking() asserts the due date's year is trusted, so no result escapes the range.
  const lastWorkingDay = calendar.lastWorking(due);
  if (rule.ideal) {
    const ideal = from - rule.ideal.amount;
    calendar.assertTrusted(ideal);
    return { from, due, lastWorkingDay, ideal };
  }
  return { from, due, lastWorkingDay };
}

function wrongCount(rule: RuleDefinition, given: number): TimescaleError {
  const expected =
    rule.inputDates === 2
      ? `two dates: the ${rule.trigger} date and the ${rule.second?.trigger ?? 'second'} date`
      : `one date: the ${rule.trigger} date`;
  return new TimescaleError('WRONG_DATE_COUNT', `${rule.id} takes ${expected} (got ${given}).`);
}

/** Validates the inputs of a rule and turns them into day numbers. */
export function parseRuleInputs(
  ruleId: string,
  from: unknown,
  second: unknown,
): { rule: RuleDefinition; from: DayNumber; second: DayNumber | undefined } {
  const rule = getRule(ruleId);
  const given = (from === undefined ? 0 : 1) + (second === undefined ? 0 : 1);
  if (given !== rule.inputDates || from === undefined) throw wrongCount(rule, given);
  const fromDay = parseIsoDate(from, `${rule.trigger} date`);
  const secondDay = second === undefined ? undefined : parseIsoDate(second, `${rule.second?.trigger ?? 'second'} date`);
  return { rule, from: fromDay, second: secondDay };
}

/**
 * Computes one rule. `from` is the trigger date; `second` is only for APPEAL (certificate
 * issued). Throws TimescaleError for an unknown rule, a wrong number of dates, a bad date or
 * a date outside the calendar's trusted years.
 */
export function computeRule(ruleId: string, from: IsoDate, second?: IsoDate, calendar: Calendar = defaultCalendar): DeadlineResult {
  const input = parseRuleInputs(ruleId, from, second);
  const days = computeRuleDays(input.rule, input.from, input.second, calendar);
  return toResult(input.rule.id, days);
}

export function toResult(rule: RuleId, days: DeadlineDays): DeadlineResult {
  const from = isoFromDayNumber(days.from);
  const due = isoFromDayNumber(days.due);
  const lastWorkingDay = days.lastWorkingDay === days.due ? due : isoFromDayNumber(days.lastWorkingDay);
  // Built literally in print order: JSON.stringify keeps insertion order.
  if (days.second !== undefined) {
    return { rule, from, certificate: isoFromDayNumber(days.second), due, lastWorkingDay };
  }
  if (days.ideal !== undefined) {
    return { rule, from, due, lastWorkingDay, ideal: isoFromDayNumber(days.ideal) };
  }
  return { rule, from, due, lastWorkingDay };
}
