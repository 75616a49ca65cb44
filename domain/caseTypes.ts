import { isOneOf } from './oneOf';

/**
 * The kinds of case the product handles (docs/rules.md#case-types-and-who-attends). Statutory mediation cases start
 * with `M-`; disagreement resolution (DRS) cases start with `D-` and carry no statutory
 * clocks. Later features (intake, cards, the timeline) read these flags instead of
 * re-deciding them.
 */
export const CASE_TYPE_CODES = [
  'M-ASSESS',
  'M-ISSUE',
  'M-CONTENT',
  'M-PLACEMENT',
  'M-REASSESS',
  'M-NOAMEND',
  'M-CEASE',
  'M-HEALTH',
  'M-HEALTH-MIXED',
  'M-SOCIAL',
  'D-DUTIES',
  'D-PROVISION',
  'D-HEALTH-SC',
  'D-LA-ICB',
] as const;

export type CaseTypeCode = (typeof CASE_TYPE_CODES)[number];

export interface CaseTypeInfo {
  readonly code: CaseTypeCode;
  /** Plain-English name for pickers and cards. */
  readonly label: string;
  /** The decision can go to the Tribunal (for M-HEALTH-MIXED: its education parts). */
  readonly appealable: boolean;
  /** A mediation certificate is needed before an appeal can be made. */
  readonly certificateNeeded: boolean;
  /** Disagreement resolution rather than statutory mediation: no statutory clocks. */
  readonly isDrs: boolean;
  /** Who arranges the meeting. DRS is arranged by the LA's commissioned service. */
  readonly arrangedBy: 'Local authority' | 'ICB' | 'DRS provider';
  /** Sections B/F/I are in dispute, so the requested-changes step applies. */
  readonly planContent: boolean;
  /** Health care is among the issues, so the ICB must be told. */
  readonly involvesHealth: boolean;
  readonly note?: string;
}

export const CASE_TYPES: Readonly<Record<CaseTypeCode, CaseTypeInfo>> = {
  'M-ASSESS': {
    code: 'M-ASSESS',
    label: 'Refusal to carry out an EHC needs assessment',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'M-ISSUE': {
    code: 'M-ISSUE',
    label: 'Refusal to issue an EHC plan after assessment',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'M-CONTENT': {
    code: 'M-CONTENT',
    label: 'What the plan says (sections B and F, often with I)',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: true,
    involvesHealth: false,
    note: 'If only section I is disputed, use M-PLACEMENT: no certificate is needed.',
  },
  'M-PLACEMENT': {
    code: 'M-PLACEMENT',
    label: 'School or placement named in section I only',
    appealable: true,
    certificateNeeded: false,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: true,
    involvesHealth: false,
    note: 'Mediation is optional and the family need not contact a mediation adviser before appealing.',
  },
  'M-REASSESS': {
    code: 'M-REASSESS',
    label: 'Refusal to carry out a re-assessment',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'M-NOAMEND': {
    code: 'M-NOAMEND',
    label: 'Refusal to amend or replace the plan after a review or re-assessment',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'M-CEASE': {
    code: 'M-CEASE',
    label: 'Decision to stop maintaining the plan',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'M-HEALTH': {
    code: 'M-HEALTH',
    label: 'Health care provision only',
    appealable: false,
    certificateNeeded: false,
    isDrs: false,
    arrangedBy: 'ICB',
    planContent: false,
    involvesHealth: true,
    note: 'Health provision alone cannot be appealed; the ICB arranges the mediation.',
  },
  'M-HEALTH-MIXED': {
    code: 'M-HEALTH-MIXED',
    label: 'Health care with education or social care issues',
    appealable: true,
    certificateNeeded: true,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: true,
    note: 'Only the education parts can be appealed; each relevant ICB takes part.',
  },
  'M-SOCIAL': {
    code: 'M-SOCIAL',
    label: 'Social care provision only',
    appealable: false,
    certificateNeeded: false,
    isDrs: false,
    arrangedBy: 'Local authority',
    planContent: false,
    involvesHealth: false,
  },
  'D-DUTIES': {
    code: 'D-DUTIES',
    label: 'Disagreement about how a body carries out its SEN duties',
    appealable: false,
    certificateNeeded: false,
    isDrs: true,
    arrangedBy: 'DRS provider',
    planContent: false,
    involvesHealth: false,
  },
  'D-PROVISION': {
    code: 'D-PROVISION',
    label: 'Disagreement with a setting about the special educational provision made',
    appealable: false,
    certificateNeeded: false,
    isDrs: true,
    arrangedBy: 'DRS provider',
    planContent: false,
    involvesHealth: false,
  },
  'D-HEALTH-SC': {
    code: 'D-HEALTH-SC',
    label: 'Disagreement about health or social care provision',
    appealable: false,
    certificateNeeded: false,
    isDrs: true,
    arrangedBy: 'DRS provider',
    planContent: false,
    involvesHealth: true,
  },
  'D-LA-ICB': {
    code: 'D-LA-ICB',
    label: 'Disagreement between the local authority and an ICB',
    appealable: false,
    certificateNeeded: false,
    isDrs: true,
    arrangedBy: 'DRS provider',
    planContent: false,
    involvesHealth: true,
  },
};

/** In the order of docs/rules.md#case-types-and-who-attends, mediation first. */
export const CASE_TYPE_LIST: readonly CaseTypeInfo[] = CASE_TYPE_CODES.map((code) => CASE_TYPES[code]);

export const isCaseTypeCode = isOneOf(CASE_TYPE_CODES);

export function getCaseType(code: CaseTypeCode): CaseTypeInfo {
  return CASE_TYPES[code];
}
