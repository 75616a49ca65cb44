import {
  computeAppealDeadline,
  computeRule,
  createCalendar,
  getRule,
  RULE_IDS,
  RULE_LIST,
  RULES,
  TimescaleError,
} from '../../domain/timescales';
import { WORKED_EXAMPLES } from './workedExamples';

describe('rule table', () => {
  it('has every id of docs/rules.md#timescale-rules once, in order', () => {
    expect(RULE_IDS).toEqual([
      'ADVISER_CONTACT',
      'CERT_NO_MEDIATION',
      'ARRANGE_MEDIATION',
      'NOTIFY_ICB',
      'ICB_ARRANGE',
      'CERT_CANNOT_ARRANGE',
      'CERT_AFTER_MEDIATION',
      'REQUESTED_CHANGES',
      'LA_ASSESS_NOTIFY',
      'LA_ASSESS_DECIDE',
      'LA_ASSESS_FINAL',
      'LA_PLAN_DRAFT',
      'LA_PLAN_FINAL',
      'LA_AMEND_PLAN',
      'LA_CHANGE_SCHOOL',
      'OTHER_ACTION',
      'ICB_NOTIFY_LA',
      'APPEAL',
    ]);
    for (const rule of RULE_LIST) {
      expect(RULES[rule.id]).toBe(rule);
      expect(rule.description.length).toBeGreaterThan(20);
      expect(rule.source).not.toBe('');
      expect(rule.inputDates).toBe(rule.id === 'APPEAL' ? 2 : 1);
    }
  });

  it('carries the units and T-numbers of the domain table', () => {
    const summary = Object.fromEntries(RULE_LIST.map((r) => [r.id, `${r.tNumber} ${r.direction} ${r.amount} ${r.unit}`]));
    expect(summary).toEqual({
      ADVISER_CONTACT: 'T1 after 2 calendarMonths',
      CERT_NO_MEDIATION: 'T2 after 3 workingDays',
      ARRANGE_MEDIATION: 'T3 after 30 calendarDays',
      NOTIFY_ICB: 'T4 after 3 workingDays',
      ICB_ARRANGE: 'T5 after 30 calendarDays',
      CERT_CANNOT_ARRANGE: 'T6(b) after 3 workingDays',
      CERT_AFTER_MEDIATION: 'T7 after 3 workingDays',
      REQUESTED_CHANGES: 'T10 before 3 workingDays',
      LA_ASSESS_NOTIFY: 'T13b after 2 weeks',
      LA_ASSESS_DECIDE: 'T13b after 10 weeks',
      LA_ASSESS_FINAL: 'T13b after 14 weeks',
      LA_PLAN_DRAFT: 'T13c after 5 weeks',
      LA_PLAN_FINAL: 'T13c after 11 weeks',
      LA_AMEND_PLAN: 'T13d after 5 weeks',
      LA_CHANGE_SCHOOL: 'T13e after 2 weeks',
      OTHER_ACTION: 'T14 after 2 weeks',
      ICB_NOTIFY_LA: 'T15 after 1 weeks',
      APPEAL: 'T17 after 2 calendarMonths',
    });
    expect(RULES.APPEAL.second).toMatchObject({ key: 'certificate', amount: 1, unit: 'calendarMonths' });
    expect(RULES.REQUESTED_CHANGES.ideal).toEqual({ unit: 'calendarDays', amount: 7 });
    // Every rule whose due date may fall on a non-working day shows the last working day too.
    for (const rule of RULE_LIST) {
      expect(rule.lastWorkingDayCompanion).toBe(rule.unit !== 'workingDays' && rule.rollForward === 'none');
    }
  });

  it('rejects an unknown rule with a helpful message', () => {
    expect(() => getRule('NOPE')).toThrow(TimescaleError);
    expect(() => getRule('cert_after_mediation')).toThrow(/Did you mean CERT_AFTER_MEDIATION/);
    expect(() => computeRule('NOPE', '2026-01-01')).toThrow(/Unknown rule "NOPE"/);
  });
});

describe('worked examples of docs/rules.md#worked-examples through the engine', () => {
  it.each(WORKED_EXAMPLES.map((e) => [e.id, e] as const))('%s', (_id, example) => {
    const [from, second] = example.dates;
    const result = computeRule(example.rule, from, second);
    expect(result.due).toBe(example.due);
    expect(result.lastWorkingDay).toBe(example.lastWorkingDay);
    expect(result.rule).toBe(example.rule);
    expect(result.from).toBe(from);
  });
});

