import type { QuestionContext } from './subject';

/**
 * A preparation question as data: how it is asked, when it applies, and how a reply
 * (typed, or sent from its card) becomes an answer. Dialogs and cards read these, so the
 * wording and the rules live in one place and are tested without botbuilder.
 */

export interface QuestionChoice {
  readonly value: string;
  readonly title: string;
  /** Other things people type for this choice ("y", "yep"). */
  readonly words?: readonly string[];
}

export type QuestionInput =
  | { readonly kind: 'choice'; readonly choices: readonly [QuestionChoice, ...QuestionChoice[]] }
  | {
      readonly kind: 'text';
      readonly label: string;
      readonly placeholder?: string;
      readonly maxLength: number;
      /** "none" (or "no", "nobody") is a valid answer, stored as ''. */
      readonly noneAllowed?: boolean;
    };

export type ParseResult<A> = { readonly ok: true; readonly patch: Partial<A> } | { readonly ok: false; readonly hint: string };

export interface QuestionDef<A> {
  readonly id: string;
  /** A few words, for summaries and the card heading. */
  readonly title: string;
  prompt(ctx: QuestionContext, answers: A): string;
  help?(ctx: QuestionContext): string | undefined;
  readonly input: QuestionInput;
  applies(ctx: QuestionContext, answers: A): boolean;
  answered(answers: A): boolean;
  parse(raw: string, ctx: QuestionContext): ParseResult<A>;
  /** The stored answer in words, or undefined when not answered. */
  display(answers: A): string | undefined;
}

/** Lower case, no surrounding punctuation, single spaces: "Yes." and " yes " both read "yes". */
export function normaliseReply(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/^[\s"'.,!?:;()-]+|[\s"'.,!?:;()-]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** By value, title, a listed word, or its number in the list (1-based). */
export function matchChoice(raw: string, choices: readonly QuestionChoice[]): QuestionChoice | undefined {
  const reply = normaliseReply(raw);
  if (reply === '') return undefined;
  const byNumber = /^\d+$/.test(reply) ? choices[Number(reply) - 1] : undefined;
  if (byNumber) return byNumber;
  return choices.find(
    (c) =>
      normaliseReply(c.value) === reply ||
      normaliseReply(c.value.replace(/_/g, ' ')) === reply ||
      normaliseReply(c.title) === reply ||
      (c.words ?? []).some((w) => normaliseReply(w) === reply),
  );
}

export function choiceHint(choices: readonly QuestionChoice[]): string {
  const titles = choices.map((c, i) => `${i + 1}. ${c.title}`).join('; ');
  return `Please choose one of the options (you can type its number): ${titles}.`;
}

const NONE_WORDS = new Set(['none', 'no', 'nobody', 'no one', 'noone', 'nothing', 'n/a', 'na', 'not applicable', 'nil']);

/**
 * A short free-text answer. Control characters and angle brackets are refused rather than
 * stripped: they only arrive by pasting something that is not an answer.
 */
export function parseText(raw: string, input: Extract<QuestionInput, { kind: 'text' }>): { ok: true; value: string } | { ok: false; hint: string } {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (input.noneAllowed && NONE_WORDS.has(normaliseReply(value))) return { ok: true, value: '' };
  if (value.length < 2) {
    return { ok: false, hint: input.noneAllowed ? 'Please type a short answer, or "none".' : 'Please type a short answer (at least 2 characters).' };
  }
  if (value.length > input.maxLength) return { ok: false, hint: `Please keep the answer under ${input.maxLength} characters.` };
  if (/[\p{Cc}<>]/u.test(value)) return { ok: false, hint: 'Please use plain words only (no < or > characters).' };
  return { ok: true, value };
}

export const YES_NO: readonly [QuestionChoice & { readonly value: 'yes' }, QuestionChoice & { readonly value: 'no' }] = [
  { value: 'yes', title: 'Yes', words: ['y', 'yep', 'yeah', 'true', 'correct', 'confirmed', 'i do', 'i will', 'it will'] },
  { value: 'no', title: 'No', words: ['n', 'nope', 'false', 'not yet', 'i do not', "i don't"] },
];

/** A question whose answer is one field set from a choice. */
export function choiceQuestion<A, V extends string>(spec: {
  readonly id: string;
  readonly title: string;
  readonly prompt: (ctx: QuestionContext, answers: A) => string;
  readonly help?: (ctx: QuestionContext) => string | undefined;
  readonly choices: readonly [QuestionChoice & { readonly value: V }, ...(QuestionChoice & { readonly value: V })[]];
  readonly applies?: (ctx: QuestionContext, answers: A) => boolean;
  readonly answered: (answers: A) => boolean;
  readonly toPatch: (value: V) => Partial<A>;
  readonly display: (answers: A) => string | undefined;
  /** Refuses a valid choice that the case does not allow, with the reason. */
  readonly refuse?: (value: V, ctx: QuestionContext) => string | undefined;
}): QuestionDef<A> {
  const input: QuestionInput = { kind: 'choice', choices: spec.choices };
  return {
    id: spec.id,
    title: spec.title,
    prompt: spec.prompt,
    ...(spec.help ? { help: spec.help } : {}),
    input,
    applies: spec.applies ?? (() => true),
    answered: spec.answered,
    parse(raw, ctx) {
      const matched = matchChoice(raw, spec.choices);
      const choice = spec.choices.find((c) => c.value === matched?.value);
      if (!choice) return { ok: false, hint: choiceHint(spec.choices) };
      const refused = spec.refuse?.(choice.value, ctx);
      if (refused) return { ok: false, hint: refused };
      return { ok: true, patch: spec.toPatch(choice.value) };
    },
    display: spec.display,
  };
}

/** A question whose answer is one short text field. */
export function textQuestion<A>(spec: {
  readonly id: string;
  readonly title: string;
  readonly prompt: (ctx: QuestionContext, answers: A) => string;
  readonly help?: (ctx: QuestionContext) => string | undefined;
  readonly input: Extract<QuestionInput, { kind: 'text' }>;
  readonly applies?: (ctx: QuestionContext, answers: A) => boolean;
  readonly read: (answers: A) => string | undefined;
  readonly toPatch: (value: string) => Partial<A>;
}): QuestionDef<A> {
  return {
    id: spec.id,
    title: spec.title,
    prompt: spec.prompt,
    ...(spec.help ? { help: spec.help } : {}),
    input: spec.input,
    applies: spec.applies ?? (() => true),
    answered: (a) => spec.read(a) !== undefined,
    parse(raw) {
      const r = parseText(raw, spec.input);
      return r.ok ? { ok: true, patch: spec.toPatch(r.value) } : r;
    },
    display(a) {
      const v = spec.read(a);
      if (v === undefined) return undefined;
      return v === '' ? 'None' : v;
    },
  };
}
