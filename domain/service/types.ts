/**
 * The JSON the service view API answers with (GET /tab/api/service, GET /tab/api/service/cases),
 * shared by the server (domain/service builds it) and the tab's browser code (tab/src renders it).
 * Plain data only, no imports, so the browser bundle takes nothing else from domain/ with it.
 *
 * Every chart is also a table: `columns` are the series, `rows` the categories, and the tab draws the
 * chart from the same cells it lists beside it, so the picture and the numbers cannot disagree.
 */

export type ServicePeriodKind = 'month' | 'quarter' | 'year' | 'custom';

/** The longest custom period, in days: three years (the page checks it before asking, the API again). */
export const CUSTOM_MAX_DAYS = 3 * 366;

/** What the manager chose; dates are YYYY-MM-DD Europe/London, both ends included. */
export interface ServiceQuery {
  readonly period: ServicePeriodKind;
  readonly from: string;
  readonly to: string;
  readonly localAuthority?: string;
  readonly caseType?: string;
  /** AAD object id of a mediator. */
  readonly mediatorId?: string;
}

export type ServiceChartId = 'timeliness' | 'results' | 'flow' | 'lead_time' | 'la_actions' | 'experience';

export type ServiceChartKind =
  /** Horizontal bars, one per row; each row's first cell is the share (0-100) drawn. */
  | 'percent_bars'
  /** Bars per row, one per column (grouped), counts. */
  | 'count_bars'
  /** One line per column over the rows (months). */
  | 'lines'
  /** Rows are summary statistics of a distribution (median, quartiles, min, max), in days. */
  | 'distribution';

export type ServiceUnit = 'percent' | 'count' | 'days' | 'rating';

export interface ServiceCell {
  /** Null when there is nothing to measure (no cases), said in `text`. */
  readonly value: number | null;
  /** What a person reads: "12 of 14 (86%)", "fewer than 5", "no cases". */
  readonly text: string;
  /**
   * Key of the cases behind this figure, for GET /tab/api/service/cases?figure=<key>&<same query>.
   * Absent where no case list makes sense (an average rating).
   */
  readonly figure?: string;
}

export interface ServiceRow {
  readonly id: string;
  readonly label: string;
  /** One cell per entry of the chart's `columns`. */
  readonly cells: readonly ServiceCell[];
}

export interface ServiceChart {
  readonly id: ServiceChartId;
  readonly title: string;
  readonly kind: ServiceChartKind;
  readonly unit: ServiceUnit;
  /** The text alternative: what the chart shows, in one or two sentences with the key numbers. */
  readonly summary: string;
  /** Series names, one per cell of each row. */
  readonly columns: readonly string[];
  readonly rows: readonly ServiceRow[];
  /** Why a figure is absent or how it is counted ("DRS cases are counted apart"). */
  readonly note?: string;
}

export interface LateCase {
  readonly caseId: string;
  readonly caseReference: string;
  /** Which limit was missed, in words: "Mediation held within 30 days". */
  readonly measure: string;
  readonly dueText: string;
  readonly actualText: string;
  /** Days (or working days, as `lateText` says) after the limit. */
  readonly lateBy: number;
  readonly lateText: string;
  readonly link?: string;
}

export interface ServiceFilterOptions {
  readonly localAuthorities: readonly string[];
  readonly caseTypes: readonly { readonly id: string; readonly label: string }[];
  readonly mediators: readonly { readonly id: string; readonly name: string }[];
}

export interface ServiceAnswer {
  readonly query: ServiceQuery;
  /** "November 2026", "Q3 2026 (Jul-Sep)", "1 Jan 2026 to 30 Jun 2026". */
  readonly periodLabel: string;
  readonly today: string;
  readonly caseCount: number;
  readonly options: ServiceFilterOptions;
  readonly charts: readonly ServiceChart[];
  /** Cases that missed a statutory limit in the period, latest first: at most LATE_LIST_MAX (buildService.ts) of `lateTotal`. */
  readonly late: readonly LateCase[];
  /** How many times a limit was missed in the period: the charts' late figures list every case. */
  readonly lateTotal: number;
  /** The CSV of this same answer: GET /tab/api/service.csv?<same query>. */
  readonly csvUrl: string;
}

/** GET /tab/api/service/access: whether the caller may open the service view (the page's entry). */
export interface ServiceAccessAnswer {
  readonly allowed: boolean;
}

export interface ServiceCaseRef {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseTypeLabel: string;
  readonly localAuthority: string;
  readonly stateLabel: string;
  readonly link?: string;
}

export interface ServiceCasesAnswer {
  readonly figure: string;
  /** "Mediations held within 30 days, November 2026". */
  readonly title: string;
  readonly cases: readonly ServiceCaseRef[];
}
