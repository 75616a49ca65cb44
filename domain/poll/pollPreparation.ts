import { z } from 'zod';
import type { Case } from '../cases';
import { EXPENSES, LONGER_TEXT_MAX, preparationKindFor, type Expenses, type PreparationPatch, type PreparationRecord } from '../preparation';

/**
 * The family preparation's practical questions (reasonable adjustments, expenses) ride along
 * on a parent's or young person's poll card while they are unanswered: arranging the date is
 * when they matter (docs/rules.md#case-lifecycle: scheduling → preparation, "arrange reasonable adjustments
 * and expenses"). Answers are saved into the same preparation record the dialog uses.
 */
export interface PollPrepQuestions {
  readonly adjustments: boolean;
  readonly expenses: boolean;
}

/** Which of the two questions a respondent is still to answer (none for anyone but the family). */
export function pollPrepQuestions(c: Case, respondent: string, record: PreparationRecord | null): PollPrepQuestions {
  const party = respondent.startsWith('party:') ? c.parties.find((p) => `party:${p.partyId}` === respondent) : undefined;
  if (!party || preparationKindFor(party.role) !== 'family') return { adjustments: false, expenses: false };
  const answers = record?.answers.kind === 'family' ? record.answers : undefined;
  return { adjustments: answers?.adjustments === undefined, expenses: answers?.expenses === undefined };
}

const PrepInputs = z.looseObject({
  adjustments: z.string().optional(),
  expenses: z.string().optional(),
});

/** The preparation answers given on a poll card, as a patch; undefined when none; an Error when one is not valid. */
export function pollPrepPatch(data: unknown, asked: PollPrepQuestions): PreparationPatch | Error | undefined {
  const inputs = PrepInputs.safeParse(data).data ?? {};
  const answers: { adjustments?: string; expenses?: Expenses } = {};
  const adjustments = inputs.adjustments?.trim();
  if (asked.adjustments && adjustments) {
    if (adjustments.length > LONGER_TEXT_MAX) return new Error(`Keep the adjustments to ${LONGER_TEXT_MAX} characters.`);
    answers.adjustments = adjustments;
  }
  const expenses = inputs.expenses?.trim();
  if (asked.expenses && expenses) {
    if (!(EXPENSES as readonly string[]).includes(expenses)) return new Error('Choose which expenses you will claim, or none.');
    answers.expenses = expenses as Expenses;
  }
  return Object.keys(answers).length > 0 ? { kind: 'family', answers } : undefined;
}
