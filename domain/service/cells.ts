import type { ServiceCell, ServiceRow } from './types';

/**
 * A cell as built, before it becomes JSON: what kind of number it is and which case counts it
 * reveals. The CSV (csv.ts) suppresses a cell when any of those counts is 1 to 4, so a share,
 * an average or a spread cannot give away a count the export hides.
 */
export type CellKind = 'count' | 'percent' | 'days' | 'rating';

export interface DraftCell {
  readonly cell: ServiceCell;
  readonly kind: CellKind;
  /** The case (or answer) counts this cell shows or is worked out from. */
  readonly counts: readonly number[];
}

export type DraftRow = Omit<ServiceRow, 'cells'> & { readonly cells: readonly DraftCell[] };

function withFigure(cell: { value: number | null; text: string }, figure: string | undefined): ServiceCell {
  return figure === undefined ? cell : { ...cell, figure };
}

export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 100);
}

/** "12 of 14 (86%)", or "no cases" when there is nothing to measure. */
export function shareCell(part: number, whole: number, figure: string | undefined, counts: readonly number[]): DraftCell {
  if (whole === 0) return { cell: withFigure({ value: null, text: 'no cases' }, figure), kind: 'percent', counts };
  const pct = percentOf(part, whole);
  return { cell: withFigure({ value: pct, text: `${part} of ${whole} (${pct}%)` }, figure), kind: 'percent', counts };
}

export function countCell(n: number, figure: string | undefined, counts: readonly number[] = [n]): DraftCell {
  return { cell: withFigure({ value: n, text: String(n) }, figure), kind: 'count', counts };
}

export function daysCell(days: number | null, figure: string | undefined, counts: readonly number[]): DraftCell {
  if (days === null) return { cell: { value: null, text: 'no cases' }, kind: 'days', counts };
  const rounded = Math.round(days * 10) / 10;
  return { cell: withFigure({ value: rounded, text: `${rounded} ${rounded === 1 ? 'day' : 'days'}` }, figure), kind: 'days', counts };
}

export function ratingCell(avg: number | null, counts: readonly number[]): DraftCell {
  if (avg === null) return { cell: { value: null, text: 'no answers' }, kind: 'rating', counts };
  const rounded = Math.round(avg * 10) / 10;
  return { cell: { value: rounded, text: `${rounded} out of 5` }, kind: 'rating', counts };
}

/** Said instead of an average or a share of fewer than 5 feedback answers: it could be one person's answer. */
export function hiddenAnswersCell(kind: CellKind, counts: readonly number[]): DraftCell {
  return { cell: { value: null, text: 'fewer than 5 answers' }, kind, counts };
}

/** A share shown as a plain percentage (no counts in its words): "80%". */
export function percentCell(part: number, whole: number, counts: readonly number[]): DraftCell {
  if (whole === 0) return { cell: { value: null, text: 'no answers' }, kind: 'percent', counts };
  const pct = percentOf(part, whole);
  return { cell: { value: pct, text: `${pct}%` }, kind: 'percent', counts };
}

/** The smallest count an export shows: 1 to 4 could point to a family. */
export const SMALL_COUNT_LIMIT = 5;

export function isSmall(n: number): boolean {
  return n > 0 && n < SMALL_COUNT_LIMIT;
}
