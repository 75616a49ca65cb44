/** The CSV export: small counts and what is worked out from them never leave as numbers; no cell runs as a formula. */
import { buildServiceReport, csvCell, resolvePeriod, roundedCount, serviceCsv, type ServiceQuery } from '../../domain/service';
import { calendar, caseWith, data, heldMeeting } from './serviceFixtures';

const DEC: ServiceQuery = { period: 'month', from: '2026-12-01', to: '2026-12-31' };
const NOW = new Date('2027-01-20T12:00:00Z');

/** RFC 4180 as a spreadsheet reads it: quoted fields may hold commas and doubled quotes. */
function rowsOf(csv: string): string[][] {
  return csv
    .trim()
    .split('\r\n')
    .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => (m[1] ?? '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

function cases(n: number, form: Parameters<typeof caseWith>[0], start: string, outcome: 'full' | 'partial' | 'none') {
  return Array.from({ length: n }, () => {
    const c = caseWith(form);
    return { c, m: heldMeeting(c, start, outcome) };
  });
}

describe('service CSV', () => {
  // 6 full agreements held on time; 2 partial agreements held late (the 31st day).
  const onTime = cases(6, { laInformed: '2026-11-01', meetingDate: '2026-12-01' }, '2026-12-01T10:00:00Z', 'full');
  const late = cases(2, { laInformed: '2026-11-01', meetingDate: '2026-12-02' }, '2026-12-02T10:00:00Z', 'partial');
  const all = [...onTime, ...late];
  const report = buildServiceReport(data({ cases: all.map((x) => x.c), meetings: all.map((x) => x.m) }), DEC, { now: NOW, calendar, csvUrl: '/tab/api/service.csv' });
  const rows = rowsOf(serviceCsv(report));
  const value = (chart: string, row: string, column: string) => rows.find((r) => r[0] === chart && r[1] === row && r[2] === column)?.[3];

  it('shows counts of 5 and more rounded to the nearest 5, so that no small count can be worked out by subtraction', () => {
    // 6 full agreements and 2 partial ones out of 8 meetings: unrounded, 8 - 6 would give the 2 away.
    expect(value('Results', 'Full agreement', 'Statutory mediation')).toBe('5');
    expect(value('Results', 'No agreement', 'Statutory mediation')).toBe('0');
    expect(value('Referrals, meetings and certificates per month', 'Dec 2026', 'Meetings')).toBe('10');
    expect([0, 5, 7, 8, 12, 13].map(roundedCount)).toEqual([0, 5, 5, 10, 10, 15]);
  });

  it('writes a count under 5 as "fewer than 5", and hides the share and the other count of its row', () => {
    expect(value('Results', 'Partial agreement', 'Statutory mediation')).toBe('fewer than 5');
    const title = 'Timeliness against the limits';
    const row = 'Mediation held within 30 days of the LA being told';
    expect(value(title, row, 'Late')).toBe('fewer than 5');
    // 6 on time would give the 2 late away next to the meetings held, so it goes too, and so does the share.
    expect(value(title, row, 'On time')).toBe('fewer than 5');
    expect(value(title, row, 'Share on time')).toBe('not shown (fewer than 5 cases)');
    // The spread of 8 mediations is shown; the JSON view keeps its exact numbers.
    expect(value('Time from the LA being told to the meeting', 'Median', 'Days')).toBe('30');
    expect(report.answer.charts[0]?.rows[0]?.cells.map((c) => c.value)).toEqual([75, 6, 2]);
  });

  it('hides a spread of fewer than 5 mediations', () => {
    const few = cases(3, { laInformed: '2026-11-01', meetingDate: '2026-12-01' }, '2026-12-01T10:00:00Z', 'full');
    const small = buildServiceReport(data({ cases: few.map((x) => x.c), meetings: few.map((x) => x.m) }), DEC, { now: NOW, calendar, csvUrl: '' });
    const r = rowsOf(serviceCsv(small));
    expect(r.filter((x) => x[0] === 'Time from the LA being told to the meeting').map((x) => x[3])).toEqual(Array(5).fill('not shown (fewer than 5 cases)'));
  });

  it('carries no case reference', () => {
    const csv = serviceCsv(report);
    for (const { c } of all) expect(csv).not.toContain(c.caseReference);
  });

  it('makes a cell that starts like a formula inert', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe('"\'=HYPERLINK(""http://x"")"');
    expect(csvCell('+44')).toBe(`"'+44"`);
    expect(csvCell('-1')).toBe(`"'-1"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('Northshire, North')).toBe('"Northshire, North"');
    expect(csvCell('Plain')).toBe('Plain');
    const c = caseWith({ localAuthority: '=cmd|calc' });
    const r = buildServiceReport(data({ cases: [c], actions: [{ caseId: c.id, actionId: 'a', dueDate: '2026-12-02' }] }), DEC, { now: NOW, calendar, csvUrl: '' });
    expect(serviceCsv(r)).toContain(`"'=cmd|calc"`);
  });
});

describe('periods', () => {
  it('resolves a month, a quarter, a year and a custom range with their labels', () => {
    expect(resolvePeriod('month', '2026-11-17')).toEqual({ kind: 'month', from: '2026-11-01', to: '2026-11-30', label: 'November 2026' });
    expect(resolvePeriod('month', '2028-02-03')).toMatchObject({ to: '2028-02-29' });
    expect(resolvePeriod('quarter', '2026-08-09')).toEqual({ kind: 'quarter', from: '2026-07-01', to: '2026-09-30', label: 'Q3 2026 (Jul-Sep)' });
    expect(resolvePeriod('year', '2026-08-09')).toEqual({ kind: 'year', from: '2026-01-01', to: '2026-12-31', label: '2026' });
    expect(resolvePeriod('custom', '2026-01-01', '2026-06-30')).toEqual({ kind: 'custom', from: '2026-01-01', to: '2026-06-30', label: '1 Jan 2026 to 30 Jun 2026' });
  });
});
