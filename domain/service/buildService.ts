import { CASE_TYPES, type CaseTypeCode } from '../caseTypes';
import { CASE_STATE_LABELS, isMediator, roleLabel, type ParticipantRole } from '../cases';
import type { ServiceCase } from './serviceRecord';
import { londonDate } from '../londonTime';
import { type Calendar, type IsoDate } from '../timescales';
import { countCell, daysCell, hiddenAnswersCell, isSmall, percentCell, ratingCell, shareCell, type DraftCell, type DraftRow } from './cells';
import {
  amendedPlan,
  certificateOnTime,
  heldOn,
  leadTimeDays,
  outcomeOnTime,
  referredOn,
  resultsIn,
  RESULT_IDS,
  thirtyDays,
  type CaseRecordSet,
  type Measured,
  type ResultId,
} from './measures';
import { inPeriod, monthLabel, monthsOf, resolvePeriod, type ServicePeriod } from './period';
import { recordSets, type ServiceData } from './serviceData';
import { average, spreadOf } from './statistics';
import type { LateCase, ServiceAnswer, ServiceCaseRef, ServiceCasesAnswer, ServiceChart, ServiceFilterOptions, ServiceQuery } from './types';

export interface ServiceBuildOptions {
  readonly now: Date;
  readonly calendar: Calendar;
  /** GET /tab/api/service.csv with the same query. */
  readonly csvUrl: string;
  readonly linkFor?: (caseId: string) => string | undefined;
}

/** A chart as built: its cells still know which counts they show (for the CSV's small-count rule). */
export type DraftChart = Omit<ServiceChart, 'rows'> & { readonly rows: readonly DraftRow[] };

/** The answer, plus what the CSV and the case lists need and the JSON does not carry. */
export interface ServiceReport {
  readonly answer: ServiceAnswer;
  readonly charts: readonly DraftChart[];
  /** Figure key -> the ids of the cases behind it. */
  readonly figures: ReadonlyMap<string, readonly string[]>;
  readonly cases: ReadonlyMap<string, ServiceCase>;
  readonly period: ServicePeriod;
}

/**
 * The late list shows the most recent ones: a year of a large service can miss a limit thousands
 * of times, more than anyone reads in a list, and each late figure of the charts opens them all.
 */
export const LATE_LIST_MAX = 50;

const TIMELINESS_COLUMNS = ['Share on time', 'On time', 'Late'];

const RESULT_LABELS: Readonly<Record<ResultId, string>> = {
  full: 'Full agreement',
  partial: 'Partial agreement',
  none: 'No agreement',
  ended_early: 'Ended early',
  adjourned: 'Adjourned',
  withdrawn: 'Withdrawn',
};

/**
 * Figure key -> the cases behind it, each once. Lists, not sets, while counting: a case's
 * additions to one figure come one after another (one case, then the next), so the last
 * entry is enough to skip a repeat, and 10,000 cases cost no hashing.
 */
class Figures {
  private readonly lists = new Map<string, string[]>();
  private done: Map<string, readonly string[]> | undefined;
  add(key: string, caseId: string): void {
    this.done = undefined;
    let list = this.lists.get(key);
    if (!list) this.lists.set(key, (list = []));
    if (list[list.length - 1] !== caseId) list.push(caseId);
  }
  count(key: string): number {
    return this.map.get(key)?.length ?? 0;
  }
  /** Each figure's cases, once each (also a case added twice out of turn). */
  get map(): ReadonlyMap<string, readonly string[]> {
    this.done ??= new Map([...this.lists].map(([k, v]) => [k, [...new Set(v)]]));
    return this.done;
  }
}

/** "northshire-county-council": a local authority's name inside a figure key. */
export function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'x';
}

function matchesFilters(c: ServiceCase, q: ServiceQuery): boolean {
  return (
    (q.localAuthority === undefined || c.localAuthority === q.localAuthority) &&
    (q.caseType === undefined || c.caseType === q.caseType) &&
    (q.mediatorId === undefined || isMediator(c, q.mediatorId))
  );
}

export function filterOptions(cases: readonly ServiceCase[]): ServiceFilterOptions {
  const las = new Set<string>();
  const types = new Set<CaseTypeCode>();
  const mediators = new Map<string, string>();
  for (const c of cases) {
    las.add(c.localAuthority);
    types.add(c.caseType);
    for (const m of c.mediators) if (!mediators.has(m.aadObjectId.toLowerCase())) mediators.set(m.aadObjectId.toLowerCase(), m.displayName);
  }
  return {
    localAuthorities: [...las].sort((a, b) => a.localeCompare(b)),
    caseTypes: [...types].sort().map((id) => ({ id, label: CASE_TYPES[id].label })),
    mediators: [...mediators].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)),
  };
}

