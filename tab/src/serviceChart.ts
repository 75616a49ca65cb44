/**
 * One chart of the service view as inline SVG, drawn with d3-scale and d3-shape from the same
 * cells the table beside it lists. Every colour comes from styles.css by class (the CSP allows
 * no inline styles), every series also has its own pattern or line dash and marker shape, and
 * every bar or point carries its number as text, so nothing depends on colour alone.
 */
import { scaleBand, scaleLinear, scalePoint } from 'd3-scale';
import { line, symbol, symbolCircle, symbolSquare, symbolTriangle, symbolDiamond } from 'd3-shape';
import type { ServiceCell, ServiceChart, ServiceRow } from '../../domain/service/types';
import { s } from './dom';

export type OpenFigure = (figure: string, title: string) => void;

const PAD = 8;
const CHAR_PX = 6.6;
const SYMBOLS = [symbolCircle, symbolSquare, symbolTriangle, symbolDiamond];
/** Patterns per series: 0 solid, then hatching, dots and cross-hatching (drawn in defs below). */
const SERIES_PATTERNS = 4;
/** Room for a month's name under the lines chart ("Nov 2026"). */
const LABEL_PX = 60;

function fit(text: string, px: number): string {
  const max = Math.max(6, Math.floor(px / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function textEl(x: number, y: number, text: string, cls: string, anchor: 'start' | 'middle' | 'end' = 'start'): SVGElement {
  return s('text', { x, y, class: cls, 'text-anchor': anchor }, text);
}

function defs(prefix: string, series: number): SVGElement {
  const d = s('defs');
  for (let i = 1; i < Math.min(series, SERIES_PATTERNS); i++) {
    const p = s('pattern', { id: `${prefix}-p${i}`, width: 6, height: 6, patternUnits: 'userSpaceOnUse', class: `s${i}` });
    p.append(s('rect', { width: 6, height: 6, class: 'pattern-bg' }));
    if (i === 1) p.append(s('path', { d: 'M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5', class: 'pattern-mark' }));
    else if (i === 2) p.append(s('circle', { cx: 3, cy: 3, r: 1.6, class: 'pattern-dot' }));
    else p.append(s('path', { d: 'M0,0 L6,6 M6,0 L0,6', class: 'pattern-mark' }));
    d.append(p);
  }
  return d;
}

/** A bar's fill: solid for the first series, the series' pattern for the others. */
function barAttrs(prefix: string, series: number): Record<string, string> {
  const i = series % SERIES_PATTERNS;
  return i === 0 ? { class: `bar s0 solid` } : { class: `bar s${i} patterned`, fill: `url(#${prefix}-p${i})` };
}

function clickable(el: SVGElement, cell: ServiceCell, title: string, open?: OpenFigure): void {
  if (!cell.figure || !open) return;
  const figure = cell.figure;
  // The mouse's shortcut; keyboard and screen readers use the same figure's button in the table.
  el.classList.add('has-figure');
  el.dataset.figure = figure;
  el.addEventListener('click', () => open(figure, title));
}

function legend(columns: readonly string[], prefix: string, w: number, y: number, kind: 'bars' | 'lines'): { el: SVGElement; height: number } {
  const g = s('g', { class: 'legend' });
  let x = PAD;
  let row = 0;
  columns.forEach((name, i) => {
    const width = 22 + name.length * CHAR_PX + 14;
    if (x + width > w - PAD && x > PAD) {
      x = PAD;
      row++;
    }
    const ly = y + row * 20;
    if (kind === 'bars') g.append(s('rect', { x, y: ly - 10, width: 16, height: 12, ...barAttrs(prefix, i) }));
    else {
      g.append(s('line', { x1: x, y1: ly - 4, x2: x + 16, y2: ly - 4, class: `series-line s${i % SERIES_PATTERNS}` }));
      g.append(s('path', { d: symbol(SYMBOLS[i % SYMBOLS.length], 36)() ?? '', transform: `translate(${x + 8},${ly - 4})`, class: `marker s${i % SERIES_PATTERNS}` }));
    }
    g.append(textEl(x + 22, ly, name, 'legend-text'));
    x += width;
  });
  return { el: g, height: columns.length > 1 ? (row + 1) * 20 + 6 : 0 };
}

function svgFor(chart: ServiceChart, w: number, height: number): SVGElement {
  const svg = s('svg', {
    viewBox: `0 0 ${w} ${height}`,
    width: w,
    height,
    role: 'img',
    'aria-labelledby': `chart-title-${chart.id}`,
    'aria-describedby': `chart-summary-${chart.id}`,
    class: `service-svg kind-${chart.kind}`,
    'data-chart': chart.id,
  });
  svg.append(s('title', { id: `chart-title-${chart.id}` }, chart.title));
  return svg;
}

/** percent_bars: one bar per row on a 0-100 track, the row's words beside it. */
function percentBars(chart: ServiceChart, w: number, open?: OpenFigure): SVGElement {
  const rowH = 46;
  const textW = Math.min(130, Math.max(90, ...chart.rows.map((r) => (r.cells[0]?.text.length ?? 0) * CHAR_PX)));
  const x = scaleLinear().domain([0, 100]).range([PAD, w - PAD - textW - 6]);
  const svg = svgFor(chart, w, chart.rows.length * rowH + PAD);
  chart.rows.forEach((row, i) => {
    const cell = row.cells[0];
    const y = PAD + i * rowH;
    const g = s('g', { class: 'row', 'data-row': row.id });
    g.append(textEl(PAD, y + 12, fit(row.label, w - 2 * PAD), 'row-label'));
    g.append(s('rect', { x: x(0), y: y + 18, width: x(100) - x(0), height: 16, class: 'track' }));
    if (cell && cell.value !== null) {
      const bar = s('rect', { x: x(0), y: y + 18, width: Math.max(1, x(Math.min(100, Math.max(0, cell.value))) - x(0)), height: 16, ...barAttrs(chart.id, 0) });
      clickable(bar, cell, row.label, open);
      g.append(bar);
    }
    g.append(textEl(x(100) + 6, y + 31, fit(cell?.text ?? '', textW), 'value'));
    svg.append(g);
  });
  return svg;
}

/** count_bars: for each row a bar per column (series), each with its count written after it. */
function countBars(chart: ServiceChart, w: number, open?: OpenFigure): SVGElement {
  const series = chart.columns.length;
  const key = legend(chart.columns, chart.id, w, PAD + 12, 'bars');
  const barH = 14;
  const rowH = 20 + series * (barH + 4) + 6;
  const top = PAD + key.height;
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)));
  const textW = Math.min(110, Math.max(40, ...chart.rows.flatMap((r) => r.cells.map((c) => c.text.length * CHAR_PX))));
  // Ratings are out of 5: a 4.4 must not look like a full bar.
  const x = scaleLinear().domain([0, chart.unit === 'rating' ? Math.max(5, max) : max]).range([PAD, w - PAD - textW - 6]).nice();
  const svg = svgFor(chart, w, top + chart.rows.length * rowH + PAD);
  svg.append(defs(chart.id, series));
  if (key.height > 0) svg.append(key.el);
  chart.rows.forEach((row, i) => {
    const y = top + i * rowH;
    const g = s('g', { class: 'row', 'data-row': row.id });
    g.append(textEl(PAD, y + 12, fit(row.label, w - 2 * PAD), 'row-label'));
    row.cells.forEach((cell, j) => {
      const by = y + 18 + j * (barH + 4);
      // Nothing measured, no bar: the words alone say so ("fewer than 5 answers").
      const width = cell.value === null ? 0 : Math.max(1, x(cell.value) - x(0));
      if (cell.value !== null) {
        const bar = s('rect', { x: x(0), y: by, width, height: barH, ...barAttrs(chart.id, j) });
        clickable(bar, cell, `${row.label}, ${chart.columns[j] ?? ''}`, open);
        g.append(bar);
      }
      g.append(textEl(x(0) + width + 6, by + barH - 2, fit(cell.text, cell.value === null ? w - 2 * PAD : textW), 'value'));
    });
    svg.append(g);
  });
  return svg;
}

