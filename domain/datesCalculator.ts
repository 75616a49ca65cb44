import { z } from 'zod';
import {
  computeRule,
  defaultCalendar,
  explainRule,
  formatDate,
  getRule,
  isTimescaleError,
  type Calendar,
  type RuleDefinition,
} from './timescales';

/** What the dates card shows after a calculation; the card module re-declares the same shape. */
export interface DatesCalculation {
  readonly ruleTitle: string;
  readonly dueText: string;
  readonly lastWorkingDayText?: string;
  readonly idealText?: string;
  readonly explanation: string;
}

/** The submitted values, echoed back so the card keeps its inputs filled in. */
export interface DatesFields {
  readonly selectedRule?: string;
  readonly from?: string;
  readonly second?: string;
}

export type DatesCalculatorOutcome =
  | { readonly ok: true; readonly view: DatesFields & { readonly result: DatesCalculation } }
  | {
      readonly ok: false;
      readonly error: string;
      readonly fields: DatesFields;
      readonly view: DatesFields & { readonly error: string };
    };

/** Teams sends an untouched input as "" or leaves it out; both mean "not given". */
const optionalText = z
  .unknown()
  .optional()
  .transform((v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined));

// Loose on purpose: the invoke data also carries the verb and Teams' own keys.
const SubmissionSchema = z.object({ rule: optionalText, from: optionalText, second: optionalText });

function fail(error: string, fields: DatesFields): DatesCalculatorOutcome {
  return { ok: false, error, fields, view: { ...fields, error } };
}

function calculate(rule: RuleDefinition, from: string, second: string | undefined, calendar: Calendar): DatesCalculation {
  const result = computeRule(rule.id, from, second, calendar);
  const explanation = explainRule(rule.id, from, second, calendar);
  return {
    ruleTitle: `${rule.title} (${rule.tNumber})`,
    dueText: formatDate(result.due),
    ...(result.lastWorkingDay !== result.due ? { lastWorkingDayText: formatDate(result.lastWorkingDay) } : {}),
    ...(result.ideal !== undefined ? { idealText: formatDate(result.ideal) } : {}),
    explanation,
  };
}

/**
 * Validates a `dates.calculate` submission and works the date out. Every failure the
 * person can fix comes back as a sentence they can act on; anything else is a bug and is
 * thrown for the bot's error handler.
 */
export function calculateFromSubmission(input: unknown, calendar: Calendar = defaultCalendar): DatesCalculatorOutcome {
  const parsed = SubmissionSchema.safeParse(input ?? {});
  if (!parsed.success) return fail('The form could not be read. Please fill it in again.', {});
  const { rule: ruleId, from, second } = parsed.data;
  const fields: DatesFields = {
    ...(ruleId !== undefined ? { selectedRule: ruleId } : {}),
    ...(from !== undefined ? { from } : {}),
    ...(second !== undefined ? { second } : {}),
  };
  if (ruleId === undefined) return fail('Choose the time limit to work out.', fields);

  try {
    const rule = getRule(ruleId);
    if (from === undefined) return fail(`Enter the date the clock runs from (${rule.trigger}).`, fields);
    if (rule.inputDates === 2 && second === undefined) {
      return fail(`${rule.title} needs two dates: the ${rule.trigger} date and the ${rule.second?.trigger ?? 'second'} date.`, fields);
    }
    // The second input is always on the card; a leftover value must not block other rules.
    const usedSecond = rule.inputDates === 2 ? second : undefined;
    const result = calculate(rule, from, usedSecond, calendar);
    const note = second !== undefined && usedSecond === undefined ? ' The certificate issue date was not used: only the appeal rule needs it.' : '';
    return { ok: true, view: { ...fields, result: { ...result, explanation: result.explanation + note } } };
  } catch (error) {
    if (isTimescaleError(error)) return fail(error.message, fields);
    throw error;
  }
}
