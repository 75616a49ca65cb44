import { calculateFromSubmission } from '../../domain/datesCalculator';
import { createCalendar } from '../../domain/timescales';

describe('calculateFromSubmission', () => {
  it('E3: certificate after mediation held Thu 24 Dec 2026 is due Thu 31 Dec 2026', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '2026-12-24', verb: 'dates.calculate' });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.view.result.dueText).toBe('Thu 31 Dec 2026');
    expect(outcome.view.result.lastWorkingDayText).toBeUndefined();
    expect(outcome.view.result.explanation).toContain('Christmas Day');
    expect(outcome.view.result.ruleTitle).toBe('Certificate after mediation (T7)');
    expect(outcome.view).toMatchObject({ selectedRule: 'CERT_AFTER_MEDIATION', from: '2026-12-24' });
  });

  it('E10: a weeks rule shows the last working day on or before', () => {
    const outcome = calculateFromSubmission({ rule: 'LA_AMEND_PLAN', from: '2026-03-02' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.view.result.dueText).toBe('Mon 6 Apr 2026');
    expect(outcome.view.result.lastWorkingDayText).toBe('Thu 2 Apr 2026');
  });

  it('A1: the appeal rule uses both dates and the Christmas roll-forward', () => {
    const outcome = calculateFromSubmission({ rule: 'APPEAL', from: '2025-10-01', second: '2025-11-28' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.view.result.dueText).toBe('Fri 2 Jan 2026');
    expect(outcome.view.result.explanation).toMatch(/25 December and 1 January/);
  });

  it('asks for the certificate date when the appeal rule has only one date', () => {
    const outcome = calculateFromSubmission({ rule: 'APPEAL', from: '2025-10-01', second: '' });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/certificate issued/) });
  });

  it('ignores a leftover certificate date for one-date rules and says so', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_NO_MEDIATION', from: '2025-12-19', second: '2025-12-01' });
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.view.result.dueText).toBe('Wed 24 Dec 2025');
    expect(outcome.view.result.explanation).toMatch(/certificate issue date was not used/);
    expect(outcome.view.second).toBe('2025-12-01');
  });

  it('turns a bad date into a message and keeps the fields', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_NO_MEDIATION', from: '19/12/2025' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.error).toMatch(/YYYY-MM-DD/);
    expect(outcome.error).not.toMatch(/\bat .*\.ts/);
    expect(outcome.fields).toEqual({ selectedRule: 'CERT_NO_MEDIATION', from: '19/12/2025' });
    expect(outcome.view.error).toBe(outcome.error);
  });

  it('turns an unknown rule into a message', () => {
    const outcome = calculateFromSubmission({ rule: 'cert-after-mediation', from: '2026-12-24' });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/Unknown rule .*Did you mean CERT_AFTER_MEDIATION/) });
  });

  it('asks for missing inputs', () => {
    expect(calculateFromSubmission({})).toMatchObject({ ok: false, error: 'Choose the time limit to work out.' });
    expect(calculateFromSubmission(undefined)).toMatchObject({ ok: false });
    expect(calculateFromSubmission('junk')).toMatchObject({ ok: false, error: expect.stringMatching(/could not be read/) });
    expect(calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '  ' })).toMatchObject({
      ok: false,
      error: expect.stringMatching(/mediation concluded/),
    });
  });

  it('reports a date outside the trusted years as a message', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '2040-01-06' });
    expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/outside the years/) });
  });

  it('uses the calendar it is given', () => {
    const calendar = createCalendar({ extraNonWorkingDays: [{ date: '2026-12-29', name: 'Test holiday' }] });
    const outcome = calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '2026-12-24' }, calendar);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.view.result.dueText).toBe('Mon 4 Jan 2027');
    expect(outcome.view.result.explanation).toContain('Test holiday');
  });
});