/** lines: the rows (months) along the bottom, one line per column, each point with its number. */
function lines(chart: ServiceChart, w: number, open?: OpenFigure): SVGElement {
  const series = chart.columns.length;
  const key = legend(chart.columns, chart.id, w, PAD + 12, 'lines');
  const top = PAD + key.height + 14;
  const plotH = 170;
  const left = PAD + 28;
  const max = Math.max(1, ...chart.rows.flatMap((r) => r.cells.map((c) => c.value ?? 0)));
  const y = scaleLinear().domain([0, max]).range([top + plotH, top]).nice();
  const x = scalePoint<string>().domain(chart.rows.map((r) => r.id)).range([left + 10, w - PAD - 10]);
  const svg = svgFor(chart, w, top + plotH + 30);
  if (key.height > 0) svg.append(key.el);
  for (const t of y.ticks(4)) {
    svg.append(s('line', { x1: left, x2: w - PAD, y1: y(t), y2: y(t), class: 'grid' }));
    svg.append(textEl(left - 4, y(t) + 4, String(t), 'tick', 'end'));
  }
  // Month names where they fit; the table has every one.
  const every = Math.max(1, Math.ceil((chart.rows.length * LABEL_PX) / Math.max(1, w - left - PAD)));
  chart.rows.forEach((row, i) => {
    if (i % every === 0) svg.append(textEl(x(row.id) ?? 0, top + plotH + 18, fit(row.label, LABEL_PX * every), 'tick', 'middle'));
  });
  for (let j = 0; j < series; j++) {
    const points = chart.rows.map((row) => ({ row, cell: row.cells[j] })).filter((p): p is { row: ServiceRow; cell: ServiceCell } => p.cell !== undefined && p.cell.value !== null);
    const cls = `s${j % SERIES_PATTERNS}`;
    const g = s('g', { class: `series ${cls}`, 'data-series': chart.columns[j] ?? '' });
    const d = line<{ row: ServiceRow; cell: ServiceCell }>()
      .x((p) => x(p.row.id) ?? 0)
      .y((p) => y(p.cell.value ?? 0))(points);
    g.append(s('path', { d: d ?? '', class: `series-line ${cls}` }));
    for (const p of points) {
      const px = x(p.row.id) ?? 0;
      const py = y(p.cell.value ?? 0);
      const mark = s('path', { d: symbol(SYMBOLS[j % SYMBOLS.length], 44)() ?? '', transform: `translate(${px},${py})`, class: `marker ${cls}` });
      clickable(mark, p.cell, `${p.row.label}, ${chart.columns[j] ?? ''}`, open);
      g.append(mark);
      // A single line carries its numbers; several would write over each other (the table has them all).
      if (every === 1 && series === 1) g.append(textEl(px, py - 8, String(p.cell.value), `point-value ${cls}`, 'middle'));
    }
    svg.append(g);
  }
  return svg;
}

