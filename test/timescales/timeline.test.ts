import { CASE_TYPE_CODES, CASE_TYPE_LIST, CASE_TYPES, getCaseType, isCaseTypeCode } from '../../domain/caseTypes';
import { caseTimeline, TimescaleError, type CaseDates } from '../../domain/timescales';

describe('caseTimeline', () => {
  it('lists every deadline of a plan-content case, sorted by due date', () => {
    const timeline = caseTimeline({
      caseType: 'M-CONTENT',
      decisionNoticeSent: '2026-01-14',
      laInformed: '2026-02-02',
      meetingDate: '2026-02-26',
      mediationConcluded: '2026-02-26',
      certificateIssued: '2026-03-02',
      agreementDate: '2026-02-26',
      actionCategories: ['LA_AMEND_PLAN', 'OTHER_ACTION'],
    });
    expect(timeline.map((e) => [e.ruleId, e.due, e.lastWorkingDay])).toEqual([
      ['REQUESTED_CHANGES', '2026-02-23', '2026-02-23'],
      ['CERT_AFTER_MEDIATION', '2026-03-03', '2026-03-03'],
      ['ARRANGE_MEDIATION', '2026-03-04', '2026-03-04'],
      ['OTHER_ACTION', '2026-03-12', '2026-03-12'],
      ['ADVISER_CONTACT', '2026-03-14', '2026-03-13'],
      // Same day: rule-table order.
      ['LA_AMEND_PLAN', '2026-04-02', '2026-04-02'],
      ['APPEAL', '2026-04-02', '2026-04-02'],
    ]);
    const requested = timeline[0];
    expect(requested).toMatchObject({
      ruleId: 'REQUESTED_CHANGES',
      tNumber: 'T10',
      title: 'Send the requested plan changes',
      ideal: '2026-02-19',
      responsible: 'Provider or family',
      triggerDate: '2026-02-26',
      trigger: 'meeting date',
    });
    const appeal = timeline.find((e) => e.ruleId === 'APPEAL');
    expect(appeal).toMatchObject({
      tNumber: 'T17',
      responsible: 'Parent or young person',
      triggerDate: '2026-01-14',
      certificateIssued: '2026-03-02',
    });
    expect(appeal?.source).toMatch(/r\.20/);
    const cert = timeline.find((e) => e.ruleId === 'CERT_AFTER_MEDIATION');
    expect(cert).toMatchObject({ responsible: 'Mediator', triggerDate: '2026-02-26' });
    expect(timeline.some((e) => e.ruleId === 'NOTIFY_ICB')).toBe(false);
  });

  it('gives a DRS case no statutory clocks', () => {
    for (const caseType of ['D-DUTIES', 'D-PROVISION', 'D-HEALTH-SC', 'D-LA-ICB'] as const) {
      expect(
        caseTimeline({ caseType, decisionNoticeSent: '2026-01-14', laInformed: '2026-02-02', meetingDate: '2026-02-26' }),
      ).toEqual([]);
    }
  });

  it('gives a placement (section I only) case no adviser-contact deadline', () => {
    const timeline = caseTimeline({ caseType: 'M-PLACEMENT', decisionNoticeSent: '2026-01-14', meetingDate: '2026-02-26' });
    expect(timeline.map((e) => e.ruleId)).toEqual(['REQUESTED_CHANGES']);
    // The same dates on a refusal-to-assess case do need adviser contact, and no requested changes.
    expect(
      caseTimeline({ caseType: 'M-ASSESS', decisionNoticeSent: '2026-01-14', meetingDate: '2026-02-26' }).map((e) => e.ruleId),
    ).toEqual(['ADVISER_CONTACT']);
  });

  it('routes a health-only case through the ICB and gives it no appeal', () => {
    const timeline = caseTimeline({
      caseType: 'M-HEALTH',
      decisionNoticeSent: '2026-01-14',
      laInformed: '2026-02-02',
      icbNotified: '2026-02-04',
      mediationConcluded: '2026-03-02',
      certificateIssued: '2026-03-04',
    });
    expect(timeline.map((e) => e.ruleId)).toEqual(['NOTIFY_ICB', 'CERT_AFTER_MEDIATION', 'ICB_ARRANGE']);
    expect(timeline.map((e) => e.due)).toEqual(['2026-02-05', '2026-03-05', '2026-03-06']);
  });

  it('has the LA arrange a mixed health case and tell the ICB', () => {
    const ids = caseTimeline({ caseType: 'M-HEALTH-MIXED', laInformed: '2026-02-02', icbNotified: '2026-02-04' }).map(
      (e) => e.ruleId,
    );
    expect(ids).toEqual(['NOTIFY_ICB', 'ARRANGE_MEDIATION']);
  });

  it('expands agreement categories into their rules', () => {
    const timeline = caseTimeline({
      agreementDate: '2026-01-13',
      actionCategories: ['LA_ASSESS', 'LA_PLAN', 'ICB_NOTIFY_LA', 'LA_ASSESS', 'LA_CHANGE_SCHOOL'],
    });
    expect(timeline.map((e) => [e.ruleId, e.due])).toEqual([
      ['ICB_NOTIFY_LA', '2026-01-20'],
      ['LA_ASSESS_NOTIFY', '2026-01-27'],
      ['LA_CHANGE_SCHOOL', '2026-01-27'],
      ['LA_PLAN_DRAFT', '2026-02-17'],
      ['LA_ASSESS_DECIDE', '2026-03-24'],
      ['LA_PLAN_FINAL', '2026-03-31'],
      ['LA_ASSESS_FINAL', '2026-04-21'],
    ]);
    // No categories, no agreement clocks.
    expect(caseTimeline({ agreementDate: '2026-01-13' })).toEqual([]);
  });

  it('follows explicit flags over case-type defaults', () => {
    expect(caseTimeline({ caseType: 'M-CONTENT', meetingDate: '2026-02-26', isPlanContent: false })).toEqual([]);
    expect(caseTimeline({ meetingDate: '2026-02-26', isPlanContent: true }).map((e) => e.ruleId)).toEqual([
      'REQUESTED_CHANGES',
    ]);
    expect(caseTimeline({ laInformed: '2026-02-02', healthIssues: true }).map((e) => e.ruleId)).toEqual([
      'NOTIFY_ICB',
      'ARRANGE_MEDIATION',
    ]);
  });

  it('needs both dates for the appeal deadline', () => {
    expect(caseTimeline({ certificateIssued: '2026-03-02' })).toEqual([]);
    expect(caseTimeline({ decisionNoticeSent: '2025-10-01', certificateIssued: '2025-11-28' }).map((e) => [e.ruleId, e.due])).toEqual([
      ['ADVISER_CONTACT', '2025-12-01'],
      ['APPEAL', '2026-01-02'],
    ]);
  });

  it('returns nothing for an empty case', () => {
    expect(caseTimeline({})).toEqual([]);
  });

  it('rejects bad input with readable messages', () => {
    const bad = (value: unknown): TimescaleError => {
      try {
        caseTimeline(value as CaseDates);
      } catch (error) {
        if (error instanceof TimescaleError) return error;
        throw error;
      }
      throw new Error('expected a TimescaleError');
    };
    expect(bad({ meetingDate: '2026-02-30' }).message).toContain('meetingDate: "2026-02-30" is not a real date: February 2026 has 28 days.');
    expect(bad({ meetingDate: '2026-02-30' }).code).toBe('INVALID_INPUT');
    expect(bad({ meetngDate: '2026-02-20' }).message).toContain('meetngDate');
    expect(bad({ caseType: 'M-OTHER' }).message).toContain('caseType');
    expect(bad({ actionCategories: ['LA_NOTHING'] }).message).toContain('actionCategories');
    expect(bad(null).code).toBe('INVALID_INPUT');
    expect(() => caseTimeline({ mediationConcluded: '2040-01-02' })).toThrow(/outside the years/);
  });
});

