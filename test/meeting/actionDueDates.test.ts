import { ACTION_CATEGORIES, ACTION_CATEGORY_INFO, actionDueDates, dueDatesText, timelineCategories } from '../../domain/meeting';
import { caseTimeline, createCalendar, isTimescaleError } from '../../domain/timescales';

describe('actionDueDates', () => {
  it('T13a cease: due on the agreement date, "immediately"', () => {
    const d = actionDueDates({ category: 'cease_to_maintain' }, '2026-01-13');
    expect(d).toMatchObject({ immediately: true, tNumber: 'T13a', effective: '2026-01-13', effectiveLastWorkingDay: '2026-01-13', basis: 'statutory' });
    expect(d.statutory).toEqual([{ ruleId: null, step: 'at once', due: '2026-01-13', lastWorkingDay: '2026-01-13' }]);
    expect(dueDatesText(d)).toMatchObject({ by: 'at once, from Tue 13 Jan 2026', detail: 'statutory, T13a' });
  });

  it('T13b assessment: three dates, notify +2 weeks, decide +10, final +14 (docs/rules.md#worked-examples E12)', () => {
    const d = actionDueDates({ category: 'assess' }, '2026-01-13');
    expect(d.statutory.map((s) => [s.ruleId, s.due])).toEqual([
      ['LA_ASSESS_NOTIFY', '2026-01-27'],
      ['LA_ASSESS_DECIDE', '2026-03-24'],
      ['LA_ASSESS_FINAL', '2026-04-21'],
    ]);
    expect(d.effective).toBe('2026-04-21');
    expect(dueDatesText(d).by).toBe('by Tue 21 Apr 2026');
    expect(dueDatesText(d).statutory).toBe(
      'say it will assess by Tue 27 Jan 2026; any decision not to issue a plan by Tue 24 Mar 2026; final plan by Tue 21 Apr 2026',
    );
  });

  it('T13c new plan: draft +5 weeks, final +11', () => {
    const d = actionDueDates({ category: 'make_plan' }, '2026-01-13');
    expect(d.statutory.map((s) => s.due)).toEqual(['2026-02-17', '2026-03-31']);
    expect(d.effective).toBe('2026-03-31');
  });

  it('T13d amend plan +5 weeks over Easter: due Easter Monday, last working day the Thursday before (docs/rules.md#worked-examples E10)', () => {
    const d = actionDueDates({ category: 'amend_plan' }, '2026-03-02');
    expect(d).toMatchObject({ effective: '2026-04-06', effectiveLastWorkingDay: '2026-04-02' });
    expect(dueDatesText(d)).toMatchObject({
      by: 'by Mon 6 Apr 2026',
      detail: 'statutory, T13d; last working day on or before: Thu 2 Apr 2026',
      statutory: 'Mon 6 Apr 2026, last working day on or before Thu 2 Apr 2026',
    });
  });

  it('T13d over Christmas 2026: due on the Boxing Day substitute, last working day Christmas Eve', () => {
    expect(actionDueDates({ category: 'amend_plan' }, '2026-11-23')).toMatchObject({ effective: '2026-12-28', effectiveLastWorkingDay: '2026-12-24' });
  });

  it('T13e change school +2 weeks onto Good Friday 2027', () => {
    expect(actionDueDates({ category: 'change_school' }, '2027-03-12')).toMatchObject({ effective: '2027-03-26', effectiveLastWorkingDay: '2027-03-25' });
  });

  it('T14 other LA/ICB action +2 weeks onto Easter Monday 2027, and across Christmas', () => {
    expect(actionDueDates({ category: 'other_la_icb' }, '2027-03-15')).toMatchObject({ effective: '2027-03-29', effectiveLastWorkingDay: '2027-03-25' });
    expect(actionDueDates({ category: 'other_la_icb' }, '2026-12-17')).toMatchObject({ effective: '2026-12-31', effectiveLastWorkingDay: '2026-12-31' });
  });

  it('T15 ICB notifies the LA +1 week onto Christmas Day', () => {
    expect(actionDueDates({ category: 'icb_notify_la' }, '2026-12-18')).toMatchObject({
      tNumber: 'T15',
      effective: '2026-12-25',
      effectiveLastWorkingDay: '2026-12-24',
    });
  });

  it('an agreed date replaces the statutory one, which is still given beside it (T16)', () => {
    const d = actionDueDates({ category: 'amend_plan', agreedDueDate: '2027-01-19' }, '2026-12-17');
    expect(d).toMatchObject({ basis: 'agreed', agreed: '2027-01-19', effective: '2027-01-19', effectiveLastWorkingDay: '2027-01-19' });
    expect(d.statutory).toEqual([{ ruleId: 'LA_AMEND_PLAN', step: 'Issue the amended plan', due: '2027-01-21', lastWorkingDay: '2027-01-21' }]);
    expect(dueDatesText(d)).toMatchObject({
      by: 'by Tue 19 Jan 2027',
      detail: 'statutory: Thu 21 Jan 2027; agreed in writing: Tue 19 Jan 2027',
      agreed: 'Tue 19 Jan 2027',
    });
  });

  it('an agreed date on a weekend gives the last working day before it', () => {
    expect(actionDueDates({ category: 'other_agreed_date', agreedDueDate: '2027-01-23' }, '2026-12-17')).toMatchObject({
      statutory: [],
      effective: '2027-01-23',
      effectiveLastWorkingDay: '2027-01-22',
    });
    expect(dueDatesText(actionDueDates({ category: 'other_agreed_date', agreedDueDate: '2027-01-22' }, '2026-12-17')).detail).toBe(
      'agreed in writing; no statutory timescale',
    );
  });

  it('throws a TimescaleError when there is no date to give, or the dates leave the trusted years', () => {
    const attempt = (f: () => unknown): unknown => {
      try {
        f();
        return undefined;
      } catch (error) {
        return error;
      }
    };
    expect(isTimescaleError(attempt(() => actionDueDates({ category: 'other_agreed_date' }, '2026-12-17')))).toBe(true);
    expect(isTimescaleError(attempt(() => actionDueDates({ category: 'assess' }, '2035-12-01')))).toBe(true);
    const narrow = createCalendar({ trustedYears: { from: 2026, to: 2026 } });
    expect(isTimescaleError(attempt(() => actionDueDates({ category: 'amend_plan' }, '2026-12-17', narrow)))).toBe(true);
  });

  it('agrees with the case timeline for every statutory category', () => {
    for (const category of ACTION_CATEGORIES) {
      const timeline = timelineCategories([category]);
      const mine = actionDueDates({ category, ...(category === 'other_agreed_date' ? { agreedDueDate: '2027-02-01' } : {}) }, '2026-12-17');
      const theirs = caseTimeline({ agreementDate: '2026-12-17', actionCategories: timeline });
      expect(theirs.map((e) => e.due).sort()).toEqual(ACTION_CATEGORY_INFO[category].rules.length === 0 ? [] : mine.statutory.map((s) => s.due).sort());
    }
  });
});
