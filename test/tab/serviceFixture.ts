/**
 * The service view's API as the browser test sees it, in ONE place: a realistic ServiceAnswer
 * (domain/service/types.ts) served through playwright's page.route() while the server side is
 * built on another branch. Everything else in the test (page, case list, case view, identity) is
 * the real bot. The test checks the page against the answers the page received, so to test
 * against the real API instead, delete the `serveServiceApi` line in service.browser.test.ts.
 */
import type { Page, Request } from 'playwright-core';
import type { LateCase, ServiceAnswer, ServiceCasesAnswer, ServiceChart, ServiceQuery } from '../../domain/service/types';

export interface KnownCase {
  readonly caseId: string;
  readonly caseReference: string;
}

/** The default answer's period: the month of the test's "today" (3 December 2026). */
const DEFAULT_QUERY: ServiceQuery = { period: 'month', from: '2026-12-01', to: '2026-12-31' };

const OPTIONS: ServiceAnswer['options'] = {
  localAuthorities: ['Northshire County Council', 'Southby Borough Council'],
  caseTypes: [
    { id: 'M-ASSESS', label: 'Refusal to carry out an EHC needs assessment' },
    { id: 'M-CONTENT', label: 'Content of an EHC plan' },
  ],
  mediators: [
    { id: '5e4d0000-0000-4000-e000-000000000001', name: 'Maya Patel' },
    { id: '5e4d0000-0000-4000-e000-000000000002', name: 'Tom Okafor' },
  ],
};

function share(done: number, of: number, figure: string): ServiceAnswer['charts'][number]['rows'][number]['cells'][number] {
  if (of === 0) return { value: null, text: 'no cases' };
  const pct = Math.round((done / of) * 100);
  return { value: pct, text: `${done} of ${of} (${pct}%)`, figure };
}

function count(n: number, figure: string): { value: number; text: string; figure: string } {
  return { value: n, text: String(n), figure };
}

