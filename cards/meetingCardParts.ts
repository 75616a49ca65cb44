import { container, text, type CardElement, type Choice, type TextBlock } from './adaptive';

/**
 * Pieces the meeting cards share. Status is always said in words as well as by a symbol
 * and a colour: colour is lost on some screens and to screen readers.
 */

/** On every meeting card: what the record is, and is not (domain.md §11). */
export const STRUCTURE_ONLY = 'This meeting records structure only, never what was said.';

export type GuardViewStatus = 'ok' | 'failed' | 'not_needed';

export interface GuardView {
  readonly status: GuardViewStatus;
  readonly text: string;
}

const GUARD_MARK: Readonly<Record<GuardViewStatus, string>> = { ok: '✓', failed: '✗', not_needed: '–' };

export function guardText(g: GuardView): string {
  return `${GUARD_MARK[g.status]} ${g.text}`;
}

export function guardBlock(g: GuardView): TextBlock {
  if (g.status === 'ok') return text(guardText(g), { color: 'good', spacing: 'small' });
  if (g.status === 'failed') return text(guardText(g), { color: 'attention', spacing: 'small' });
  return text(guardText(g), { isSubtle: true, spacing: 'small' });
}

/** The banner at the top of a form sent back with problems. */
export function problemsBanner(fieldProblems: number, formProblem: string | undefined): CardElement[] {
  const lines: CardElement[] = [];
  if (fieldProblems > 0) {
    const which = fieldProblems === 1 ? 'the field marked below' : 'the fields marked below';
    lines.push(text(`Please check ${which}.`, { weight: 'bolder', color: 'attention' }));
  }
  if (formProblem) lines.push(text(formProblem, { color: 'attention' }));
  return lines.length > 0 ? [container(lines, { style: 'attention' })] : [];
}

/** The number of field errors, leaving out the one for the whole form. */
export function fieldProblemCount(errors: Readonly<Record<string, string | undefined>> | undefined): number {
  return Object.entries(errors ?? {}).filter(([k, v]) => k !== 'form' && v !== undefined).length;
}

/** Choice sets refuse an empty list, and so does the type. */
export function nonEmptyChoices(choices: readonly Choice[], what: string): readonly [Choice, ...Choice[]] {
  const [first, ...rest] = choices;
  if (!first) throw new Error(`No ${what} to choose from`);
  return [first, ...rest];
}

/** "1 action", "3 actions". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