interface TimelinessTally {
  onTime: number;
  late: number;
}

function timelinessRow(id: string, label: string, tally: TimelinessTally, prefix: string): DraftRow {
  const { onTime, late } = tally;
  const counts = [onTime, late];
  return {
    id,
    label,
    cells: [shareCell(onTime, onTime + late, `${prefix}.on_time`, counts), countCell(onTime, `${prefix}.on_time`, counts), countCell(late, `${prefix}.late`, counts)],
  };
}

function shareWords(tally: TimelinessTally, what: string): string {
  const whole = tally.onTime + tally.late;
  if (whole === 0) return `no ${what} to measure`;
  return `${tally.onTime} of ${whole} ${what} (${Math.round((tally.onTime / whole) * 100)}%)`;
}

/**
 * Every figure of the service view for one period and filter, from the stored records
 * (docs/service-view.md says what each one counts and why).
 */
export function buildServiceReport(data: ServiceData, query: ServiceQuery, options: ServiceBuildOptions): ServiceReport {
  const period = resolvePeriod(query.period, query.from, query.period === 'custom' ? query.to : undefined);
  const today = londonDate(options.now);
  const within = (d: IsoDate | undefined): d is IsoDate => inPeriod(d, period);
  const options_ = filterOptions(data.cases);
  const chosen = recordSets(data).filter((r) => matchesFilters(r.c, query));
  const byId = new Map(chosen.map((r) => [r.c.id, r.c]));
  const figures = new Figures();
  const late: { readonly c: ServiceCase; readonly label: string; readonly m: Measured }[] = [];

  const measure = (rec: CaseRecordSet, prefix: string, m: Measured | undefined, label: string, listLate: boolean): void => {
    if (!m || !within(m.countsOn)) return;
    figures.add(`${prefix}.${m.status}`, rec.c.id);
    if (m.status === 'late' && listLate) late.push({ c: rec.c, label, m });
  };
  const lateCase = ({ c, label, m }: (typeof late)[number]): LateCase => {
    const link = options.linkFor?.(c.id);
    return { caseId: c.id, caseReference: c.caseReference, measure: label, dueText: m.dueText, actualText: m.actualText, lateBy: m.lateBy, lateText: m.lateText, ...(link ? { link } : {}) };
  };

  const leadTimes: number[] = [];
  const months = monthsOf(period);
  for (const rec of chosen) {
    const drs = CASE_TYPES[rec.c.caseType].isDrs;
    measure(rec, 'timeliness.thirty_day', thirtyDays(rec, today, options.calendar, period), 'Mediation held within 30 days', true);
    measure(rec, 'timeliness.certificate', certificateOnTime(rec, today, options.calendar, period), 'Certificate within 3 working days', true);
    measure(rec, 'timeliness.outcome', outcomeOnTime(rec, options.now, period), 'Outcome statement within 24 hours', false);
    const plan = amendedPlan(rec, period);
    if (plan && within(plan.countsOn)) figures.add(`timeliness.amended_plan.${plan.received ? 'on_time' : 'late'}`, rec.c.id);
    for (const result of resultsIn(rec, within)) figures.add(`results.${result}.${drs ? 'drs' : 'mediation'}`, rec.c.id);
    const referred = referredOn(rec.c);
    if (within(referred)) figures.add(`flow.referrals.${referred.slice(0, 7)}`, rec.c.id);
    const held = heldOn(rec);
    if (within(held)) {
      figures.add(`flow.meetings.${held.slice(0, 7)}`, rec.c.id);
      const days = leadTimeDays(rec);
      if (days !== undefined) {
        leadTimes.push(days);
        figures.add('lead_time', rec.c.id);
      }
    }
    for (const cert of rec.certificates) {
      if (cert.issueNumber === 1 && within(cert.issueDate)) figures.add(`flow.certificates.${cert.issueDate.slice(0, 7)}`, rec.c.id);
    }
  }

  // Agreed LA actions due in the period (and already due): done by the date in force, or not.
  const laTally = new Map<string, TimelinessTally>();
  for (const a of data.actions) {
    const c = byId.get(a.caseId);
    if (!c || !within(a.dueDate)) continue;
    const done = a.doneOn !== undefined && a.doneOn <= a.dueDate;
    if (!done && a.doneOn === undefined && a.dueDate >= today) continue;
    const key = `la_actions.${slug(c.localAuthority)}.${done ? 'on_time' : 'late'}`;
    figures.add(key, c.id);
    const t = laTally.get(c.localAuthority) ?? { onTime: 0, late: 0 };
    if (done) t.onTime++;
    else t.late++;
    laTally.set(c.localAuthority, t);
  }

  const tally = (prefix: string): TimelinessTally => ({ onTime: figures.count(`${prefix}.on_time`), late: figures.count(`${prefix}.late`) });
  const charts: DraftChart[] = [
    timelinessChart(tally, period.label),
    laActionsChart(laTally, data.actions.length > 0 && data.actions.every((a) => a.doneOn === undefined)),
    resultsChart(figures),
    flowChart(figures, months),
    leadTimeChart(leadTimes),
    experienceChart(data, query),
  ];

  const answerCharts: ServiceChart[] = charts.map((ch) => ({
    id: ch.id,
    title: ch.title,
    kind: ch.kind,
    unit: ch.unit,
    summary: ch.summary,
    columns: ch.columns,
    rows: ch.rows.map((r) => ({ id: r.id, label: r.label, cells: r.cells.map((x) => x.cell) })),
    ...(ch.note ? { note: ch.note } : {}),
  }));
  const answer: ServiceAnswer = {
    query: { period: query.period, from: period.from, to: period.to, ...filtersOf(query) },
    periodLabel: period.label,
    today,
    caseCount: chosen.length,
    options: options_,
    charts: answerCharts,
    late: late
      .sort((a, b) => (a.m.countsOn < b.m.countsOn ? 1 : a.m.countsOn > b.m.countsOn ? -1 : a.c.caseReference.localeCompare(b.c.caseReference)))
      .slice(0, LATE_LIST_MAX)
      .map(lateCase),
    lateTotal: late.length,
    csvUrl: options.csvUrl,
  };
  return { answer, charts, figures: figures.map, cases: byId, period };
}