describe('computeRule', () => {
  it('returns keys in print order', () => {
    expect(Object.keys(computeRule('CERT_AFTER_MEDIATION', '2026-12-24'))).toEqual(['rule', 'from', 'due', 'lastWorkingDay']);
    expect(Object.keys(computeRule('APPEAL', '2025-10-01', '2025-11-28'))).toEqual([
      'rule',
      'from',
      'certificate',
      'due',
      'lastWorkingDay',
    ]);
    expect(Object.keys(computeRule('REQUESTED_CHANGES', '2026-05-14'))).toEqual(['rule', 'from', 'due', 'lastWorkingDay', 'ideal']);
  });

  it('counts from a non-working trigger day to the next working day (domain docs/rules.md#counting-days)', () => {
    expect(computeRule('CERT_NO_MEDIATION', '2026-05-02').due).toBe('2026-05-07');
  });

  it('gives calendar-day rules no roll-forward but a last working day', () => {
    expect(computeRule('ARRANGE_MEDIATION', '2026-01-01')).toEqual({
      rule: 'ARRANGE_MEDIATION',
      from: '2026-01-01',
      due: '2026-01-31',
      lastWorkingDay: '2026-01-30',
    });
    expect(computeRule('ICB_ARRANGE', '2026-11-25').due).toBe('2026-12-25');
    expect(computeRule('ICB_ARRANGE', '2026-11-25').lastWorkingDay).toBe('2026-12-24');
    expect(computeRule('ICB_NOTIFY_LA', '2026-03-27').due).toBe('2026-04-03');
    expect(computeRule('ICB_NOTIFY_LA', '2026-03-27').lastWorkingDay).toBe('2026-04-02');
  });

  it('clamps months to the end of the target month', () => {
    expect(computeRule('ADVISER_CONTACT', '2025-12-31').due).toBe('2026-02-28');
    expect(computeRule('ADVISER_CONTACT', '2027-12-31').due).toBe('2028-02-29');
    expect(computeRule('ADVISER_CONTACT', '2026-08-31').due).toBe('2026-10-31');
    expect(computeRule('ADVISER_CONTACT', '2026-08-31').lastWorkingDay).toBe('2026-10-30');
  });

  it('counts the requested-changes deadline back from the meeting, with the ideal date', () => {
    expect(computeRule('REQUESTED_CHANGES', '2026-05-14')).toEqual({
      rule: 'REQUESTED_CHANGES',
      from: '2026-05-14',
      due: '2026-05-11',
      lastWorkingDay: '2026-05-11',
      ideal: '2026-05-07',
    });
    // Over Easter: Good Friday, the weekend and Easter Monday are skipped.
    expect(computeRule('REQUESTED_CHANGES', '2026-04-07').due).toBe('2026-03-31');
    // A Saturday meeting: counting starts from the Friday.
    expect(computeRule('REQUESTED_CHANGES', '2026-05-16').due).toBe('2026-05-13');
  });

  it('works out the T13b and T13c chains', () => {
    expect(computeRule('LA_PLAN_DRAFT', '2026-01-13').due).toBe('2026-02-17');
    expect(computeRule('LA_PLAN_FINAL', '2026-01-13').due).toBe('2026-03-31');
    expect(computeRule('LA_CHANGE_SCHOOL', '2026-01-13').due).toBe('2026-01-27');
    expect(computeRule('OTHER_ACTION', '2026-12-11').due).toBe('2026-12-25');
    expect(computeRule('OTHER_ACTION', '2026-12-11').lastWorkingDay).toBe('2026-12-24');
  });

  it('insists on the right number of dates', () => {
    expect(() => computeRule('APPEAL', '2025-10-01')).toThrow(/APPEAL takes two dates/);
    expect(() => computeRule('CERT_AFTER_MEDIATION', '2026-01-01', '2026-01-02')).toThrow(/takes one date/);
    expect(() => computeRule('APPEAL', '2025-10-01')).toThrow(expect.objectContaining({ code: 'WRONG_DATE_COUNT' }));
  });

  it('refuses bad dates', () => {
    expect(() => computeRule('CERT_AFTER_MEDIATION', '2026-02-30')).toThrow(/February 2026 has 28 days/);
    expect(() => computeRule('CERT_AFTER_MEDIATION', '26-12-2026')).toThrow(/YYYY-MM-DD/);
    expect(() => computeRule('APPEAL', '2025-10-01', '2025-11-31')).toThrow(/November 2025 has 30 days/);
  });

  it('refuses a computation that reaches a year outside the trusted range', () => {
    const outOfRange = (fn: () => unknown): void => {
      let caught: unknown;
      try {
        fn();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(TimescaleError);
      expect((caught as TimescaleError).code).toBe('OUT_OF_RANGE');
    };
    outOfRange(() => computeRule('CERT_AFTER_MEDIATION', '2019-06-03'));
    outOfRange(() => computeRule('CERT_AFTER_MEDIATION', '2040-06-04'));
    // The trigger is trusted but the result is not.
    outOfRange(() => computeRule('CERT_AFTER_MEDIATION', '2035-12-31'));
    outOfRange(() => computeRule('ADVISER_CONTACT', '2035-12-01'));
    outOfRange(() => computeRule('APPEAL', '2035-10-01', '2035-11-30'));
    outOfRange(() => computeRule('ARRANGE_MEDIATION', '2035-12-15'));
    const narrow = createCalendar({ trustedYears: { from: 2026, to: 2026 } });
    outOfRange(() => computeRule('CERT_AFTER_MEDIATION', '2025-12-31', undefined, narrow));
    expect(computeRule('CERT_AFTER_MEDIATION', '2026-12-24', undefined, narrow).due).toBe('2026-12-31');
  });

  it('uses extra non-working days from the calendar it is given', () => {
    const calendar = createCalendar({ extraNonWorkingDays: [{ date: '2026-12-29', name: 'Royal proclamation day' }] });
    expect(computeRule('CERT_AFTER_MEDIATION', '2026-12-24', undefined, calendar).due).toBe('2027-01-04');
  });
});

describe('APPEAL (T17)', () => {
  it.each([
    // [decision sent, certificate issued, due, adjustment]
    ['2025-10-01', '2025-11-28', '2026-01-02', 'christmas'],
    ['2026-01-10', '2026-01-01', '2026-03-10', 'none'],
    ['2026-01-14', '2026-01-01', '2026-03-16', 'nonWorkingDay'],
    ['2028-06-15', '2028-07-01', '2028-09-01', 'august'],
    ['2029-06-15', '2029-07-01', '2029-09-03', 'august'],
    ['2026-05-02', '2026-07-10', '2026-09-01', 'august'],
    ['2026-10-31', '2026-12-01', '2027-01-04', 'christmas'],
    ['2026-10-25', '2026-10-01', '2027-01-04', 'christmas'],
    // Sun 24 Dec 2028 is just before the closed period: r.12(2) moves it to the next working
    // day, Wed 27 Dec (25 and 26 are bank holidays). The later reading (2 Jan 2029) is named, not used.
    ['2028-10-24', '2028-10-01', '2028-12-27', 'nonWorkingDay'],
    // Sat 31 Jul 2027 ends in July: the next working day is Mon 2 Aug (not 1 Sep).
    ['2027-05-31', '2027-05-01', '2027-08-02', 'nonWorkingDay'],
    // The worked example: the later limb ends Sat 24 Dec 2033; Mon 26 and Tue 27 are bank holidays.
    ['2033-10-24', '2033-11-20', '2033-12-28', 'nonWorkingDay'],
    // Only the certificate limb matters when it is later.
    ['2026-01-05', '2026-04-30', '2026-06-01', 'nonWorkingDay'],
  ])('decision %s, certificate %s -> %s (%s)', (decision, certificate, due, adjustment) => {
    const appeal = computeAppealDeadline(decision, certificate);
    expect(appeal.due).toBe(due);
    expect(appeal.adjustment).toBe(adjustment);
    expect(computeRule('APPEAL', decision, certificate).due).toBe(due);
  });

  it('shows the earlier date where r.12 can be read two ways and keeps the later one to name it', () => {
    // Decision notice 2033-10-24, certificate 2033-11-20: the later limb ends Sat 24 Dec 2033.
    expect(computeAppealDeadline('2033-10-24', '2033-11-20')).toEqual({
      decisionLimit: '2033-12-24',
      certificateLimit: '2033-12-20',
      limit: '2033-12-24',
      due: '2033-12-28',
      adjustment: 'nonWorkingDay',
      laterReading: '2034-01-03',
    });
    // A limit that itself ends inside the closed period still moves past it.
    expect(computeAppealDeadline('2033-10-26', '2033-11-20')).toMatchObject({ limit: '2033-12-26', due: '2034-01-03', adjustment: 'christmas' });
  });
});
