import { isOneOf } from '../oneOf';

/**
 * The mediator's checklist (docs/rules.md#the-meeting-checklist) as data: the ordered agenda, then the items that
 * run through the whole meeting. Ids are stored in meeting records, so they never change;
 * titles and hints are the product's own words and may be reworded freely.
 *
 * "Breaks" and "Focus" from docs/rules.md#the-meeting-checklist's cross-cutting list are not ticked: breaks are recorded as
 * breaks (breaks.ts), and keeping the focus on the child is not a one-off step.
 */
export const AGENDA_ITEM_IDS = [
  'opening',
  'family_case',
  'school',
  'other_participants',
  'la_officer',
  'open_discussion',
  'agreement_capture',
  'close',
] as const;

export const CROSS_CUTTING_ITEM_IDS = ['childs_views', 'reasonable_adjustments', 'authority_confirmed'] as const;

export const CHECKLIST_ITEM_IDS = [...AGENDA_ITEM_IDS, ...CROSS_CUTTING_ITEM_IDS] as const;

export type AgendaItemId = (typeof AGENDA_ITEM_IDS)[number];
export type CrossCuttingItemId = (typeof CROSS_CUTTING_ITEM_IDS)[number];
export type ChecklistItemId = (typeof CHECKLIST_ITEM_IDS)[number];

export interface ChecklistItem {
  readonly id: ChecklistItemId;
  /** `agenda` items are numbered in order; `cross_cutting` ones apply throughout. */
  readonly kind: 'agenda' | 'cross_cutting';
  /** 1-based position within its kind. */
  readonly order: number;
  readonly title: string;
  /** One or two sentences for the mediator: what ticking the item means. */
  readonly hint: string;
}

export const CHECKLIST: readonly ChecklistItem[] = [
  {
    id: 'opening',
    kind: 'agenda',
    order: 1,
    title: 'Opening and terms check',
    hint: 'Introduce yourself and how the meeting will run. Check everyone has agreed the Terms of Engagement. Confirm nobody is recording or keeping notes that identify anyone, and that Teams recording and transcription are off.',
  },
  {
    id: 'family_case',
    kind: 'agenda',
    order: 2,
    title: "The family's case",
    hint: "The parent or young person explains the child's or young person's needs and why they disagree. A young person may speak for themselves, or someone they authorised in writing beforehand speaks for them.",
  },
  {
    id: 'school',
    kind: 'agenda',
    order: 3,
    title: 'School or college',
    hint: 'If the school or college is here: how the child or young person presents there, with evidence.',
  },
  {
    id: 'other_participants',
    kind: 'agenda',
    order: 4,
    title: 'Other participants',
    hint: 'Anyone else everyone agreed could attend (health, social care, educational psychologist, therapists): their information and evidence.',
  },
  {
    id: 'la_officer',
    kind: 'agenda',
    order: 5,
    title: 'Local authority officer',
    hint: 'Usually last. The officer explains the decision and may confirm it, revise it in the light of what was heard, or ask further questions.',
  },
  {
    id: 'open_discussion',
    kind: 'agenda',
    order: 6,
    title: 'Open discussion',
    hint: 'Clarify whatever is still unresolved.',
  },
  {
    id: 'agreement_capture',
    kind: 'agenda',
    order: 7,
    title: 'Agreement capture',
    hint: 'Record each agreed action (who, what, by when) and read it back. Confirm any plan wording on the shared screen.',
  },
  {
    id: 'close',
    kind: 'agenda',
    order: 8,
    title: 'Close',
    hint: 'Explain when the outcome statement will arrive, the certificate, and the right to appeal anything unresolved. Ask for feedback.',
  },
  {
    id: 'childs_views',
    kind: 'cross_cutting',
    order: 1,
    title: "Child's views",
    hint: "How the child's or young person's views are represented: they join part of the meeting, or their written, drawn or recorded views are brought in.",
  },
  {
    id: 'reasonable_adjustments',
    kind: 'cross_cutting',
    order: 2,
    title: 'Reasonable adjustments',
    hint: 'The adjustments arranged for anyone attending are in place.',
  },
  {
    id: 'authority_confirmed',
    kind: 'cross_cutting',
    order: 3,
    title: 'Authority confirmed',
    hint: 'The local authority officer (and any ICB representative) confirmed they can settle the issues. Note anything that cannot be decided today.',
  },
];

export const isChecklistItemId = isOneOf(CHECKLIST_ITEM_IDS);
