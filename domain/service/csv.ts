import { isSmall, type DraftCell } from './cells';
import type { ServiceReport } from './buildService';

/**
 * The whole service view as CSV, for sharing beyond the people who may open the cases: any
 * count of 1 to 4 is written "fewer than 5", and so is every figure worked out from the same
 * counts (a share, the other counts of its row, an average, a spread). Hiding within a row is not
 * enough, since charts share totals (the meetings of the month are the sum of the results), so
 * every other count is rounded to the nearest 5: a small count cannot be recovered by subtracting
 * one figure from another. Case references (the late list) are left out for the same reason: the
 * view lists them to those who may open the cases.
 */
export const SUPPRESSED_COUNT = 'fewer than 5';
export const SUPPRESSED_DERIVED = 'not shown (fewer than 5 cases)';

/** A spreadsheet must not run a cell as a formula (CSV injection): such cells get a leading apostrophe. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** 0 stays 0; 5 and more to the nearest 5 (7 -> 5, 8 -> 10). */
export function roundedCount(n: number): number {
  return Math.round(n / ROUNDING) * ROUNDING;
}
const ROUNDING = 5;

function valueOf(x: DraftCell): string {
  if (x.counts.some(isSmall)) return x.kind === 'count' ? SUPPRESSED_COUNT : SUPPRESSED_DERIVED;
  if (x.cell.value === null) return '';
  if (x.kind === 'count') return String(roundedCount(x.cell.value));
  return x.kind === 'percent' ? `${x.cell.value}%` : String(x.cell.value);
}

export function serviceCsv(report: ServiceReport): string {
  const { answer } = report;
  const q = answer.query;
  const filters = [
    q.localAuthority !== undefined ? `local authority ${q.localAuthority}` : '',
    q.caseType !== undefined ? `case type ${q.caseType}` : '',
    q.mediatorId !== undefined ? 'one mediator' : '',
  ].filter((s) => s !== '');
  const lines: string[][] = [
    ['Service view', answer.periodLabel],
    ['From', q.from],
    ['To', q.to],
    ['Filters', filters.length ? filters.join('; ') : 'none'],
    ['Small counts', `Counts of 1 to 4, and figures worked out from them, are shown as "${SUPPRESSED_COUNT}" or "${SUPPRESSED_DERIVED}"; other counts are rounded to the nearest ${ROUNDING}.`],
    [],
    ['Chart', 'Row', 'Column', 'Value'],
  ];
  for (const chart of report.charts) {
    for (const row of chart.rows) {
      row.cells.forEach((cell, i) => lines.push([chart.title, row.label, chart.columns[i] ?? '', valueOf(cell)]));
    }
  }
  return `${lines.map((l) => l.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