function periodLabel(q: ServiceQuery): string {
  if (q.period === 'month') return new Date(`${q.from}T12:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
  if (q.period === 'quarter') return `Q${Math.floor(Number(q.from.slice(5, 7)) / 3) + 1} ${q.from.slice(0, 4)}`;
  if (q.period === 'year') return q.from.slice(0, 4);
  return `${q.from} to ${q.to}`;
}

/** The charts; a filter halves the counts so a test can see the answer change. */
function charts(q: ServiceQuery): ServiceChart[] {
  const k = q.localAuthority || q.caseType || q.mediatorId ? 0.5 : 1;
  const n = (x: number) => Math.round(x * k);
  return [
    {
      id: 'timeliness',
      title: 'Statutory time limits met',
      kind: 'percent_bars',
      unit: 'percent',
      summary: `Of ${n(14)} mediations, ${n(12)} were held within 30 days of the local authority being told (${Math.round((n(12) / n(14)) * 100)}%); certificates were issued within 3 working days in ${n(13)} of ${n(13)} cases.`,
      columns: ['On time'],
      rows: [
        { id: 'mediation_30_days', label: 'Mediation held within 30 days', cells: [share(n(12), n(14), 'timeliness.mediation_30_days')] },
        { id: 'certificate_3_days', label: 'Certificate within 3 working days', cells: [share(n(13), n(13), 'timeliness.certificate_3_days')] },
        { id: 'outcome_24_hours', label: 'Outcome sent within 24 hours', cells: [share(n(11), n(12), 'timeliness.outcome_24_hours')] },
        { id: 'amended_plans', label: 'Amended plans received on time', cells: [share(0, 0, 'timeliness.amended_plans')] },
      ],
      note: 'A mediation held on the 30th day counts as on time.',
    },
    {
      id: 'results',
      title: 'Results of the meetings',
      kind: 'count_bars',
      unit: 'count',
      summary: `${n(7)} full and ${n(3)} partial agreements out of ${n(14)} mediations; ${n(2)} disagreement resolution meetings counted apart.`,
      columns: ['Mediation', 'Disagreement resolution (DRS)'],
      rows: [
        { id: 'full', label: 'Full agreement', cells: [count(n(7), 'results.full.mediation'), count(n(1), 'results.full.drs')] },
        { id: 'partial', label: 'Partial agreement', cells: [count(n(3), 'results.partial.mediation'), count(n(1), 'results.partial.drs')] },
        { id: 'none', label: 'No agreement', cells: [count(n(2), 'results.none.mediation'), count(0, 'results.none.drs')] },
        { id: 'adjourned', label: 'Adjourned', cells: [count(n(1), 'results.adjourned.mediation'), count(0, 'results.adjourned.drs')] },
        { id: 'withdrawn', label: 'Withdrawn', cells: [count(n(1), 'results.withdrawn.mediation'), count(0, 'results.withdrawn.drs')] },
      ],
      note: 'Disagreement resolution (DRS) meetings are counted apart from mediations.',
    },
    {
      id: 'flow',
      title: 'Referrals, meetings and certificates by month',
      kind: 'lines',
      unit: 'count',
      summary: `Referrals rose from ${n(9)} in July to ${n(16)} in November; meetings and certificates followed about a month behind.`,
      columns: ['Referrals', 'Meetings', 'Certificates'],
      rows: [
        ['2026-07', 'Jul 2026', 9, 8, 8],
        ['2026-08', 'Aug 2026', 7, 9, 9],
        ['2026-09', 'Sep 2026', 12, 6, 7],
        ['2026-10', 'Oct 2026', 14, 11, 10],
        ['2026-11', 'Nov 2026', 16, 13, 13],
        ['2026-12', 'Dec 2026', 3, 2, 1],
      ].map(([id, label, a, b, c]) => ({
        id: String(id),
        label: String(label),
        cells: [count(n(Number(a)), `flow.${id}.referrals`), count(n(Number(b)), `flow.${id}.meetings`), count(n(Number(c)), `flow.${id}.certificates`)],
      })),
    },
    {
      id: 'lead_time',
      title: 'Days from the local authority being told to the meeting',
      kind: 'distribution',
      unit: 'days',
      summary: 'Half the meetings were held within 26 days of the local authority being told; the middle half took 19 to 31 days, the longest 44.',
      columns: ['Days'],
      rows: [
        { id: 'min', label: 'Shortest', cells: [{ value: 9, text: '9 days', figure: 'lead_time.min' }] },
        { id: 'q1', label: 'Lower quartile', cells: [{ value: 19, text: '19 days' }] },
        { id: 'median', label: 'Median', cells: [{ value: 26, text: '26 days' }] },
        { id: 'q3', label: 'Upper quartile', cells: [{ value: 31, text: '31 days' }] },
        { id: 'max', label: 'Longest', cells: [{ value: 44, text: '44 days', figure: 'lead_time.max' }] },
      ],
    },
    {
      id: 'la_actions',
      title: "Local authorities' agreed actions done by their due date",
      kind: 'percent_bars',
      unit: 'percent',
      summary: 'Northshire County Council completed 8 of 10 agreed actions on time (80%); Southby Borough Council 2 of 4 (50%).',
      columns: ['Done on time'],
      rows: [
        { id: 'northshire', label: 'Northshire County Council', cells: [share(8, 10, 'la_actions.northshire')] },
        { id: 'southby', label: 'Southby Borough Council', cells: [share(2, 4, 'la_actions.southby')] },
      ],
    },
    {
      id: 'experience',
      title: 'Feedback after the meeting',
      kind: 'count_bars',
      unit: 'rating',
      summary: 'Parents and carers rated the mediation 4.4 out of 5 on average (11 answers); local authority officers 4.1 (9 answers).',
      columns: ['Average rating out of 5'],
      rows: [
        { id: 'parent_carer', label: 'Parent or carer (11 answers)', cells: [{ value: 4.4, text: '4.4' }] },
        { id: 'la_officer', label: 'LA officer (9 answers)', cells: [{ value: 4.1, text: '4.1' }] },
        { id: 'young_person', label: 'Young person (2 answers)', cells: [{ value: null, text: 'fewer than 5 answers' }] },
      ],
    },
  ];
}

function late(known: readonly KnownCase[]): LateCase[] {
  const [first, second] = known;
  const out: LateCase[] = [];
  if (first) {
    out.push({
      caseId: first.caseId,
      caseReference: first.caseReference,
      measure: 'Mediation held within 30 days',
      dueText: 'Thu 19 Nov 2026',
      actualText: 'no meeting yet',
      lateBy: 14,
      lateText: '14 days late',
    });
  }
  if (second) {
    out.push({
      caseId: second.caseId,
      caseReference: second.caseReference,
      measure: 'Certificate within 3 working days',
      dueText: 'Wed 2 Dec 2026',
      actualText: 'issued Thu 3 Dec 2026',
      lateBy: 1,
      lateText: '1 working day late',
    });
  }
  return out;
}

export function serviceAnswer(query: ServiceQuery, known: readonly KnownCase[]): ServiceAnswer {
  const filtered = Boolean(query.localAuthority || query.caseType || query.mediatorId);
  const params = new URLSearchParams({ period: query.period, from: query.from, to: query.to });
  return {
    query,
    periodLabel: periodLabel(query),
    today: '2026-12-03',
    caseCount: filtered ? 9 : 18,
    options: OPTIONS,
    charts: charts(query),
    late: late(known),
    csvUrl: `/tab/api/service.csv?${params.toString()}`,
  };
}

function serviceCases(figure: string, known: readonly KnownCase[]): ServiceCasesAnswer {
  return {
    figure,
    title: `Cases behind ${figure}`,
    cases: known.map((c) => ({
      caseId: c.caseId,
      caseReference: c.caseReference,
      caseTypeLabel: 'Content of an EHC plan',
      localAuthority: 'Northshire County Council',
      stateLabel: 'Meeting held',
    })),
  };
}

const CSV = 'chart,row,column,value\r\ntimeliness,Mediation held within 30 days,On time,12 of 14 (86%)\r\n';

function queryOf(url: URL): ServiceQuery {
  const p = url.searchParams;
  const period = p.get('period');
  if (period !== 'month' && period !== 'quarter' && period !== 'year' && period !== 'custom') return DEFAULT_QUERY;
  return {
    period,
    from: p.get('from') ?? DEFAULT_QUERY.from,
    to: p.get('to') ?? DEFAULT_QUERY.to,
    ...(p.get('localAuthority') ? { localAuthority: p.get('localAuthority') ?? '' } : {}),
    ...(p.get('caseType') ? { caseType: p.get('caseType') ?? '' } : {}),
    ...(p.get('mediatorId') ? { mediatorId: p.get('mediatorId') ?? '' } : {}),
  };
}

/**
 * Answers /tab/api/service, /tab/api/service/cases and /tab/api/service.csv in the page, as the
 * server will: 401 without an identity, 403 to anyone not in `allowed` (the server decides by
 * role), the fixture otherwise.
 */
export async function serveServiceApi(page: Page, allowed: readonly string[], known: () => readonly KnownCase[]): Promise<void> {
  const json = (status: number, body: unknown) => ({ status, contentType: 'application/json', headers: { 'cache-control': 'no-store' }, body: JSON.stringify(body) });
  await page.route(/\/tab\/api\/service(\.csv|\/cases)?(\?.*)?$/, async (route, request: Request) => {
    const url = new URL(request.url());
    const user = request.headers()['x-dashboard-user'];
    if (!user) return route.fulfill(json(401, { error: 'Sign in to see the dashboard.' }));
    if (!allowed.includes(user)) return route.fulfill(json(403, { error: 'The service view is for mediators and administrators.' }));
    if (url.pathname.endsWith('.csv')) return route.fulfill({ status: 200, contentType: 'text/csv; charset=utf-8', body: CSV });
    if (url.pathname.endsWith('/cases')) return route.fulfill(json(200, serviceCases(url.searchParams.get('figure') ?? '', known())));
    return route.fulfill(json(200, serviceAnswer(url.searchParams.has('period') ? queryOf(url) : DEFAULT_QUERY, known())));
  });
}
