import { z } from 'zod';
import { CASE_TYPE_CODES, CASE_TYPES } from '../caseTypes';
import { defaultCalendar, type Calendar } from './calendar';
import { computeRuleDays, toResult } from './compute';
import { isIsoDate, parseIsoDate, type IsoDate } from './dates';
import { TimescaleError } from './errors';
import { RULES, ruleOrder, type Responsible, type RuleId } from './rules';

/** What an agreement reached in mediation commits the LA or ICB to (docs/rules.md#timescale-rules, T13-T15). */
export const ACTION_CATEGORIES = [
  'LA_ASSESS',
  'LA_PLAN',
  'LA_AMEND_PLAN',
  'LA_CHANGE_SCHOOL',
  'OTHER_ACTION',
  'ICB_NOTIFY_LA',
] as const;

export type ActionCategory = (typeof ACTION_CATEGORIES)[number];

/** T13b and T13c each start several clocks from the same agreement date. */
export const ACTION_CATEGORY_RULES: Readonly<Record<ActionCategory, readonly RuleId[]>> = {
  LA_ASSESS: ['LA_ASSESS_NOTIFY', 'LA_ASSESS_DECIDE', 'LA_ASSESS_FINAL'],
  LA_PLAN: ['LA_PLAN_DRAFT', 'LA_PLAN_FINAL'],
  LA_AMEND_PLAN: ['LA_AMEND_PLAN'],
  LA_CHANGE_SCHOOL: ['LA_CHANGE_SCHOOL'],
  OTHER_ACTION: ['OTHER_ACTION'],
  ICB_NOTIFY_LA: ['ICB_NOTIFY_LA'],
};

function dateError(input: unknown): string {
  try {
    parseIsoDate(input);
    return 'Not a valid date.';
  } catch (error) {
    return error instanceof Error ? error.message : 'Not a valid date.';
  }
}

const isoDate = z.string().refine(isIsoDate, { error: (issue) => dateError(issue.input) });

/**
 * The dates a case knows so far. Every field is optional: the timeline grows as the case
 * moves on. Unknown keys are refused so a misspelt field cannot silently drop a deadline.
 */
export const CaseDatesSchema = z.strictObject({
  caseType: z.enum(CASE_TYPE_CODES).optional(),
  decisionNoticeSent: isoDate.optional(),
  adviserToldNoMediation: isoDate.optional(),
  laInformed: isoDate.optional(),
  /** Defaults from the case type (M-HEALTH, M-HEALTH-MIXED). */
  healthIssues: z.boolean().optional(),
  icbNotified: isoDate.optional(),
  adviserToldCannotArrange: isoDate.optional(),
  meetingDate: isoDate.optional(),
  /** A B/F/I case. Defaults from the case type (M-CONTENT, M-PLACEMENT). */
  isPlanContent: z.boolean().optional(),
  mediationConcluded: isoDate.optional(),
  certificateIssued: isoDate.optional(),
  agreementDate: isoDate.optional(),
  actionCategories: z.array(z.enum(ACTION_CATEGORIES)).optional(),
});

export type CaseDates = z.infer<typeof CaseDatesSchema>;

export interface TimelineEntry {
  readonly ruleId: RuleId;
  readonly tNumber: string;
  readonly title: string;
  readonly due: IsoDate;
  readonly lastWorkingDay: IsoDate;
  /** REQUESTED_CHANGES only. */
  readonly ideal?: IsoDate;
  readonly responsible: Responsible;
  readonly source: string;
  /** The date the clock runs from (for APPEAL: the decision notice). */
  readonly triggerDate: IsoDate;
  /** What `triggerDate` is, e.g. "mediation concluded". */
  readonly trigger: string;
  /** APPEAL only: the certificate's issue date, the second limb. */
  readonly certificateIssued?: IsoDate;
}

function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      return `${where}${issue.message}`;
    })
    .join(' ');
}

/**
 * Every deadline that applies to a case, sorted by due date (then by rule table order).
 * Only clocks whose trigger date is known are returned; DRS cases have no statutory clocks.
 * The input is validated at run time too, since it usually comes from a card submission.
 */
export function caseTimeline(dates: CaseDates, calendar: Calendar = defaultCalendar): TimelineEntry[] {
  const parsed = CaseDatesSchema.safeParse(dates);
  if (!parsed.success) {
    throw new TimescaleError('INVALID_INPUT', `The case dates are not valid. ${formatIssues(parsed.error)}`);
  }
  const input = parsed.data;
  const type = input.caseType ? CASE_TYPES[input.caseType] : undefined;
  if (type?.isDrs) return [];

  // With no case type, assume the widest statutory position so no clock is missed.
  const certificateNeeded = type?.certificateNeeded ?? true;
  const appealable = type?.appealable ?? true;
  const health = input.healthIssues ?? type?.involvesHealth ?? false;
  const planContent = input.isPlanContent ?? type?.planContent ?? false;
  const icbArranges = type?.arrangedBy === 'ICB';

  const wanted: { rule: RuleId; from: IsoDate; second?: IsoDate }[] = [];
  const add = (rule: RuleId, from: IsoDate | undefined, when = true, second?: IsoDate): void => {
    if (from !== undefined && when) wanted.push(second === undefined ? { rule, from } : { rule, from, second });
  };

  // Section I only: no adviser contact is required before appealing.
  add('ADVISER_CONTACT', input.decisionNoticeSent, certificateNeeded);
  add('CERT_NO_MEDIATION', input.adviserToldNoMediation);
  // Health-only mediation is arranged by the ICB (T5), not the LA.
  add('ARRANGE_MEDIATION', input.laInformed, !icbArranges);
  add('NOTIFY_ICB', input.laInformed, health);
  add('ICB_ARRANGE', input.icbNotified, icbArranges || type === undefined);
  add('CERT_CANNOT_ARRANGE', input.adviserToldCannotArrange);
  add('CERT_AFTER_MEDIATION', input.mediationConcluded);
  add('REQUESTED_CHANGES', input.meetingDate, planContent);
  if (input.agreementDate !== undefined) {
    const rules = new Set<RuleId>();
    for (const category of input.actionCategories ?? []) {
      for (const rule of ACTION_CATEGORY_RULES[category]) rules.add(rule);
    }
    for (const rule of rules) add(rule, input.agreementDate);
  }
  add('APPEAL', input.decisionNoticeSent, appealable && input.certificateIssued !== undefined, input.certificateIssued);

  const entries = wanted.map(({ rule, from, second }) => {
    const definition = RULES[rule];
    const days = computeRuleDays(definition, parseIsoDate(from), second === undefined ? undefined : parseIsoDate(second), calendar);
    const result = toResult(rule, days);
    const entry: TimelineEntry = {
      ruleId: rule,
      tNumber: definition.tNumber,
      title: definition.title,
      due: result.due,
      lastWorkingDay: result.lastWorkingDay,
      ...(result.ideal !== undefined ? { ideal: result.ideal } : {}),
      responsible: definition.responsible,
      source: definition.source,
      triggerDate: from,
      trigger: definition.trigger,
      ...(second !== undefined ? { certificateIssued: second } : {}),
    };
    return { entry, dueDay: days.due };
  });

  entries.sort((a, b) => a.dueDay - b.dueDay || ruleOrder(a.entry.ruleId) - ruleOrder(b.entry.ruleId));
  return entries.map((e) => e.entry);
}
