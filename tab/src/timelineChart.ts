/**
 * A case's timeline as an inline SVG: a date axis, a marker per date (circle: something that
 * happened or is planned; diamond: a deadline), and beside each a text label with the date and
 * its status word, so nothing depends on colour or shape alone. The full list follows the chart
 * as a table for screen readers and for reading at 320 px.
 */
import type { TimelinePoint } from '../../domain/dashboard/types';
import { layoutTimeline } from '../../domain/dashboard/timelineLayout';
import { h, s } from './dom';

const PADDING = 12;
const AXIS_Y = 34;
const ROW_HEIGHT = 44;
const FIRST_ROW_Y = 66;
const CHAR_PX = 7;

function fit(text: string, px: number): string {
  const max = Math.max(8, Math.floor(px / CHAR_PX));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function timelineChart(points: readonly TimelinePoint[], today: string, todayText: string, width: number, caseReference: string): HTMLElement {
  const w = Math.max(280, Math.floor(width));
  // On a phone one label per row, full width, so no text is cut short; wider, labels share rows.
  const labelWidth = w < 480 ? w - 2 * PADDING : Math.min(200, Math.floor((w - 2 * PADDING) / 2) - 6);
  const layout = layoutTimeline(points.map((p) => ({ id: p.id, date: p.date })), { width: w, padding: PADDING, labelWidth, today });
  const height = FIRST_ROW_Y + Math.max(1, layout.rows) * ROW_HEIGHT;
  const byId = new Map(points.map((p) => [p.id, p]));

  const svg = s('svg', {
    viewBox: `0 0 ${w} ${height}`,
    width: w,
    height,
    role: 'img',
    'aria-labelledby': 'timeline-title',
    class: 'timeline-svg',
  });
  svg.append(s('title', { id: 'timeline-title' }, `Timeline of case ${caseReference}: ${points.length} dates, listed in the table below`));
  svg.append(s('line', { x1: PADDING, y1: AXIS_Y, x2: w - PADDING, y2: AXIS_Y, class: 'axis' }));
  if (layout.todayX !== undefined) {
    svg.append(s('line', { x1: layout.todayX, y1: 19, x2: layout.todayX, y2: height - 4, class: 'today-line' }));
    const anchor = layout.todayX > w - 60 ? 'end' : layout.todayX < 60 ? 'start' : 'middle';
    svg.append(s('text', { x: layout.todayX, y: 14, 'text-anchor': anchor, class: 'today-label' }, `Today ${todayText}`));
  }
  for (const placed of layout.points) {
    const p = byId.get(placed.id);
    if (!p) continue;
    const g = s('g', { class: `point kind-${p.kind} status-${p.status}`, 'data-point': p.id });
    const labelY = FIRST_ROW_Y + placed.row * ROW_HEIGHT;
    g.append(s('line', { x1: placed.x, y1: AXIS_Y, x2: placed.x, y2: labelY - 14, class: 'leader' }));
    if (p.kind === 'event') g.append(s('circle', { cx: placed.x, cy: AXIS_Y, r: 6, class: 'marker' }));
    else g.append(s('rect', { x: placed.x - 6, y: AXIS_Y - 6, width: 12, height: 12, transform: `rotate(45 ${placed.x} ${AXIS_Y})`, class: 'marker' }));
    g.append(s('text', { x: placed.labelX, y: labelY, class: 'label' }, fit(p.label, labelWidth)));
    g.append(s('text', { x: placed.labelX, y: labelY + 16, class: 'sub' }, fit(`${p.word} · ${p.dateText}`, labelWidth)));
    g.append(s('title', {}, `${p.label}: ${p.dateText} (${p.word})`));
    svg.append(g);
  }
  return h('figure', { class: 'timeline' }, svg as unknown as Node);
}

export function timelineTable(points: readonly TimelinePoint[]): HTMLElement {
  return h(
    'table',
    { class: 'timeline-table' },
    h('caption', {}, 'Every date on the timeline'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Date'), h('th', { scope: 'col' }, 'What'), h('th', { scope: 'col' }, 'Status'))),
    h(
      'tbody',
      {},
      ...points.map((p) =>
        h('tr', { class: `status-${p.status}` }, h('td', {}, p.dateText), h('td', {}, p.label), h('td', {}, h('span', { class: `badge status-${p.status}` }, p.word))),
      ),
    ),
  );
}
