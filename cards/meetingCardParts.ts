import { text, type TextBlock } from './adaptive';

/**
 * Pieces the meeting cards share. Status is always said in words as well as by a symbol
 * and a colour: colour is lost on some screens and to screen readers.
 */

/** On every meeting card: what the record is, and is not (docs/rules.md#what-the-product-never-records). */
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

/**
 * The mark and the words carry the meaning. A failed check is red on white; a passed one keeps
 * the default colour (Teams' green is too light on white), and so does any line on a styled
 * container (`onStyle`).
 */
export function guardBlock(g: GuardView, onStyle = false): TextBlock {
  if (g.status === 'not_needed') return text(guardText(g), { isSubtle: true, spacing: 'small' });
  if (onStyle || g.status === 'ok') return text(guardText(g), { spacing: 'small' });
  return text(guardText(g), { color: 'attention', spacing: 'small' });
}
