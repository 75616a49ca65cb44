import { TimescaleError } from './errors';

/**
 * The statutory and practice timescales the product tracks, as data. Ids are stable: they
 * are stored with every deadline and typed into the `timescale` command (docs/rules.md#timescale-rules).
 * T-numbers point back to the rule table in docs/rules.md#timescale-rules
 */
export const RULE_IDS = [
  'ADVISER_CONTACT',
  'CERT_NO_MEDIATION',
  'ARRANGE_MEDIATION',
  'NOTIFY_ICB',
  'ICB_ARRANGE',
  'CERT_CANNOT_ARRANGE',
  'CERT_AFTER_MEDIATION',
  'REQUESTED_CHANGES',
  'LA_ASSESS_NOTIFY',
  'LA_ASSESS_DECIDE',
  'LA_ASSESS_FINAL',
  'LA_PLAN_DRAFT',
  'LA_PLAN_FINAL',
  'LA_AMEND_PLAN',
  'LA_CHANGE_SCHOOL',
  'OTHER_ACTION',
  'ICB_NOTIFY_LA',
  'APPEAL',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export type Responsible =
  | 'Parent or young person'
  | 'Mediation adviser'
  | 'Local authority'
  | 'ICB'
  | 'Local authority or ICB'
  | 'Mediator'
  | 'Provider or family';

/**
 * - `workingDays`: counted in England and Wales working days; the result is always a working day.
 * - `calendarDays`, `weeks`: plain calendar arithmetic, no roll-forward.
 * - `calendarMonths`: corresponding-date rule with end-of-month clamp, no roll-forward
 *   unless `rollForward` says otherwise.
 */
export type RuleUnit = 'workingDays' | 'calendarDays' | 'weeks' | 'calendarMonths';

/** Confidence tags of docs/rules.md#how-sure-each-rule-is: statutory, statutory via secondary sources, provider practice. */
export type Confidence = 'S' | 'S~' | 'P';

export interface RuleDefinition {
  readonly id: RuleId;
  /** Row of the domain rule table, e.g. `T7` or `T6(b)`. */
  readonly tNumber: string;
  /** Short name for lists and cards. */
  readonly title: string;
  /** One plain-English line: what must happen, by whom, how long. */
  readonly description: string;
  /** What the first input date is. */
  readonly trigger: string;
  readonly unit: RuleUnit;
  readonly amount: number;
  /** `before` only for REQUESTED_CHANGES, counted back from the meeting. */
  readonly direction: 'after' | 'before';
  /** `tribunal` only for APPEAL: HESC Rules r.12 and the August / Christmas closures. */
  readonly rollForward: 'none' | 'tribunal';
  readonly source: string;
  readonly confidence: Confidence;
  readonly responsible: Responsible;
  /**
   * The due date can fall on a non-working day and does not move, so the product shows
   * the last working day on or before it next to the due date.
   */
  readonly lastWorkingDayCompanion: boolean;
  readonly inputDates: 1 | 2;
  /** APPEAL's second input: the certificate's issue date, with its own limb. */
  readonly second?: { readonly key: 'certificate'; readonly trigger: string; readonly unit: 'calendarMonths'; readonly amount: number };
  /** REQUESTED_CHANGES: the date the provider would like the changes by. */
  readonly ideal?: { readonly unit: 'calendarDays'; readonly amount: number };
  /** Finishes "so ... by <date>" in explanations. */
  readonly dueClause: string;
}

const REGS = 'SEND Regulations 2014';
const UNCONFIRMED = 'regulation number unconfirmed';

export const RULES: Readonly<Record<RuleId, RuleDefinition>> = {
  ADVISER_CONTACT: {
    id: 'ADVISER_CONTACT',
    tNumber: 'T1',
    title: 'Contact the mediation adviser',
    description: 'Parent or young person tells the mediation adviser whether they want mediation: 2 calendar months after the decision notice is sent.',
    trigger: 'decision notice sent',
    unit: 'calendarMonths',
    amount: 2,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 33`,
    confidence: 'S',
    responsible: 'Parent or young person',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the parent or young person should contact the mediation adviser',
  },
  CERT_NO_MEDIATION: {
    id: 'CERT_NO_MEDIATION',
    tNumber: 'T2',
    title: 'Certificate: mediation not wanted',
    description: 'Mediation adviser issues the certificate: 3 working days after being told the parent or young person does not want mediation.',
    trigger: 'adviser told mediation is not wanted',
    unit: 'workingDays',
    amount: 3,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 34 (3 working days per IPSEA and SENDIASS guidance)`,
    confidence: 'S~',
    responsible: 'Mediation adviser',
    lastWorkingDayCompanion: false,
    inputDates: 1,
    dueClause: 'the certificate is due',
  },
  ARRANGE_MEDIATION: {
    id: 'ARRANGE_MEDIATION',
    tNumber: 'T3',
    title: 'Hold the mediation',
    description: 'Local authority arranges the mediation to take place within 30 calendar days of being told mediation is wanted.',
    trigger: 'local authority told mediation is wanted',
    unit: 'calendarDays',
    amount: 30,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} regs 34-41 (30 days per IPSEA; ${UNCONFIRMED})`,
    confidence: 'S~',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the mediation must take place',
  },
  NOTIFY_ICB: {
    id: 'NOTIFY_ICB',
    tNumber: 'T4',
    title: 'Tell the ICB about health issues',
    description: 'Local authority tells each relevant ICB the health issues and provision sought: 3 working days after receiving them.',
    trigger: 'local authority received health issues for mediation',
    unit: 'workingDays',
    amount: 3,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} regs 34-41 (per IPSEA; ${UNCONFIRMED})`,
    confidence: 'S~',
    responsible: 'Local authority',
    lastWorkingDayCompanion: false,
    inputDates: 1,
    dueClause: 'the local authority must tell each relevant ICB',
  },
  ICB_ARRANGE: {
    id: 'ICB_ARRANGE',
    tNumber: 'T5',
    title: 'ICB holds the mediation',
    description: 'ICB arranges a health-only mediation to take place within 30 calendar days of being notified.',
    trigger: 'ICB notified',
    unit: 'calendarDays',
    amount: 30,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} regs 34-41 (30 days per IPSEA; ${UNCONFIRMED})`,
    confidence: 'S~',
    responsible: 'ICB',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the mediation must take place',
  },
  CERT_CANNOT_ARRANGE: {
    id: 'CERT_CANNOT_ARRANGE',
    tNumber: 'T6(b)',
    title: 'Certificate: mediation not arranged in time',
    description: 'Mediation adviser issues the certificate: 3 working days after being told mediation cannot happen within the 30 days.',
    trigger: 'adviser told the 30 days cannot be met',
    unit: 'workingDays',
    amount: 3,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} regs 34-41 (per IPSEA and SENDIASS guidance; ${UNCONFIRMED})`,
    confidence: 'S~',
    responsible: 'Mediation adviser',
    lastWorkingDayCompanion: false,
    inputDates: 1,
    dueClause: 'the certificate is due',
  },
  CERT_AFTER_MEDIATION: {
    id: 'CERT_AFTER_MEDIATION',
    tNumber: 'T7',
    title: 'Certificate after mediation',
    description: 'Mediator issues the certificate: 3 working days after the mediation concludes.',
    trigger: 'mediation concluded',
    unit: 'workingDays',
    amount: 3,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} regs 34-41 (per SENDIASS guidance; ${UNCONFIRMED})`,
    confidence: 'S~',
    responsible: 'Mediator',
    lastWorkingDayCompanion: false,
    inputDates: 1,
    dueClause: 'the certificate is due',
  },
  REQUESTED_CHANGES: {
    id: 'REQUESTED_CHANGES',
    tNumber: 'T10',
    title: 'Send the requested plan changes',
    description: 'Requested changes to the plan reach the LA officer at least 3 working days before the meeting (ideally 7 calendar days before).',
    trigger: 'meeting date',
    unit: 'workingDays',
    amount: 3,
    direction: 'before',
    rollForward: 'none',
    source: 'Provider practice (not statutory)',
    confidence: 'P',
    responsible: 'Provider or family',
    lastWorkingDayCompanion: false,
    inputDates: 1,
    ideal: { unit: 'calendarDays', amount: 7 },
    dueClause: 'the requested changes should reach the local authority officer',
  },
  LA_ASSESS_NOTIFY: {
    id: 'LA_ASSESS_NOTIFY',
    tNumber: 'T13b',
    title: 'Tell the family the assessment will go ahead',
    description: 'After agreeing to assess, the local authority tells the parent or young person it will assess: 2 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 2,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(b)`,
    confidence: 'S',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the local authority must say it will assess',
  },
  LA_ASSESS_DECIDE: {
    id: 'LA_ASSESS_DECIDE',
    tNumber: 'T13b',
    title: 'Decide whether to issue a plan',
    description: 'After agreeing to assess, the local authority tells the family of any decision not to issue a plan: 10 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 10,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(b)`,
    confidence: 'S',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'any decision not to issue a plan is due',
  },
  LA_ASSESS_FINAL: {
    id: 'LA_ASSESS_FINAL',
    tNumber: 'T13b',
    title: 'Issue the final plan after assessment',
    description: 'After agreeing to assess, the local authority issues the final plan: 14 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 14,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(b)`,
    confidence: 'S',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the final plan is due',
  },
  LA_PLAN_DRAFT: {
    id: 'LA_PLAN_DRAFT',
    tNumber: 'T13c',
    title: 'Issue the draft plan',
    description: 'After agreeing to make a plan, the local authority issues the draft plan: 5 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 5,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(c)`,
    confidence: 'S',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the draft plan is due',
  },
  LA_PLAN_FINAL: {
    id: 'LA_PLAN_FINAL',
    tNumber: 'T13c',
    title: 'Issue the final plan',
    description: 'After agreeing to make a plan, the local authority issues the final plan: 11 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 11,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(c)`,
    confidence: 'S',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the final plan is due',
  },
  LA_AMEND_PLAN: {
    id: 'LA_AMEND_PLAN',
    tNumber: 'T13d',
    title: 'Issue the amended plan',
    description: 'After agreeing to amend the plan, the local authority issues the amended plan: 5 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 5,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(e)`,
    confidence: 'S~',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the amended plan is due',
  },
  LA_CHANGE_SCHOOL: {
    id: 'LA_CHANGE_SCHOOL',
    tNumber: 'T13e',
    title: 'Issue the plan naming the agreed school',
    description: 'After agreeing to change the school or type of school in section I, the local authority issues the amended plan: 2 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 2,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(2) with reg 44(2)(f)`,
    confidence: 'S~',
    responsible: 'Local authority',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the amended plan is due',
  },
  OTHER_ACTION: {
    id: 'OTHER_ACTION',
    tNumber: 'T14',
    title: 'Carry out the agreed action',
    description: 'The local authority or ICB does what it agreed on issues that cannot be appealed: 2 weeks after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 2,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(3)`,
    confidence: 'S',
    responsible: 'Local authority or ICB',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the agreed action is due',
  },
  ICB_NOTIFY_LA: {
    id: 'ICB_NOTIFY_LA',
    tNumber: 'T15',
    title: 'Tell the local authority about the agreement',
    description: 'After a mediation the local authority was not party to, the ICB tells the local authority what was agreed: 1 week after the agreement.',
    trigger: 'agreement date',
    unit: 'weeks',
    amount: 1,
    direction: 'after',
    rollForward: 'none',
    source: `${REGS} reg 42(4)`,
    confidence: 'S',
    responsible: 'ICB',
    lastWorkingDayCompanion: true,
    inputDates: 1,
    dueClause: 'the ICB must tell the local authority',
  },
  APPEAL: {
    id: 'APPEAL',
    tNumber: 'T17',
    title: 'Appeal to the Tribunal',
    description: 'Last day to appeal to the Tribunal: the later of 2 months after the decision notice and 1 month after the certificate, moved past non-working days, August and 25 Dec-1 Jan.',
    trigger: 'decision notice sent',
    unit: 'calendarMonths',
    amount: 2,
    direction: 'after',
    rollForward: 'tribunal',
    source: 'Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008 r.20(1)(c) and r.12',
    confidence: 'S~',
    responsible: 'Parent or young person',
    lastWorkingDayCompanion: false,
    inputDates: 2,
    second: { key: 'certificate', trigger: 'certificate issued', unit: 'calendarMonths', amount: 1 },
    dueClause: 'the appeal must reach the Tribunal',
  },
};

/** The rules in table order (the order of docs/rules.md#timescale-rules). */
export const RULE_LIST: readonly RuleDefinition[] = RULE_IDS.map((id) => RULES[id]);

const RULE_INDEX: ReadonlyMap<string, number> = new Map(RULE_IDS.map((id, i) => [id, i]));

export function isRuleId(value: unknown): value is RuleId {
  return typeof value === 'string' && RULE_INDEX.has(value);
}

/** Position in the rule table; used to order deadlines that fall on the same day. */
export function ruleOrder(id: RuleId): number {
  return RULE_INDEX.get(id) ?? RULE_IDS.length;
}

export function getRule(id: string): RuleDefinition {
  if (isRuleId(id)) return RULES[id];
  const hint = RULE_IDS.find((r) => r === id.trim().toUpperCase().replace(/-/g, '_'));
  throw new TimescaleError(
    'UNKNOWN_RULE',
    hint
      ? `Unknown rule "${id}". Did you mean ${hint}?`
      : `Unknown rule "${id}". Known rules: ${RULE_IDS.join(', ')}.`,
  );
}