describe('case types', () => {
  it('lists the codes of docs/rules.md#case-types-and-who-attends with their flags', () => {
    expect(CASE_TYPE_CODES).toHaveLength(14);
    expect(CASE_TYPE_LIST.map((t) => t.code)).toEqual([...CASE_TYPE_CODES]);
    for (const code of CASE_TYPE_CODES) {
      expect(CASE_TYPES[code].code).toBe(code);
      expect(CASE_TYPES[code].isDrs).toBe(code.startsWith('D-'));
      expect(getCaseType(code).label.length).toBeGreaterThan(5);
    }
    expect(getCaseType('M-PLACEMENT')).toMatchObject({ appealable: true, certificateNeeded: false });
    expect(getCaseType('M-HEALTH')).toMatchObject({ appealable: false, certificateNeeded: false, arrangedBy: 'ICB' });
    expect(getCaseType('M-SOCIAL')).toMatchObject({ appealable: false, certificateNeeded: false });
    expect(getCaseType('M-CONTENT')).toMatchObject({ appealable: true, certificateNeeded: true, planContent: true });
    expect(getCaseType('D-DUTIES')).toMatchObject({ appealable: false, isDrs: true });
    expect(isCaseTypeCode('M-CEASE')).toBe(true);
    expect(isCaseTypeCode('M-OTHER')).toBe(false);
  });
});
