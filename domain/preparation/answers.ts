import { z } from 'zod';
import { ALTERNATIVE_BASES } from '../terms/alternativePerson';

/**
 * What the parties tell the bot before the meeting (docs/rules.md#case-types-and-who-attends, #the-meeting-checklist, #preparation-and-requested-changes). Answers are
 * structured choices plus a few short texts: the bot keeps preparation facts, never meeting
 * discussion (docs/rules.md#what-the-product-never-records). Every field is optional because answers arrive one at a time and are
 * saved as they come, so a half-finished record is the normal case.
 */

/** A name, a role, a short description: one line. */
export const SHORT_TEXT_MAX = 200;
/** A list of professionals or adjustments: a couple of lines. */
export const LONGER_TEXT_MAX = 400;

const shortText = z.string().min(1).max(SHORT_TEXT_MAX);
/** '' records an explicit "none", which is an answer, unlike a missing field. */
const noneOrText = z.string().max(LONGER_TEXT_MAX);

export const KNOWS_FAMILY = ['both', 'case_only', 'neither'] as const;
export type KnowsFamily = (typeof KNOWS_FAMILY)[number];
export const KNOWS_FAMILY_LABELS: Readonly<Record<KnowsFamily, string>> = {
  both: 'Knows the family and the case',
  case_only: 'Knows the case, not the family',
  neither: 'Does not know the family or the case yet',
};

export const CARE_REPRESENTATIVES = ['health', 'social_care', 'both', 'none'] as const;
export type CareRepresentatives = (typeof CARE_REPRESENTATIVES)[number];
export const CARE_REPRESENTATIVE_LABELS: Readonly<Record<CareRepresentatives, string>> = {
  health: 'Health (ICB)',
  social_care: 'Social care',
  both: 'Health (ICB) and social care',
  none: 'Neither',
};

export const WORDING_RECORDING = ['la_edits_on_screen', 'mediator_records', 'other'] as const;
export type WordingRecording = (typeof WORDING_RECORDING)[number];
export const WORDING_RECORDING_LABELS: Readonly<Record<WordingRecording, string>> = {
  la_edits_on_screen: 'LA officer edits the plan on screen',
  mediator_records: 'Mediator records in the outcome',
  other: 'Other',
};

export const CHILD_VIEWS = ['attend_part', 'written', 'drawn', 'recorded', 'through_parent'] as const;
export type ChildViews = (typeof CHILD_VIEWS)[number];
export const CHILD_VIEWS_LABELS: Readonly<Record<ChildViews, string>> = {
  attend_part: 'The child attends part of the meeting',
  written: 'Written views',
  drawn: 'Drawn views',
  recorded: 'Recorded views (audio or video)',
  through_parent: 'Through the parent',
};

export const YP_VOICE = ['self', 'named', 'alternative'] as const;
export type YoungPersonVoice = (typeof YP_VOICE)[number];
export const YP_VOICE_LABELS: Readonly<Record<YoungPersonVoice, string>> = {
  self: 'Speaks for themselves',
  named: 'Someone speaks for them, with written permission',
  alternative: 'They lack capacity: an alternative person acts for them (deputy, attorney or parent)',
};

export const YP_PERMISSION = ['given', 'not_yet'] as const;
export type YoungPersonPermission = (typeof YP_PERMISSION)[number];
export const YP_PERMISSION_LABELS: Readonly<Record<YoungPersonPermission, string>> = {
  given: 'Written permission given',
  not_yet: 'Written permission not given yet',
};

export const EXPENSES = ['travel', 'childcare', 'both', 'none'] as const;
export type Expenses = (typeof EXPENSES)[number];
export const EXPENSES_LABELS: Readonly<Record<Expenses, string>> = {
  travel: 'Travel',
  childcare: 'Childcare',
  both: 'Travel and childcare',
  none: 'None',
};

/** The LA officer's (or ICB representative's) preparation, docs/rules.md#preparation-and-requested-changes. */
export const LaAnswersSchema = z.object({
  attendeeName: shortText.optional(),
  attendeeRole: shortText.optional(),
  knowsFamily: z.enum(KNOWS_FAMILY).optional(),
  fullAuthority: z.boolean().optional(),
  /** Only when fullAuthority is false: what cannot be decided on the day. */
  authorityLimits: shortText.optional(),
  /** Only when fullAuthority is false: who holds that authority. */
  authorityHolder: shortText.optional(),
  careRepresentatives: z.enum(CARE_REPRESENTATIVES).optional(),
  otherProfessionals: noneOrText.optional(),
  /** Plan-content cases only. */
  editablePlanReady: z.boolean().optional(),
  wordingRecording: z.enum(WORDING_RECORDING).optional(),
  wordingRecordingOther: shortText.optional(),
});
export type LaAnswers = z.infer<typeof LaAnswersSchema>;

/** The parent's or young person's preparation, docs/rules.md#case-types-and-who-attends and docs/rules.md#the-meeting-checklist (child's views, adjustments, expenses). */
export const FamilyAnswersSchema = z.object({
  /** A child's case (the parent is the party). */
  childViews: z.enum(CHILD_VIEWS).optional(),
  /** A young person's case. */
  ypVoice: z.enum(YP_VOICE).optional(),
  ypSpeakerName: shortText.optional(),
  ypPermission: z.enum(YP_PERMISSION).optional(),
  /** A young person who lacks capacity: who acts for them (reg 64), and on which basis. */
  ypAlternativeName: shortText.optional(),
  ypAlternativeBasis: z.enum(ALTERNATIVE_BASES).optional(),
  advocate: z.boolean().optional(),
  advocateName: shortText.optional(),
  adjustments: noneOrText.optional(),
  expenses: z.enum(EXPENSES).optional(),
});
export type FamilyAnswers = z.infer<typeof FamilyAnswersSchema>;

export const PreparationAnswersSchema = z.discriminatedUnion('kind', [
  LaAnswersSchema.extend({ kind: z.literal('la') }),
  FamilyAnswersSchema.extend({ kind: z.literal('family') }),
]);
export type PreparationAnswers = z.infer<typeof PreparationAnswersSchema>;
export type PreparationKind = PreparationAnswers['kind'];

/** One or more answers to merge into a record; the kind must match the record's. */
export type PreparationPatch =
  | { readonly kind: 'la'; readonly answers: Partial<LaAnswers> }
  | { readonly kind: 'family'; readonly answers: Partial<FamilyAnswers> };

/**
 * Answers that only make sense after another answer are dropped when that answer changes
 * (an officer who now has full authority has no limits to report), so a record never holds
 * a contradiction for the board to misreport.
 */
export function normaliseLa(a: LaAnswers): LaAnswers {
  const out: LaAnswers = { ...a };
  if (out.fullAuthority !== false) {
    delete out.authorityLimits;
    delete out.authorityHolder;
  }
  if (out.wordingRecording !== 'other') delete out.wordingRecordingOther;
  return out;
}

export function normaliseFamily(a: FamilyAnswers): FamilyAnswers {
  const out: FamilyAnswers = { ...a };
  if (out.ypVoice !== 'named') {
    delete out.ypSpeakerName;
    delete out.ypPermission;
  }
  if (out.ypVoice !== 'alternative') {
    delete out.ypAlternativeName;
    delete out.ypAlternativeBasis;
  }
  if (out.advocate !== true) delete out.advocateName;
  return out;
}
