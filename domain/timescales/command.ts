import { defaultCalendar, type Calendar } from './calendar';
import { computeRuleDays, parseRuleInputs, toResult } from './compute';
import { isTimescaleError } from './errors';
import { RULE_LIST } from './rules';

export interface CommandOutcome {
  /** 0 success or help, 2 bad input (unknown rule, wrong dates), 1 unexpected failure. */
  readonly exitCode: 0 | 1 | 2;
  readonly stdout: string;
  readonly stderr: string;
}

const USAGE = 'Usage: npm run --silent timescale -- <RULE_ID> <YYYY-MM-DD> [<YYYY-MM-DD>]';

export function timescaleHelp(): string {
  const width = Math.max(...RULE_LIST.map((r) => r.id.length));
  const lines = RULE_LIST.map((r) => {
    const dates = r.second ? ` (dates: ${r.trigger}, ${r.second.trigger})` : '';
    return `  ${r.id.padEnd(width)}  ${r.tNumber.padEnd(5)} ${r.description}${dates}`;
  });
  return [
    USAGE,
    '',
    'Prints one line of JSON: {"rule","from",["certificate"],"due","lastWorkingDay",["ideal"]}.',
    'Dates are Europe/London local dates. Working days exclude weekends, Christmas Day, Good Friday',
    'and England and Wales bank holidays.',
    '',
    'Rules:',
    ...lines,
    '',
  ].join('\n');
}

/**
 * The whole `timescale` command minus process I/O, so it is testable in-process; the
 * script only prints the outcome and sets the exit code.
 */
export function runTimescaleCommand(args: readonly string[], calendar: Calendar = defaultCalendar): CommandOutcome {
  if (args.includes('--help') || args.includes('-h')) {
    return { exitCode: 0, stdout: timescaleHelp(), stderr: '' };
  }
  const [ruleId, from, second, ...extra] = args;
  if (ruleId === undefined) {
    return { exitCode: 2, stdout: '', stderr: `${USAGE}\nRun with --help to list the rules.\n` };
  }
  if (extra.length > 0) {
    return { exitCode: 2, stdout: '', stderr: `Too many dates: ${args.length - 1} given, but a rule takes at most 2.\n${USAGE}\n` };
  }
  try {
    const input = parseRuleInputs(ruleId, from, second);
    const result = toResult(input.rule.id, computeRuleDays(input.rule, input.from, input.second, calendar));
    return { exitCode: 0, stdout: `${JSON.stringify(result)}\n`, stderr: '' };
  } catch (error) {
    if (isTimescaleError(error)) return { exitCode: 2, stdout: '', stderr: `${error.message}\n` };
    const message = error instanceof Error ? error.message : String(error);
    return { exitCode: 1, stdout: '', stderr: `Unexpected failure: ${message}\n` };
  }
}
