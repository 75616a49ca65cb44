import type { ActionCategory as TimelineCategory, RuleId } from '../timescales';

/**
 * What an agreed action commits someone to, and so which clock applies (docs/rules.md#timescale-rules,
 * T13-T16). Codes are stored with every action and never change; labels are plain English
 * for the form's picker.
 */
export const ACTION_CATEGORIES = [
  'cease_to_maintain',
  'continue_plan',
  'assess',
  'make_plan',
  'amend_plan',
  'change_school',
  'other_la_icb',
  'icb_notify_la',
  'other_agreed_date',
] as const;

export type AgreedActionCategory = (typeof ACTION_CATEGORIES)[number];

/** Who a statutory clock binds: reg 42 times the LA (T13, T14) and the commissioning body (T14, T15). */
export type CategoryOwner = 'la' | 'la_or_icb' | 'icb' | 'anyone';

export interface ActionCategoryInfo {
  readonly category: AgreedActionCategory;
  /** Row of the rule table; null when no statutory clock applies. */
  readonly tNumber: string | null;
  /** For the form's picker. */
  readonly label: string;
  /** The clocks that start on the agreement date, in order; empty for T13a and agreed-date actions. */
  readonly rules: readonly RuleId[];
  /** T13a: due on the agreement date itself. */
  readonly immediately: boolean;
  /** The date agreed in writing is the only due date, so it is required. */
  readonly needsAgreedDate: boolean;
  /**
   * Whether a date agreed in writing may replace the statutory one. Reg 42(5) varies only the
   * periods of reg 42(2) and (3); the ICB's one-week duty to tell the LA (reg 42(4)) stays.
   */
  readonly agreedDateAllowed: boolean;
  /** Where the clock of an at-once action comes from. */
  readonly atOnceSource?: string;
  readonly owner: CategoryOwner;
  /** The matching category of the case timeline (domain/timescales), when there is one. */
  readonly timelineCategory?: TimelineCategory;
}

export const ACTION_CATEGORY_INFO: Readonly<Record<AgreedActionCategory, ActionCategoryInfo>> = {
  cease_to_maintain: {
    category: 'cease_to_maintain',
    tNumber: 'T13a',
    label: 'Stop maintaining the plan (at once)',
    rules: [],
    immediately: true,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    atOnceSource: 'SEND Regulations 2014 reg 42(2) with reg 44(2)(a)',
    owner: 'la',
  },
  continue_plan: {
    category: 'continue_plan',
    tNumber: 'T13f',
    label: 'Continue to maintain the plan (at once; an amendment is a separate "Amend the plan" action, 5 weeks)',
    rules: [],
    immediately: true,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    atOnceSource: 'SEND Regulations 2014 reg 42(2) with reg 44(2)(d)',
    owner: 'la',
  },
  assess: {
    category: 'assess',
    tNumber: 'T13b',
    label: 'Carry out an EHC needs assessment or re-assessment',
    rules: ['LA_ASSESS_NOTIFY', 'LA_ASSESS_DECIDE', 'LA_ASSESS_FINAL'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    owner: 'la',
    timelineCategory: 'LA_ASSESS',
  },
  make_plan: {
    category: 'make_plan',
    tNumber: 'T13c',
    label: 'Make an EHC plan (draft, then final)',
    rules: ['LA_PLAN_DRAFT', 'LA_PLAN_FINAL'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    owner: 'la',
    timelineCategory: 'LA_PLAN',
  },
  amend_plan: {
    category: 'amend_plan',
    tNumber: 'T13d',
    label: 'Amend the plan and issue it',
    rules: ['LA_AMEND_PLAN'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    owner: 'la',
    timelineCategory: 'LA_AMEND_PLAN',
  },
  change_school: {
    category: 'change_school',
    tNumber: 'T13e',
    label: 'Change the school, or type of school, named in the plan',
    rules: ['LA_CHANGE_SCHOOL'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    owner: 'la',
    timelineCategory: 'LA_CHANGE_SCHOOL',
  },
  other_la_icb: {
    category: 'other_la_icb',
    tNumber: 'T14',
    label: 'Something else the local authority or ICB will do (for example a visit or interim support)',
    rules: ['OTHER_ACTION'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: true,
    owner: 'la_or_icb',
    timelineCategory: 'OTHER_ACTION',
  },
  icb_notify_la: {
    category: 'icb_notify_la',
    tNumber: 'T15',
    label: 'The ICB tells the local authority what was agreed (the local authority was not at the mediation)',
    rules: ['ICB_NOTIFY_LA'],
    immediately: false,
    needsAgreedDate: false,
    agreedDateAllowed: false,
    owner: 'icb',
    timelineCategory: 'ICB_NOTIFY_LA',
  },
  other_agreed_date: {
    category: 'other_agreed_date',
    tNumber: null,
    label: 'Anything else, by a date everyone agreed',
    rules: [],
    immediately: false,
    needsAgreedDate: true,
    agreedDateAllowed: true,
    owner: 'anyone',
  },
};

/** "Amend the plan and issue it (T13d)": the picker shows the rule so the mediator can check it. */
export function categoryLabel(category: AgreedActionCategory): string {
  const info = ACTION_CATEGORY_INFO[category];
  return info.tNumber ? `${info.label} (${info.tNumber})` : info.label;
}

/** The categories of the case timeline these actions start, for `caseTimeline({ actionCategories })`. */
export function timelineCategories(categories: readonly AgreedActionCategory[]): TimelineCategory[] {
  const out = new Set<TimelineCategory>();
  for (const c of categories) {
    const t = ACTION_CATEGORY_INFO[c].timelineCategory;
    if (t) out.add(t);
  }
  return [...out];
}
