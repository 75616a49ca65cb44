/**
 * The service view: how the mediation service is doing for a period, as charts with their
 * numbers beside them, the cases behind every figure, the cases that missed a limit, and the
 * same answer as CSV. The server decides who may see it and computes every figure; this file
 * only draws the ServiceAnswer it is given (domain/service/types.ts).
 */
import type { ServiceAnswer, ServiceCasesAnswer, ServiceChart, ServicePeriodKind, ServiceQuery } from '../../domain/service/types';
import { api, ApiError, type Credentials } from './api';
import { h } from './dom';
import { serviceChartSvg } from './serviceChart';
import { customProblem, periodChoices } from './servicePeriods';

export interface ServiceDeps {
  readonly main: HTMLElement;
  readonly credentials: () => Credentials | undefined;
  /** Opens a case in the dashboard's case view. */
  readonly openCase: (caseId: string) => void;
  /** Opens a Teams link (a case's thread) through Teams when inside it. */
  readonly openLink: (url: string) => void;
}

const PERIOD_KINDS: readonly (readonly [ServicePeriodKind, string])[] = [
  ['month', 'Month'],
  ['quarter', 'Quarter'],
  ['year', 'Year'],
  ['custom', 'Custom dates'],
];

function select(id: string, options: readonly (readonly [string, string])[], value: string): HTMLSelectElement {
  return h('select', { id }, ...options.map(([v, label]) => h('option', { value: v, selected: v === value }, label)));
}

