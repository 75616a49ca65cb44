import type { AppealComputation } from './appeal';
import { defaultCalendar, reasonLabel, type Calendar, type NonWorkingReason } from './calendar';
import { computeRuleDays, parseRuleInputs } from './compute';
import {
  civilFromDayNumber,
  formatDayNumber,
  formatDayNumberRun,
  joinWithAnd,
  monthName,
  type DayNumber,
  type IsoDate,
} from './dates';
import type { RuleDefinition } from './rules';
import { plural } from '../plural';

interface SkippedDay {
  readonly day: DayNumber;
  readonly reason: NonWorkingReason;
}

/**
 * `Fri 25 Dec 2026 (Christmas Day), Sat 26 and Sun 27 Dec 2026 (weekend) and Mon 28 Dec
 * 2026 (Boxing Day substitute)`: a weekend is one item, every holiday is named.
 */
export function describeNonWorkingDays(skipped: readonly SkippedDay[]): string {
  const groups: { days: DayNumber[]; label: string }[] = [];
  for (const { day, reason } of skipped) {
    const label = reasonLabel(reason);
    const last = groups[groups.length - 1];
    const lastDay = last?.days[last.days.length - 1];
    if (last && reason.kind === 'weekend' && last.label === 'weekend' && lastDay === day - 1) {
      last.days.push(day);
    } else {
      groups.push({ days: [day], label });
    }
  }
  return joinWithAnd(groups.map((g) => `${formatDayNumberRun(g.days)} (${g.label})`));
}

function notWorkingClause(skipped: readonly SkippedDay[]): string {
  const list = describeNonWorkingDays(skipped);
  return skipped.length === 1 ? `${list} is not a working day` : `${list} are not working days`;
}

function explainWorkingDays(rule: RuleDefinition, from: DayNumber, due: DayNumber, calendar: Calendar): string {
  const count = plural(rule.amount, 'working day', 'working days');
  const parts: string[] = [];
  let start = from;
  if (rule.direction === 'after' && calendar.nonWorkingTrigger === 'deemedReceivedNextWorkingDay' && !calendar.isWorking(from)) {
    start = calendar.nextWorking(from);
    const before = calendar.nonWorkingBetween(from - 1, start);
    parts.push(
      `${capitalise(notWorkingClause(before))}, so the event is treated as happening on the next working day, ${formatDayNumber(start)}.`,
    );
  }
  const skipped = rule.direction === 'after' ? calendar.nonWorkingBetween(start, due) : calendar.nonWorkingBetween(due, start);
  const direction = rule.direction === 'after' ? 'after' : 'before';
  // Only REQUESTED_CHANGES counts backwards, from a meeting.
  const anchor = direction === 'before' ? `the ${rule.trigger.replace(/ date$/, '')} on ${formatDayNumber(start)}` : formatDayNumber(start);
  const head = `${count} ${direction} ${anchor} (not counting that day)`;
  const conclusion = `${rule.dueClause} by ${formatDayNumber(due)}.`;
  if (skipped.length === 0) {
    parts.push(`${head}, with no weekend or bank holiday in between: ${conclusion}`);
  } else {
    parts.push(`${head}: ${notWorkingClause(skipped)}, so ${conclusion}`);
  }
  return parts.join(' ');
}

