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

/** `onStyle`: inside a styled container, where text keeps the default colour (the mark and words carry the meaning). */
export function guardBlock(g: GuardView, onStyle = false): TextBlock {
  if (g.status === 'not_needed') return text(guardText(g), { isSubtle: true, spacing: 'small' });
  if (onStyle) return text(guardText(g), { spacing: 'small' });
  return text(guardText(g), { color: g.status === 'ok' ? 'good' : 'attention', spacing: 'small' });
}