function filtersOf(q: ServiceQuery): Pick<ServiceQuery, 'localAuthority' | 'caseType' | 'mediatorId'> {
  return {
    ...(q.localAuthority !== undefined ? { localAuthority: q.localAuthority } : {}),
    ...(q.caseType !== undefined ? { caseType: q.caseType } : {}),
    ...(q.mediatorId !== undefined ? { mediatorId: q.mediatorId } : {}),
  };
}

function timelinessChart(tally: (prefix: string) => TimelinessTally, label: string): DraftChart {
  const rows = [
    timelinessRow('thirty_day', 'Mediation held within 30 days of the LA being told', tally('timeliness.thirty_day'), 'timeliness.thirty_day'),
    timelinessRow('certificate', 'Certificate issued within 3 working days', tally('timeliness.certificate'), 'timeliness.certificate'),
    timelinessRow('outcome', 'Outcome statement sent within 24 hours', tally('timeliness.outcome'), 'timeliness.outcome'),
    timelinessRow('amended_plan', 'Amended plan received (late: still awaited)', tally('timeliness.amended_plan'), 'timeliness.amended_plan'),
  ];
  const summary =
    `${label}: mediations held within 30 days: ${shareWords(tally('timeliness.thirty_day'), 'cases')}; ` +
    `certificates within 3 working days: ${shareWords(tally('timeliness.certificate'), 'certificates')}; ` +
    `outcomes within 24 hours: ${shareWords(tally('timeliness.outcome'), 'outcomes')}; ` +
    `amended plans received: ${shareWords(tally('timeliness.amended_plan'), 'plans expected')}.`;
  return {
    id: 'timeliness',
    title: 'Timeliness against the limits',
    kind: 'percent_bars',
    unit: 'percent',
    summary,
    columns: TIMELINESS_COLUMNS,
    rows,
    note: 'Each case is counted in the period it was held, issued or closed; one not done yet is counted, as late, in the period its limit passed. Cases still inside their limit are not counted. DRS cases have no statutory limits.',
  };
}