function calendarStep(rule: RuleDefinition, from: DayNumber, due: DayNumber): string {
  const direction = rule.direction === 'after' ? 'after' : 'before';
  switch (rule.unit) {
    case 'calendarDays':
      return `${plural(rule.amount, 'calendar day', 'calendar days')} ${direction} ${formatDayNumber(from)} is ${formatDayNumber(due)}`;
    case 'weeks':
      return `${plural(rule.amount, 'week', 'weeks')} (${rule.amount * 7} calendar days) ${direction} ${formatDayNumber(from)} is ${formatDayNumber(due)}`;
    case 'calendarMonths':
      return monthStep(rule.amount, from, due);
    case 'workingDays':
      return '';
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  const suffix = n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th';
  return `${n}${suffix}`;
}

/** `Mon 1 Dec 2025`, or with the end-of-month clamp spelled out. */
function monthTarget(from: DayNumber, to: DayNumber): string {
  const start = civilFromDayNumber(from);
  const end = civilFromDayNumber(to);
  if (end.day === start.day) return formatDayNumber(to);
  return (
    `${formatDayNumber(to)} (${monthName(end.month)} ${end.year} has no ${ordinal(start.day)}, ` +
    `so the period ends on the last day of the month)`
  );
}

function monthStep(months: number, from: DayNumber, to: DayNumber): string {
  return `${plural(months, 'calendar month', 'calendar months')} after ${formatDayNumber(from)} is ${monthTarget(from, to)}`;
}

function explainCalendar(rule: RuleDefinition, from: DayNumber, due: DayNumber, lastWorkingDay: DayNumber, calendar: Calendar): string {
  const parts = [`${calendarStep(rule, from, due)}, so ${rule.dueClause} by ${formatDayNumber(due)}.`];
  if (lastWorkingDay !== due) {
    const skipped = calendar.nonWorkingBetween(lastWorkingDay, due + 1);
    parts.push(
      `This time limit does not move to a working day. The last working day on or before it is ` +
        `${formatDayNumber(lastWorkingDay)}, because ${notWorkingClause(skipped)}.`,
    );
  } else {
    parts.push(`That is a working day.`);
  }
  return parts.join(' ');
}

function explainAppeal(rule: RuleDefinition, from: DayNumber, certificate: DayNumber, appeal: AppealComputation, calendar: Calendar): string {
  const certificateMonths = rule.second?.amount ?? 1;
  const limbs =
    `The appeal limit is the later of two dates: ${plural(rule.amount, 'calendar month', 'calendar months')} after ` +
    `the decision notice was sent (${formatDayNumber(from)}), which is ${monthTarget(from, appeal.decisionLimit)}, and ` +
    `${plural(certificateMonths, 'calendar month', 'calendar months')} after the certificate was issued ` +
    `(${formatDayNumber(certificate)}), which is ${monthTarget(certificate, appeal.certificateLimit)}.`;
  const limit = formatDayNumber(appeal.limit);
  const later =
    appeal.decisionLimit === appeal.certificateLimit ? ` Both give ${limit}.` : ` The later is ${limit}.`;
  const conclusion = `${rule.dueClause} by ${formatDayNumber(appeal.due)}.`;
  const dueMonth = civilFromDayNumber(appeal.due);
  const destination =
    dueMonth.month === 9 ? `the first working day of September ${dueMonth.year}` : `the next working day in January`;
  // Non-working days met after the closure, e.g. the weekend of Sat 1-Sun 2 Sep 2029.
  const afterClosure = (firstOpenDay: DayNumber): string => {
    const skipped = calendar.nonWorkingBetween(firstOpenDay - 1, appeal.due);
    return skipped.length === 0 ? `: ${conclusion}` : `. ${capitalise(notWorkingClause(skipped))}, so ${conclusion}`;
  };
  const firstOfMonth = appeal.due - dueMonth.day + 1;
  // The closure ends on 31 August or 1 January; the first day it allows is 1 Sep or 2 Jan.
  const firstOpen = dueMonth.month === 9 ? firstOfMonth : firstOfMonth + 1;
  let outcome: string;
  switch (appeal.adjustment) {
    case 'none':
      outcome = `That is a working day, so ${conclusion}`;
      break;
    case 'august':
      outcome = `${limit} is in August, which the Tribunal does not count, so the limit moves to ${destination}${afterClosure(firstOpen)}`;
      break;
    case 'christmas':
      outcome =
        `${limit} falls between 25 December and 1 January, which the Tribunal does not count, so the limit moves to ` +
        `${destination}${afterClosure(firstOpen)}`;
      break;
    case 'nonWorkingDay': {
      const skipped = calendar.nonWorkingBetween(appeal.limit - 1, appeal.due);
      outcome = `${capitalise(notWorkingClause(skipped))}, so the limit moves to the next working day (r.12(2)): ${conclusion}`;
      if (appeal.laterReading !== undefined) {
        const closure = dueMonth.month === 8 || dueMonth.month === 9 ? 'August' : '25 December to 1 January';
        outcome +=
          ` Some advisers read r.12 as also skipping ${closure}, which the Tribunal does not count, giving ${formatDayNumber(appeal.laterReading)}; ` +
          `the product shows the earlier date, because filing early loses nothing and filing late can lose the appeal.`;
      }
      break;
    }
  }
  return `${limbs}${later} ${outcome}`;
}

/**
 * How the due date of a rule was counted, in plain English, naming every non-working day
 * that was skipped. Throws the same TimescaleErrors as computeRule.
 */
export function explainRule(ruleId: string, from: IsoDate, second?: IsoDate, calendar: Calendar = defaultCalendar): string {
  const input = parseRuleInputs(ruleId, from, second);
  const { rule } = input;
  const days = computeRuleDays(rule, input.from, input.second, calendar);
  if (days.appeal && input.second !== undefined) {
    return explainAppeal(rule, input.from, input.second, days.appeal, calendar);
  }
  let text =
    rule.unit === 'workingDays'
      ? explainWorkingDays(rule, input.from, days.due, calendar)
      : explainCalendar(rule, input.from, days.due, days.lastWorkingDay, calendar);
  if (rule.ideal && days.ideal !== undefined) {
    text += ` Ideally they are sent ${plural(rule.ideal.amount, 'calendar day', 'calendar days')} before, by ${formatDayNumber(days.ideal)}.`;
  }
  return capitalise(text);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