function field(id: string, label: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function caseLink(link: string | undefined, open: (url: string) => void): HTMLElement | null {
  if (!link) return null;
  const a = h('a', { href: link, class: 'link', target: '_blank', rel: 'noopener noreferrer' }, 'Open in Teams');
  a.addEventListener('click', (e) => {
    e.preventDefault();
    open(link);
  });
  return a;
}

function figureButton(text: string, label: string, onClick: () => void): HTMLElement {
  const b = h('fluent-button' as 'button', { appearance: 'transparent', class: 'figure', 'aria-label': label }, text);
  b.addEventListener('click', onClick);
  return b;
}

function announce(text: string): void {
  const live = document.getElementById('announce');
  if (live) live.textContent = text;
}

export function createServiceView(deps: ServiceDeps) {
  let answer: ServiceAnswer | undefined;
  /** Why the last change of period or filter could not be shown; the previous figures stay. */
  let loadProblem: string | undefined;
  let casesPanel: HTMLElement | undefined;

  const status = (text: string, alert = false): void => {
    deps.main.replaceChildren(h('h2', { tabindex: '-1' }, 'Service'), h('p', { class: alert ? 'message error' : 'message', role: alert ? 'alert' : 'status' }, text));
  };

  const load = async (query?: ServiceQuery, focusId?: string): Promise<void> => {
    const credentials = deps.credentials();
    if (!credentials) return;
    const busy = document.getElementById('service-busy');
    if (busy) busy.hidden = false;
    else status('Loading the service figures…');
    try {
      answer = await api.service(credentials, query);
      loadProblem = undefined;
      render(focusId);
      // Focus stays on the control that changed; the new period and count are said, not only shown.
      if (focusId) announce(`${answer.periodLabel}: ${answer.caseCount === 1 ? '1 case' : `${answer.caseCount} cases`}.`);
    } catch (err) {
      const refused = err instanceof ApiError && err.status === 403;
      if (answer && !refused) {
        // Keep the last figures and the controls on screen, with what went wrong above them.
        loadProblem = refusalText(err);
        render(focusId);
      } else status(refusalText(err), !refused);
    }
  };

  const openFigure = async (figure: string, title: string): Promise<void> => {
    const credentials = deps.credentials();
    if (!credentials || !answer || !casesPanel) return;
    const panel = casesPanel;
    panel.hidden = false;
    panel.replaceChildren(h('h3', { id: 'service-cases-heading', tabindex: '-1' }, title), h('p', { class: 'message', role: 'status' }, 'Loading the cases…'));
    panel.querySelector<HTMLElement>('h3')?.focus();
    try {
      showCases(panel, await api.serviceCases(credentials, figure, answer.query));
    } catch (err) {
      panel.replaceChildren(h('h3', { id: 'service-cases-heading', tabindex: '-1' }, title), h('p', { class: 'message error', role: 'alert' }, refusalText(err)));
    }
    panel.querySelector<HTMLElement>('h3')?.focus();
  };

  const showCases = (panel: HTMLElement, cases: ServiceCasesAnswer): void => {
    const close = h('button', { type: 'button', class: 'close' }, 'Close the list');
    close.addEventListener('click', () => {
      panel.hidden = true;
      document.getElementById('service-heading')?.focus();
    });
    const items = cases.cases.map((c) => {
      const open = h('button', { type: 'button', class: 'case-open' }, `Case ${c.caseReference}`);
      open.addEventListener('click', () => deps.openCase(c.caseId));
      const link = caseLink(c.link, deps.openLink);
      return h('li', { 'data-case': c.caseId }, open, h('span', { class: 'meta' }, ` ${c.caseTypeLabel} · ${c.localAuthority} · ${c.stateLabel}`), link ? ' · ' : null, link);
    });
    panel.replaceChildren(
      h('h3', { id: 'service-cases-heading', tabindex: '-1' }, cases.title),
      h('p', { class: 'count' }, cases.cases.length === 1 ? '1 case.' : `${cases.cases.length} cases.`),
      items.length > 0 ? h('ul', { class: 'service-cases' }, ...items) : h('p', {}, 'No cases.'),
      close,
    );
  };

  const download = async (button: HTMLElement, note: HTMLElement): Promise<void> => {
    const credentials = deps.credentials();
    if (!credentials || !answer) return;
    note.textContent = 'Preparing the CSV…';
    try {
      const blob = await api.download(credentials, answer.csvUrl);
      const url = URL.createObjectURL(blob);
      const a = h('a', { href: url, download: `service-${answer.query.from}-to-${answer.query.to}.csv`, hidden: true });
      button.after(a);
      a.click();
      a.remove();
      window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
      note.textContent = 'The CSV is downloaded. Counts under 5 read "fewer than 5".';
    } catch (err) {
      note.textContent = refusalText(err);
    }
  };

  const controls = (a: ServiceAnswer): HTMLElement => {
    const q = a.query;
    const kind = select('service-period-kind', PERIOD_KINDS, q.period);
    const parts: HTMLElement[] = [field('service-period-kind', 'Period', kind)];
    const apply = (next: Partial<ServiceQuery>, focusId: string): void => {
      const merged: ServiceQuery = { ...q, ...next };
      void load(merged, focusId);
    };
    kind.addEventListener('change', () => {
      const k = kind.value as ServicePeriodKind;
      if (k === 'custom') {
        // Custom starts from the period on screen; the dates are then changed and applied.
        answer = { ...a, query: { ...q, period: 'custom' } };
        render('service-period-kind');
        return;
      }
      const first = periodChoices(k, a.today)[0];
      if (first) apply({ period: k, from: first.from, to: first.to }, 'service-period-kind');
    });
    if (q.period === 'custom') {
      const from = h('input', { type: 'date', id: 'service-from', value: q.from });
      const to = h('input', { type: 'date', id: 'service-to', value: q.to });
      const problem = h('p', { class: 'message error', id: 'service-dates-problem', role: 'alert' });
      const show = h('button', { type: 'button', id: 'service-dates-apply' }, 'Show these dates');
      show.addEventListener('click', () => {
        const wrong = customProblem(from.value, to.value);
        problem.textContent = wrong ?? '';
        if (!wrong) apply({ period: 'custom', from: from.value, to: to.value }, 'service-dates-apply');
      });
      parts.push(field('service-from', 'From', from), field('service-to', 'To', to), h('div', { class: 'field' }, show), problem);
    } else {
      const choices = periodChoices(q.period, a.today);
      const current = `${q.from}|${q.to}`;
      // The server's period, even when it is not one of the offered ones (a link from elsewhere).
      if (!choices.some((c) => `${c.from}|${c.to}` === current)) choices.unshift({ from: q.from, to: q.to, label: a.periodLabel });
      const which = select('service-period', choices.map((c) => [`${c.from}|${c.to}`, c.label] as const), current);
      which.addEventListener('change', () => {
        const [from, to] = which.value.split('|') as [string, string];
        apply({ from, to }, 'service-period');
      });
      parts.push(field('service-period', PERIOD_KINDS.find(([k]) => k === q.period)?.[1] ?? 'Which', which));
    }
    const o = a.options;
    const la = select('service-la', [['', 'All local authorities'], ...o.localAuthorities.map((n) => [n, n] as const)], q.localAuthority ?? '');
    const type = select('service-type', [['', 'All case types'], ...o.caseTypes.map((t) => [t.id, t.label] as const)], q.caseType ?? '');
    const mediator = select('service-mediator', [['', 'All mediators'], ...o.mediators.map((m) => [m.id, m.name] as const)], q.mediatorId ?? '');
    la.addEventListener('change', () => apply({ localAuthority: la.value || undefined }, 'service-la'));
    type.addEventListener('change', () => apply({ caseType: type.value || undefined }, 'service-type'));
    mediator.addEventListener('change', () => apply({ mediatorId: mediator.value || undefined }, 'service-mediator'));
    return h(
      'form',
      { class: 'service-controls', 'aria-label': 'Period and filters' },
      h('fieldset', {}, h('legend', {}, 'When'), ...parts),
      h('fieldset', {}, h('legend', {}, 'Which cases'), field('service-la', 'Local authority', la), field('service-type', 'Case type', type), field('service-mediator', 'Mediator', mediator)),
    );
  };

  const chartTable = (chart: ServiceChart): HTMLElement =>
    h(
      'table',
      { class: 'chart-table', 'data-chart': chart.id },
      h('caption', {}, `${chart.title}: the numbers`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, chart.kind === 'lines' ? 'Month' : ''), ...chart.columns.map((c) => h('th', { scope: 'col' }, c)))),
      h(
        'tbody',
        {},
        ...chart.rows.map((row) =>
          h(
            'tr',
            { 'data-row': row.id },
            h('th', { scope: 'row' }, row.label),
            ...row.cells.map((cell, j) => {
              const column = chart.columns[j] ?? '';
              const what = chart.columns.length > 1 ? `${row.label}, ${column}` : row.label;
              return h(
                'td',
                {},
                cell.figure
                  ? figureButton(cell.text, `${what}: ${cell.text}. Show the cases`, () => void openFigure(cell.figure ?? '', `${what} (${answer?.periodLabel ?? ''})`))
                  : cell.text,
              );
            }),
          ),
        ),
      ),
    );

  const chartSection = (chart: ServiceChart): HTMLElement => {
    const box = h('div', { class: 'chart-box', 'data-chart': chart.id });
    return h(
      'section',
      { class: 'service-chart', 'aria-labelledby': `h-chart-${chart.id}`, 'data-chart': chart.id },
      h('h3', { id: `h-chart-${chart.id}` }, chart.title),
      h(
        'div',
        { class: 'chart-pair' },
        h('figure', { class: 'chart-figure' }, box, h('figcaption', { id: `chart-summary-${chart.id}`, class: 'summary' }, chart.summary)),
        h('div', { class: 'table-wrap' }, chartTable(chart)),
      ),
      chart.note ? h('p', { class: 'note' }, chart.note) : null,
    );
  };

  const drawCharts = (): void => {
    if (!answer) return;
    for (const chart of answer.charts) {
      const box = deps.main.querySelector<HTMLElement>(`.chart-box[data-chart="${chart.id}"]`);
      if (!box) continue;
      box.replaceChildren(serviceChartSvg(chart, box.clientWidth || 300, (figure, title) => void openFigure(figure, `${title} (${answer?.periodLabel ?? ''})`)) as unknown as Node);
    }
  };

  const lateList = (a: ServiceAnswer): HTMLElement => {
    const section = h('section', { 'aria-labelledby': 'h-late', class: 'late' }, h('h3', { id: 'h-late' }, 'Cases that missed a limit'));
    if (a.late.length === 0) {
      section.append(h('p', {}, 'No case missed a statutory limit in this period.'));
      return section;
    }
    const items = a.late.map((l) => {
      const open = h('button', { type: 'button', class: 'case-open' }, `Case ${l.caseReference}`);
      open.addEventListener('click', () => deps.openCase(l.caseId));
      return h(
        'li',
        { class: 'late-case', 'data-case': l.caseId },
        h('p', { class: 'late-title' }, open, ' ', h('fluent-badge' as 'span', { appearance: 'tint', color: 'danger' }, l.lateText)),
        h('p', { class: 'meta' }, `${l.measure}. Due ${l.dueText}; ${l.actualText}.`, l.link ? ' ' : null, caseLink(l.link, deps.openLink)),
      );
    });
    // Only the most recent are sent; every one is behind the charts' "Late" figures.
    const more = a.lateTotal > a.late.length ? h('p', { class: 'meta', id: 'late-more' }, `The ${a.late.length} most recent of ${a.lateTotal}. Open a "Late" figure in the charts above for every case behind it.`) : null;
    section.append(...(more ? [more] : []), h('ul', { class: 'late-cases' }, ...items));
    return section;
  };

  const render = (focusId?: string): void => {
    const a = answer;
    if (!a) return;
    const heading = h('h2', { tabindex: '-1', id: 'service-heading' }, 'Service');
    const intro = h('p', { class: 'today', id: 'service-period-label' }, `${a.periodLabel}: ${a.caseCount === 1 ? '1 case' : `${a.caseCount} cases`}.`);
    const problem = loadProblem ? h('p', { class: 'message error', id: 'service-load-problem', role: 'alert' }, `${loadProblem} The figures below are still for ${a.periodLabel}.`) : undefined;
    const note = h('p', { class: 'download-note', role: 'status' });
    const csv = h('fluent-button' as 'button', { appearance: 'primary', id: 'service-csv' }, 'Download CSV');
    csv.addEventListener('click', () => void download(csv, note));
    const busy = h('fluent-spinner' as 'span', { id: 'service-busy', size: 'tiny', 'aria-label': 'Loading', hidden: true });
    casesPanel = h('section', { id: 'service-cases', class: 'service-cases-panel', 'aria-labelledby': 'service-cases-heading', hidden: true });
    deps.main.replaceChildren(
      heading,
      intro,
      ...(problem ? [problem] : []),
      controls(a),
      h('div', { class: 'service-actions' }, csv, busy, note),
      casesPanel,
      ...a.charts.map(chartSection),
      lateList(a),
    );
    drawCharts();
    (focusId ? document.getElementById(focusId) : heading)?.focus();
  };

  /** Back to the view: fresh figures for the period and filters last chosen. */
  const reload = (): Promise<void> => load(answer?.query);

  return { reload, redraw: drawCharts };
}

export const SERVICE_NOT_FOR_YOU = 'The service view is for the mediation service’s mediators and administrators. Your cases are under Cases.';

export function refusalText(err: unknown): string {
  if (err instanceof ApiError && err.status === 403) return SERVICE_NOT_FOR_YOU;
  return err instanceof ApiError ? err.message : 'Something went wrong. Try again in a moment.';
}
