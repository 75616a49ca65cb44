import { z } from 'zod';
import { CaseError } from '../cases';
import { isPlainText } from '../meeting/plainText';

/**
 * The short feedback each party gives once the outcome is published
 * (docs/rules.md#feedback). The answer is kept apart from who gave it: only the case type,
 * the role and the date go with it, so the provider can count and average answers without
 * reading any one person's.
 */
export const FEEDBACK_COMMENT_MAX = 500;
export const RATING_WORDS = ['Very poor', 'Poor', 'OK', 'Good', 'Very good'] as const;

const rating = z.coerce.number().int().min(1).max(5);

export const FeedbackAnswerSchema = z.object({
  /** Whose service it was: the provider's Entra tenant, so one provider never counts another's answers. */
  tenantId: z.string().min(1),
  caseType: z.string().min(1),
  role: z.string().min(1),
  fairness: z.number().int().min(1).max(5),
  clarity: z.number().int().min(1).max(5),
  wouldUseAgain: z.boolean(),
  comment: z.string().max(FEEDBACK_COMMENT_MAX).optional(),
  givenOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type FeedbackAnswer = z.infer<typeof FeedbackAnswerSchema>;

const FeedbackInput = z.looseObject({
  fairness: z.string().optional(),
  clarity: z.string().optional(),
  wouldUseAgain: z.string().optional(),
  comment: z.string().optional(),
});

export type FeedbackRatings = Pick<FeedbackAnswer, 'fairness' | 'clarity' | 'wouldUseAgain' | 'comment'>;

/** Reads the card's inputs; the message names what is missing. */
export function parseFeedback(data: unknown): FeedbackRatings | CaseError {
  const f = FeedbackInput.safeParse(data);
  const fairness = rating.safeParse(f.success ? f.data.fairness : undefined);
  const clarity = rating.safeParse(f.success ? f.data.clarity : undefined);
  const again = f.success ? f.data.wouldUseAgain : undefined;
  if (!fairness.success) return new CaseError('invalid_input', 'Choose how fair the process was, from 1 to 5.');
  if (!clarity.success) return new CaseError('invalid_input', 'Choose how clear the process was, from 1 to 5.');
  if (again !== 'yes' && again !== 'no') return new CaseError('invalid_input', 'Say whether you would use mediation again.');
  const comment = (f.success ? (f.data.comment ?? '') : '').trim();
  if (comment.length > FEEDBACK_COMMENT_MAX || !isPlainText(comment)) return new CaseError('invalid_input', `Keep the comment to plain text of up to ${FEEDBACK_COMMENT_MAX} characters.`);
  return { fairness: fairness.data, clarity: clarity.data, wouldUseAgain: again === 'yes', ...(comment ? { comment } : {}) };
}

export interface FeedbackSummary {
  readonly count: number;
  /** Rounded to one decimal; undefined with no answers. */
  readonly fairnessAverage?: number;
  readonly clarityAverage?: number;
  readonly wouldUseAgain: number;
  readonly comments: number;
  /** Counts by role id. */
  readonly byRole: Readonly<Record<string, number>>;
}

const average = (xs: readonly number[]) => (xs.length === 0 ? undefined : Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10);

export function summariseFeedback(answers: readonly Pick<FeedbackAnswer, 'fairness' | 'clarity' | 'wouldUseAgain' | 'comment' | 'role'>[]): FeedbackSummary {
  const byRole: Record<string, number> = {};
  for (const a of answers) byRole[a.role] = (byRole[a.role] ?? 0) + 1;
  const fairnessAverage = average(answers.map((a) => a.fairness));
  const clarityAverage = average(answers.map((a) => a.clarity));
  return {
    count: answers.length,
    ...(fairnessAverage !== undefined ? { fairnessAverage } : {}),
    ...(clarityAverage !== undefined ? { clarityAverage } : {}),
    wouldUseAgain: answers.filter((a) => a.wouldUseAgain).length,
    comments: answers.filter((a) => a.comment !== undefined).length,
    byRole,
  };
}