function laActionsChart(tally: ReadonlyMap<string, TimelinessTally>, noCompletionRecorded: boolean): DraftChart {
  const names = [...tally.keys()].sort((a, b) => a.localeCompare(b));
  const rows = names.map((la) => timelinessRow(slug(la), la, tally.get(la) ?? { onTime: 0, late: 0 }, `la_actions.${slug(la)}`));
  const total = [...tally.values()].reduce((s, t) => ({ onTime: s.onTime + t.onTime, late: s.late + t.late }), { onTime: 0, late: 0 });
  const summary =
    names.length === 0
      ? 'No agreed local authority actions fell due in this period.'
      : `Agreed local authority actions due in this period and completed by their due date: ${shareWords(total, 'actions')}, across ${names.length} local ${names.length === 1 ? 'authority' : 'authorities'}.`;
  return {
    id: 'la_actions',
    title: "Local authorities' agreed actions completed by their due date",
    kind: 'percent_bars',
    unit: 'percent',
    summary,
    columns: TIMELINESS_COLUMNS,
    rows,
    ...(noCompletionRecorded ? { note: 'Completion of agreed actions is not recorded yet, so every action past its due date shows as late.' } : {}),
  };
}

function resultsChart(figures: Figures): DraftChart {
  const rows: DraftRow[] = RESULT_IDS.map((id) => ({
    id,
    label: RESULT_LABELS[id],
    cells: [countCell(figures.count(`results.${id}.mediation`), `results.${id}.mediation`), countCell(figures.count(`results.${id}.drs`), `results.${id}.drs`)],
  }));
  const n = (id: ResultId) => figures.count(`results.${id}.mediation`);
  const concluded = n('full') + n('partial') + n('none') + n('ended_early');
  const agreed = n('full') + n('partial');
  const drs = RESULT_IDS.reduce((s, id) => s + figures.count(`results.${id}.drs`), 0);
  const summary =
    concluded === 0
      ? `No statutory mediation concluded in this period; ${n('adjourned')} adjourned, ${n('withdrawn')} withdrawn. Disagreement resolution: ${plural(drs, 'result')}.`
      : `${agreed} of ${concluded} concluded mediations reached agreement (${Math.round((agreed / concluded) * 100)}%): ${n('full')} full, ${n('partial')} partial, ${n('none')} none, ${n('ended_early')} ended early; ${n('adjourned')} adjourned, ${n('withdrawn')} withdrawn. Disagreement resolution, counted apart: ${plural(drs, 'result')}.`;
  return {
    id: 'results',
    title: 'Results',
    kind: 'count_bars',
    unit: 'count',
    summary,
    columns: ['Statutory mediation', 'Disagreement resolution (DRS)'],
    rows,
    note: 'DRS cases are counted apart (the product records no DRS meetings yet, so their column counts withdrawals). A case counts once for its latest session closed in the period, and once more if the family withdrew in the period.',
  };
}

function flowChart(figures: Figures, months: readonly string[]): DraftChart {
  const kinds = ['referrals', 'meetings', 'certificates'] as const;
  const rows: DraftRow[] = months.map((m) => ({ id: m, label: monthLabel(m), cells: kinds.map((k) => countCell(figures.count(`flow.${k}.${m}`), `flow.${k}.${m}`)) }));
  const totals = kinds.map((k) => months.reduce((s, m) => s + figures.count(`flow.${k}.${m}`), 0));
  return {
    id: 'flow',
    title: 'Referrals, meetings and certificates per month',
    kind: 'lines',
    unit: 'count',
    summary: `Over ${months.length} ${months.length === 1 ? 'month' : 'months'}: ${totals[0]} referrals, ${totals[1]} mediations held, ${totals[2]} certificates issued.`,
    columns: ['Referrals', 'Meetings', 'Certificates'],
    rows,
    note: 'A referral is counted on the day the LA was told mediation is wanted (the day the case was opened when that date is not recorded); a meeting is the first session of a mediation; a certificate is a first issue (re-issues are not counted).',
  };
}

