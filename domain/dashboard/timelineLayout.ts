/**
 * Where each point of a case timeline goes on the chart. Pure and dependency-free: the tab's
 * browser code imports it (esbuild bundles it), and jest tests it here.
 *
 * Points are placed on a date axis; labels that would overlap go onto further rows, so every
 * point keeps a readable text label (the chart never relies on colour or position alone).
 */

export interface LayoutInput {
  readonly id: string;
  /** YYYY-MM-DD */
  readonly date: string;
}

export interface PlacedPoint {
  readonly id: string;
  readonly x: number;
  /** Left edge of the label: at the point, pulled in so it never runs off either side. */
  readonly labelX: number;
  /** Label row, 0 nearest the axis. */
  readonly row: number;
}

export interface TimelineLayout {
  readonly points: readonly PlacedPoint[];
  readonly rows: number;
  /** x of "today" when it falls inside the axis. */
  readonly todayX?: number;
  readonly start: string;
  readonly end: string;
}

export interface LayoutOptions {
  readonly width: number;
  /** Left and right margin, px. */
  readonly padding: number;
  /** The width one label needs before the next one on its row, px. */
  readonly labelWidth: number;
  readonly today?: string;
}

const DAY_MS = 86_400_000;

function dayNumber(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.floor(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / DAY_MS);
}

export function layoutTimeline(input: readonly LayoutInput[], options: LayoutOptions): TimelineLayout {
  const sorted = [...input].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return { points: [], rows: 0, start: '', end: '' };
  const start = dayNumber(first.date);
  const end = dayNumber(last.date);
  const span = Math.max(1, end - start);
  const usable = Math.max(1, options.width - 2 * options.padding);
  const xOf = (day: number): number => options.padding + ((day - start) / span) * usable;

  const round = (v: number): number => Math.round(v * 10) / 10;
  const maxLabelX = Math.max(options.padding, options.width - options.padding - options.labelWidth);
  // Greedy rows: a label goes on the first row whose last label ends before this one starts.
  const rowEnds: number[] = [];
  const points: PlacedPoint[] = sorted.map((p) => {
    const x = sorted.length === 1 ? options.width / 2 : xOf(dayNumber(p.date));
    const labelX = Math.min(Math.max(x, options.padding), maxLabelX);
    let row = rowEnds.findIndex((endX) => labelX >= endX);
    if (row < 0) {
      row = rowEnds.length;
      rowEnds.push(0);
    }
    rowEnds[row] = labelX + options.labelWidth;
    return { id: p.id, x: round(x), labelX: round(labelX), row };
  });
  const today = options.today !== undefined ? dayNumber(options.today) : undefined;
  const todayX = today !== undefined && today >= start && today <= end ? Math.round(xOf(today) * 10) / 10 : undefined;
  return { points, rows: rowEnds.length, ...(todayX !== undefined ? { todayX } : {}), start: first.date, end: last.date };
}
