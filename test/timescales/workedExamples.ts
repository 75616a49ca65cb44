/** docs/rules.md#worked-examples, as [id, rule, dates, expected due, expected last working day]. */
export interface WorkedExample {
  readonly id: string;
  readonly rule: string;
  readonly dates: readonly [string] | readonly [string, string];
  readonly due: string;
  readonly lastWorkingDay: string;
}

export const WORKED_EXAMPLES: readonly WorkedExample[] = [
  { id: 'E1', rule: 'CERT_NO_MEDIATION', dates: ['2025-12-19'], due: '2025-12-24', lastWorkingDay: '2025-12-24' },
  { id: 'E3', rule: 'CERT_AFTER_MEDIATION', dates: ['2026-12-24'], due: '2026-12-31', lastWorkingDay: '2026-12-31' },
  { id: 'E5', rule: 'CERT_NO_MEDIATION', dates: ['2026-04-02'], due: '2026-04-09', lastWorkingDay: '2026-04-09' },
  { id: 'E10', rule: 'LA_AMEND_PLAN', dates: ['2026-03-02'], due: '2026-04-06', lastWorkingDay: '2026-04-02' },
  { id: 'E12a', rule: 'LA_ASSESS_NOTIFY', dates: ['2026-01-13'], due: '2026-01-27', lastWorkingDay: '2026-01-27' },
  { id: 'E12b', rule: 'LA_ASSESS_DECIDE', dates: ['2026-01-13'], due: '2026-03-24', lastWorkingDay: '2026-03-24' },
  { id: 'E12c', rule: 'LA_ASSESS_FINAL', dates: ['2026-01-13'], due: '2026-04-21', lastWorkingDay: '2026-04-21' },
  { id: 'A1', rule: 'APPEAL', dates: ['2025-10-01', '2025-11-28'], due: '2026-01-02', lastWorkingDay: '2026-01-02' },
];
