import type { FamilyAnswers, LaAnswers, PreparationAnswers, PreparationKind, PreparationPatch } from './answers';
import { FAMILY_QUESTIONS } from './familyQuestions';
import { LA_QUESTIONS } from './laQuestions';
import type { QuestionDef, QuestionInput } from './questions';
import type { QuestionContext } from './subject';

/**
 * Both question lists behind one shape, so a dialog, a card and the board can walk either
 * without knowing which. The next question is always worked out from the stored answers:
 * that is what lets someone stop, come back days later (or after a restart) and carry on
 * at the first question still unanswered.
 */
export interface PreparationQuestion {
  readonly id: string;
  readonly kind: PreparationKind;
  readonly title: string;
  readonly input: QuestionInput;
  prompt(ctx: QuestionContext, answers: PreparationAnswers): string;
  help(ctx: QuestionContext): string | undefined;
  applies(ctx: QuestionContext, answers: PreparationAnswers): boolean;
  answered(answers: PreparationAnswers): boolean;
  parse(raw: string, ctx: QuestionContext): { readonly ok: true; readonly patch: PreparationPatch } | { readonly ok: false; readonly hint: string };
  display(answers: PreparationAnswers): string | undefined;
}

function erase<A>(
  kind: PreparationKind,
  q: QuestionDef<A>,
  pick: (a: PreparationAnswers) => A,
  wrap: (patch: Partial<A>) => PreparationPatch,
): PreparationQuestion {
  return {
    id: q.id,
    kind,
    title: q.title,
    input: q.input,
    prompt: (ctx, a) => q.prompt(ctx, pick(a)),
    help: (ctx) => q.help?.(ctx),
    // A record of the other kind answers none of these questions.
    applies: (ctx, a) => a.kind === kind && q.applies(ctx, pick(a)),
    answered: (a) => a.kind === kind && q.answered(pick(a)),
    parse(raw, ctx) {
      const r = q.parse(raw, ctx);
      return r.ok ? { ok: true, patch: wrap(r.patch) } : r;
    },
    display: (a) => (a.kind === kind ? q.display(pick(a)) : undefined),
  };
}

const laOf = (a: PreparationAnswers): LaAnswers => (a.kind === 'la' ? a : {});
const familyOf = (a: PreparationAnswers): FamilyAnswers => (a.kind === 'family' ? a : {});

const LA: readonly PreparationQuestion[] = LA_QUESTIONS.map((q) => erase('la', q, laOf, (answers) => ({ kind: 'la', answers })));
const FAMILY: readonly PreparationQuestion[] = FAMILY_QUESTIONS.map((q) =>
  erase('family', q, familyOf, (answers) => ({ kind: 'family', answers })),
);
const BY_ID: ReadonlyMap<string, PreparationQuestion> = new Map([...LA, ...FAMILY].map((q) => [q.id, q]));

export function questionsFor(kind: PreparationKind): readonly PreparationQuestion[] {
  return kind === 'la' ? LA : FAMILY;
}

export function questionById(id: string): PreparationQuestion | undefined {
  return BY_ID.get(id);
}

export function emptyAnswers(kind: PreparationKind): PreparationAnswers {
  return { kind };
}

/** The questions that apply given the answers so far (a "no" to authority adds two). */
export function applicableQuestions(ctx: QuestionContext, answers: PreparationAnswers): PreparationQuestion[] {
  return questionsFor(answers.kind).filter((q) => q.applies(ctx, answers));
}

export function nextQuestion(ctx: QuestionContext, answers: PreparationAnswers): PreparationQuestion | undefined {
  return applicableQuestions(ctx, answers).find((q) => !q.answered(answers));
}

export interface PreparationProgress {
  readonly answered: number;
  readonly total: number;
  readonly complete: boolean;
}

export function preparationProgress(ctx: QuestionContext, answers: PreparationAnswers): PreparationProgress {
  const applicable = applicableQuestions(ctx, answers);
  const answered = applicable.filter((q) => q.answered(answers)).length;
  return { answered, total: applicable.length, complete: answered === applicable.length };
}

export interface AnswerLine {
  readonly questionId: string;
  readonly title: string;
  readonly value: string;
}

/** The answers given so far, in question order, in words. */
export function describeAnswers(ctx: QuestionContext, answers: PreparationAnswers): AnswerLine[] {
  return applicableQuestions(ctx, answers).flatMap((q) => {
    const value = q.display(answers);
    return value === undefined ? [] : [{ questionId: q.id, title: q.title, value }];
  });
}
