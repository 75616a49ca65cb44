import { computeRule, defaultCalendar, parseIsoDate, RULES, TimescaleError, type Calendar, type IsoDate, type RuleId } from '../timescales';
import { ACTION_CATEGORY_INFO, type AgreedActionCategory } from './actionCategories';
import type { AgreedAction } from './agreedAction';

/** One statutory date of an action (T13b has three, T13c two, the others one). */
export interface StatutoryDue {
  /** null for T13a, which is due at once rather than by a rule. */
  readonly ruleId: RuleId | null;
  /** Short words for the step, e.g. "final plan"; the rule's title when there is only one step. */
  readonly step: string;
  readonly due: IsoDate;
  /** The last working day on or before `due` (weeks do not roll forward, docs/rules.md#counting-days); equal to `due` when it is a working day. */
  readonly lastWorkingDay: IsoDate;
}

export interface ActionDueDates {
  readonly category: AgreedActionCategory;
  readonly tNumber: string | null;
  /** T13a: due on the agreement date itself. */
  readonly immediately: boolean;
  /** Empty for an action with no statutory timescale. */
  readonly statutory: readonly StatutoryDue[];
  /** The date agreed in writing (reg 42(5)), when there is one. */
  readonly agreed?: IsoDate;
  /** What the action is due by: the agreed date when there is one, otherwise the last statutory date. */
  readonly effective: IsoDate;
  readonly effectiveLastWorkingDay: IsoDate;
  readonly basis: 'statutory' | 'agreed';
}

/** Words for the steps of the chained clocks, shorter than the rule titles. */
const STEP_WORDS: Partial<Readonly<Record<RuleId, string>>> = {
  LA_ASSESS_NOTIFY: 'say it will assess',
  LA_ASSESS_DECIDE: 'any decision not to issue a plan',
  LA_ASSESS_FINAL: 'final plan',
  LA_PLAN_DRAFT: 'draft plan',
  LA_PLAN_FINAL: 'final plan',
};

/**
 * The due dates of an agreed action counted from the agreement date (docs/rules.md#timescale-rules T13-T16).
 * An agreed date replaces the statutory timescale for the whole action (T16) and the
 * statutory dates are still returned, to be shown beside it; never for a category whose duty
 * reg 42(5) cannot vary (the ICB's one week, reg 42(4)), where a stored date is ignored. Throws TimescaleError for a
 * date outside the calendar's trusted years, as computeRule does.
 */
export function actionDueDates(
  action: Pick<AgreedAction, 'category' | 'agreedDueDate'>,
  agreementDate: IsoDate,
  calendar: Calendar = defaultCalendar,
): ActionDueDates {
  const info = ACTION_CATEGORY_INFO[action.category];
  calendar.assertTrusted(parseIsoDate(agreementDate, 'agreement date'));
  const statutory: StatutoryDue[] = info.immediately
    ? [{ ruleId: null, step: 'at once', due: agreementDate, lastWorkingDay: agreementDate }]
    : info.rules.map((rule) => {
        const r = computeRule(rule, agreementDate, undefined, calendar);
        return { ruleId: rule, step: info.rules.length > 1 ? (STEP_WORDS[rule] ?? RULES[rule].title) : RULES[rule].title, due: r.due, lastWorkingDay: r.lastWorkingDay };
      });
  const base = { category: action.category, tNumber: info.tNumber, immediately: info.immediately, statutory };
  if (action.agreedDueDate !== undefined && info.agreedDateAllowed) {
    return {
      ...base,
      agreed: action.agreedDueDate,
      effective: action.agreedDueDate,
      effectiveLastWorkingDay: calendar.lastWorkingDayOnOrBefore(action.agreedDueDate),
      basis: 'agreed',
    };
  }
  const last = statutory[statutory.length - 1];
  // Only other_agreed_date has no statutory step; it cannot be stored without an agreed date.
  if (!last) throw new TimescaleError('INVALID_INPUT', 'An action with no statutory timescale needs the date everyone agreed.');
  return { ...base, effective: last.due, effectiveLastWorkingDay: last.lastWorkingDay, basis: 'statutory' };
}