function leadTimeChart(values: readonly number[]): DraftChart {
  const s = spreadOf(values);
  const counts = [values.length];
  const cell = (v: number | undefined): DraftCell => daysCell(v ?? null, 'lead_time', counts);
  const rows: DraftRow[] = [
    { id: 'median', label: 'Median', cells: [cell(s?.median)] },
    { id: 'lower_quartile', label: 'Lower quartile', cells: [cell(s?.lowerQuartile)] },
    { id: 'upper_quartile', label: 'Upper quartile', cells: [cell(s?.upperQuartile)] },
    { id: 'min', label: 'Shortest', cells: [cell(s?.min)] },
    { id: 'max', label: 'Longest', cells: [cell(s?.max)] },
  ];
  const summary = s
    ? `From the LA being told to the first session, over ${s.count} ${s.count === 1 ? 'mediation' : 'mediations'} held in this period: median ${round(s.median)} days, half between ${round(s.lowerQuartile)} and ${round(s.upperQuartile)} days, shortest ${s.min}, longest ${s.max}.`
    : 'No mediation with a known date the LA was told was held in this period.';
  return { id: 'lead_time', title: 'Time from the LA being told to the meeting', kind: 'distribution', unit: 'days', summary, columns: ['Days'], rows };
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function experienceChart(data: ServiceData, query: ServiceQuery): DraftChart {
  const answers = data.feedback.filter((f) => query.caseType === undefined || f.caseType === query.caseType);
  const roles = [...new Set(answers.map((f) => f.role))].sort();
  const rows: DraftRow[] = roles.map((role) => {
    const mine = answers.filter((f) => f.role === role);
    const counts = [mine.length];
    // An average of one to four answers could be one person's answer, to people who know who took part.
    const few = isSmall(mine.length);
    return {
      id: role,
      label: roleName(role),
      cells: [
        few ? hiddenAnswersCell('rating', counts) : ratingCell(average(mine.map((f) => f.fairness)), counts),
        few ? hiddenAnswersCell('rating', counts) : ratingCell(average(mine.map((f) => f.clarity)), counts),
        few ? hiddenAnswersCell('percent', counts) : percentCell(mine.filter((f) => f.wouldUseAgain).length, mine.length, counts),
        countCell(mine.length, undefined),
      ],
    };
  });
  const fairness = average(answers.map((f) => f.fairness));
  const summary =
    answers.length === 0
      ? `No feedback was given${query.caseType !== undefined ? ' in cases of this type' : ''} in this period.`
      : isSmall(answers.length)
        ? `${answers.length} feedback ${answers.length === 1 ? 'answer' : 'answers'}: averages of fewer than 5 answers are not shown, so that no one's answer can be read from them.`
        : `${answers.length} feedback ${answers.length === 1 ? 'answer' : 'answers'} from ${roles.length} ${roles.length === 1 ? 'role' : 'roles'}: fairness ${round(fairness ?? 0)} out of 5 on average, clarity ${round(average(answers.map((f) => f.clarity)) ?? 0)}.`;
  const filtered = query.localAuthority !== undefined || query.mediatorId !== undefined;
  return {
    id: 'experience',
    title: 'Experience: feedback by role',
    kind: 'count_bars',
    unit: 'rating',
    summary,
    columns: ['Fairness (1-5)', 'Clarity (1-5)', 'Would use again', 'Answers'],
    rows,
    note: `Feedback is kept without the person or the case${filtered ? ', so the local authority and mediator filters do not apply to it' : ''}.`,
  };
}

function roleName(role: string): string {
  try {
    return roleLabel(role as ParticipantRole);
  } catch {
    return role;
  }
}

/** The cases behind one figure of a report, for GET /tab/api/service/cases. Undefined for an unknown key. */
export function serviceCases(report: ServiceReport, figure: string, linkFor?: (caseId: string) => string | undefined): ServiceCasesAnswer | undefined {
  const title = figureTitle(report, figure);
  if (title === undefined) return undefined;
  const ids = report.figures.get(figure) ?? [];
  const cases: ServiceCaseRef[] = ids
    .map((id) => report.cases.get(id))
    .filter((c): c is ServiceCase => c !== undefined)
    .sort((a, b) => a.caseReference.localeCompare(b.caseReference))
    .map((c) => {
      const link = linkFor?.(c.id);
      return { caseId: c.id, caseReference: c.caseReference, caseTypeLabel: CASE_TYPES[c.caseType].label, localAuthority: c.localAuthority, stateLabel: CASE_STATE_LABELS[c.state], ...(link ? { link } : {}) };
    });
  return { figure, title, cases };
}

/** "Mediation held within 30 days of the LA being told: Late, November 2026"; undefined when no cell has that key. */
function figureTitle(report: ServiceReport, figure: string): string | undefined {
  for (const chart of report.charts) {
    for (const row of chart.rows) {
      const i = row.cells.findIndex((x) => x.cell.figure === figure);
      if (i >= 0) return `${chart.id === 'flow' ? `${chart.columns[i]}: ${row.label}` : `${row.label}: ${chart.columns[i]}`}, ${report.period.label}`;
    }
  }
  return undefined;
}
