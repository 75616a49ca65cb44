import { customProblem, periodChoices } from '../../tab/src/servicePeriods';

/** The periods the service view's picker offers, counted back from today. */
describe('service view periods', () => {
  it('offers the twelve months up to the current one, each from its first to its last day', () => {
    const months = periodChoices('month', '2026-12-03');
    expect(months).toHaveLength(12);
    expect(months[0]).toEqual({ from: '2026-12-01', to: '2026-12-31', label: 'December 2026' });
    expect(months[1]).toEqual({ from: '2026-11-01', to: '2026-11-30', label: 'November 2026' });
    expect(months[11]).toEqual({ from: '2026-01-01', to: '2026-01-31', label: 'January 2026' });
  });

  it('ends February on the 29th in a leap year', () => {
    expect(periodChoices('month', '2028-03-15')[1]).toEqual({ from: '2028-02-01', to: '2028-02-29', label: 'February 2028' });
  });

  it('counts calendar quarters back across a year end', () => {
    const quarters = periodChoices('quarter', '2027-02-10');
    expect(quarters[0]).toEqual({ from: '2027-01-01', to: '2027-03-31', label: 'Q1 2027 (Jan-Mar)' });
    expect(quarters[1]).toEqual({ from: '2026-10-01', to: '2026-12-31', label: 'Q4 2026 (Oct-Dec)' });
    expect(quarters).toHaveLength(8);
  });

  it('offers the last five calendar years', () => {
    expect(periodChoices('year', '2026-12-03').map((y) => y.label)).toEqual(['2026', '2025', '2024', '2023', '2022']);
    expect(periodChoices('year', '2026-12-03')[0]).toEqual({ from: '2026-01-01', to: '2026-12-31', label: '2026' });
  });

  it('accepts a custom period of one day or more, and says what is wrong otherwise', () => {
    expect(customProblem('2026-12-01', '2026-12-01')).toBeUndefined();
    expect(customProblem('2026-12-10', '2026-12-01')).toBe('The period must start on or before the day it ends.');
    expect(customProblem('', '2026-12-01')).toBe('Enter both dates of the period.');
  });
});