/** distribution: each statistic (median, quartiles, range) as a dot on one day scale, with its words. */
function distribution(chart: ServiceChart, w: number, open?: OpenFigure): SVGElement {
  const rowH = 40;
  const max = Math.max(1, ...chart.rows.map((r) => r.cells[0]?.value ?? 0));
  const x = scaleLinear().domain([0, max]).range([PAD + 6, w - PAD - 6]).nice();
  const top = PAD + 6;
  const svg = svgFor(chart, w, top + chart.rows.length * rowH + 30);
  for (const t of x.ticks(w < 400 ? 4 : 8)) {
    svg.append(s('line', { x1: x(t), x2: x(t), y1: top, y2: top + chart.rows.length * rowH, class: 'grid' }));
    svg.append(textEl(x(t), top + chart.rows.length * rowH + 16, `${t}`, 'tick', 'middle'));
  }
  svg.append(textEl(w - PAD, top + chart.rows.length * rowH + 28, 'days', 'tick', 'end'));
  const band = scaleBand<string>().domain(chart.rows.map((r) => r.id)).range([top, top + chart.rows.length * rowH]);
  chart.rows.forEach((row) => {
    const cell = row.cells[0];
    const y = band(row.id) ?? top;
    const g = s('g', { class: 'row', 'data-row': row.id });
    g.append(textEl(PAD, y + 12, fit(`${row.label}: ${cell?.text ?? ''}`, w - 2 * PAD), 'row-label'));
    if (cell && cell.value !== null) {
      g.append(s('line', { x1: x(0), x2: x(cell.value), y1: y + 26, y2: y + 26, class: 'stem' }));
      const dot = s('circle', { cx: x(cell.value), cy: y + 26, r: 6, class: 'dot s0 solid' });
      clickable(dot, cell, row.label, open);
      g.append(dot);
    }
    svg.append(g);
  });
  return svg;
}

export function serviceChartSvg(chart: ServiceChart, width: number, open?: OpenFigure): SVGElement {
  const w = Math.max(260, Math.floor(width));
  if (chart.kind === 'percent_bars') return percentBars(chart, w, open);
  if (chart.kind === 'count_bars') return countBars(chart, w, open);
  if (chart.kind === 'lines') return lines(chart, w, open);
  return distribution(chart, w, open);
}
