/**
 * Every figure of the service view on hand-built cases, with the edges of the limits: a meeting
 * on the 30th day and the 31st, a certificate on the 3rd working day across Christmas.
 */
import type { Case } from '../../domain/cases';
import { buildServiceReport, serviceCases, type ServiceAnswer, type ServiceChart, type ServiceData, type ServiceQuery } from '../../domain/service';
import { CO, LEAD } from '../outcome/outcomeFixtures';
import { calendar, caseWith, certificateFor, data, heldMeeting, outcomeFor } from './serviceFixtures';

const NOW = new Date('2027-01-20T12:00:00Z');
const DEC: ServiceQuery = { period: 'month', from: '2026-12-01', to: '2026-12-31' };

function build(d: ServiceData, query: ServiceQuery = DEC, now: Date = NOW) {
  return buildServiceReport(d, query, { now, calendar, csvUrl: '/tab/api/service.csv', linkFor: (id) => `https://example.test/tab/#case=${id}` });
}

function chart(answer: ServiceAnswer, id: ServiceChart['id']): ServiceChart {
  const found = answer.charts.find((c) => c.id === id);
  if (!found) throw new Error(`no chart ${id}`);
  return found;
}

function cells(answer: ServiceAnswer, chartId: ServiceChart['id'], rowId: string): (number | null)[] {
  const row = chart(answer, chartId).rows.find((r) => r.id === rowId);
  if (!row) throw new Error(`no row ${rowId}`);
  return row.cells.map((c) => c.value);
}

describe('mediation held within 30 days of the LA being told', () => {
  const onThe30th = caseWith({ laInformed: '2026-11-01', meetingDate: '2026-12-01' });
  const onThe31st = caseWith({ laInformed: '2026-11-01', meetingDate: '2026-12-02' });
  const d = data({
    cases: [onThe30th, onThe31st],
    meetings: [heldMeeting(onThe30th, '2026-12-01T10:00:00Z'), heldMeeting(onThe31st, '2026-12-02T10:00:00Z')],
  });

  it('counts a meeting on the 30th day as on time and one on the 31st as a day late', () => {
    const report = build(d);
    expect(cells(report.answer, 'timeliness', 'thirty_day')).toEqual([50, 1, 1]);
    expect(report.figures.get('timeliness.thirty_day.on_time')).toEqual([onThe30th.id]);
    expect(report.figures.get('timeliness.thirty_day.late')).toEqual([onThe31st.id]);
  });

  it('lists the late case with how late it was', () => {
    const late = build(d).answer.late.filter((l) => l.measure === 'Mediation held within 30 days');
    expect(late).toEqual([
      expect.objectContaining({ caseId: onThe31st.id, caseReference: onThe31st.caseReference, measure: 'Mediation held within 30 days', lateBy: 1, lateText: '1 day late', dueText: 'by Tue 1 Dec 2026', actualText: 'held Wed 2 Dec 2026' }),
    ]);
    expect(late[0]?.link).toContain(onThe31st.id);
  });

  it('lists the 50 most recent late cases of many, says how many there were, and keeps every one behind the figure', () => {
    // 60 mediations held a day late, one on each of 60 days: 1 Dec to 29 Jan.
    const cases = Array.from({ length: 60 }, (_, i) => {
      const held = new Date(Date.UTC(2026, 11, 1 + i, 10));
      const told = new Date(held.getTime() - 31 * 86_400_000).toISOString().slice(0, 10);
      return { c: caseWith({ laInformed: told, meetingDate: held.toISOString().slice(0, 10) }), held: held.toISOString() };
    });
    const meetings = cases.map((x) => heldMeeting(x.c, x.held));
    // Each certificate the next day, on time: only the 30 days are missed.
    const certificates = cases.map((x, i) => certificateFor(x.c, meetings[i]!, new Date(new Date(x.held).getTime() + 86_400_000).toISOString()));
    const many = data({ cases: cases.map((x) => x.c), meetings, certificates });
    const report = build(many, { period: 'custom', from: '2026-12-01', to: '2027-01-31' }, new Date('2027-02-10T12:00:00Z'));
    expect(report.answer.lateTotal).toBe(60);
    expect(report.answer.late).toHaveLength(50);
    // Latest first: the list starts at 29 Jan and stops at 10 Dec.
    expect(report.answer.late[0]).toMatchObject({ caseId: cases[59]!.c.id, actualText: 'held Fri 29 Jan 2027' });
    expect(report.answer.late[49]).toMatchObject({ caseId: cases[10]!.c.id });
    expect(report.figures.get('timeliness.thirty_day.late')).toHaveLength(60);
  });

  it('counts a mediation never held as late in the period its limit passed, until it is held', () => {
    const waiting = caseWith({ laInformed: '2026-11-10', meetingDate: '2027-01-15' });
    const nov = build(data({ cases: [waiting] }), { period: 'month', from: '2026-12-01', to: '2026-12-31' }, new Date('2026-12-20T12:00:00Z'));
    expect(cells(nov.answer, 'timeliness', 'thirty_day')).toEqual([0, 0, 1]);
    expect(nov.answer.late[0]).toMatchObject({ actualText: 'not held', lateBy: 10, lateText: 'not held, 10 days past the limit' });
    // Before the limit has passed nothing is counted: the LA still has time.
    const early = build(data({ cases: [waiting] }), DEC, new Date('2026-12-05T12:00:00Z'));
    expect(cells(early.answer, 'timeliness', 'thirty_day')).toEqual([null, 0, 0]);
  });

  it('does not count a case the family withdrew before the limit', () => {
    const base = caseWith({ laInformed: '2026-11-10', meetingDate: '2027-01-15' });
    const withdrawn: Case = { ...base, state: 'WITHDRAWN', ending: { kind: 'withdraw', reason: 'family_choice', date: '2026-11-20', by: LEAD.aadObjectId, at: '2026-11-20T10:00:00.000Z', previousState: 'SCHEDULING' } };
    const report = build(data({ cases: [withdrawn] }));
    expect(cells(report.answer, 'timeliness', 'thirty_day')).toEqual([null, 0, 0]);
    expect(cells(report.answer, 'results', 'withdrawn')).toEqual([0, 0]);
    expect(cells(build(data({ cases: [withdrawn] }), { period: 'month', from: '2026-11-01', to: '2026-11-30' }).answer, 'results', 'withdrawn')).toEqual([1, 0]);
  });
});

describe('certificates within 3 working days', () => {
  // Concluded Thu 24 Dec 2026: Fri 25 and Mon 28 Dec (Boxing Day moved) are bank holidays, so the
  // 3rd working day is Thu 31 Dec.
  const c1 = caseWith({ laInformed: '2026-11-30', meetingDate: '2026-12-24' });
  const c2 = caseWith({ laInformed: '2026-11-30', meetingDate: '2026-12-24' });
  const m1 = heldMeeting(c1, '2026-12-24T10:00:00Z');
  const m2 = heldMeeting(c2, '2026-12-24T10:00:00Z');
  const onTime = certificateFor(c1, m1, '2026-12-31T15:00:00Z');
  const late = certificateFor(c2, m2, '2027-01-04T09:00:00Z');

  it('counts a certificate on the 3rd working day across the Christmas bank holidays as on time', () => {
    const report = build(data({ cases: [c1], meetings: [m1], certificates: [onTime] }));
    expect(cells(report.answer, 'timeliness', 'certificate')).toEqual([100, 1, 0]);
  });

  it('counts the next working day (after New Year) as late, in the period of its issue', () => {
    const jan = build(data({ cases: [c2], meetings: [m2], certificates: [late] }), { period: 'month', from: '2027-01-01', to: '2027-01-31' });
    expect(cells(jan.answer, 'timeliness', 'certificate')).toEqual([0, 0, 1]);
    expect(jan.answer.late).toEqual([expect.objectContaining({ caseId: c2.id, measure: 'Certificate within 3 working days', dueText: 'by Thu 31 Dec 2026', lateBy: 4, lateText: '4 days late' })]);
  });

  it('counts a concluded mediation with no certificate as late once its due date has passed', () => {
    const report = build(data({ cases: [c2], meetings: [m2] }));
    expect(cells(report.answer, 'timeliness', 'certificate')).toEqual([0, 0, 1]);
    expect(report.answer.late.find((l) => l.measure.startsWith('Certificate'))).toMatchObject({ actualText: 'not issued' });
  });

  it('counts certificates issued per month in the flow, first issues only', () => {
    const report = build(data({ cases: [c1, c2], meetings: [m1, m2], certificates: [onTime, late] }), { period: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(chart(report.answer, 'flow').rows.map((r) => [r.label, ...r.cells.map((c) => c.value)])).toEqual([
      ['Oct 2026', 0, 0, 0],
      // Referred when the LA was told (30 Nov); held and certified in December.
      ['Nov 2026', 2, 0, 0],
      ['Dec 2026', 0, 2, 1],
    ]);
  });
});

describe('outcome within 24 hours and amended plans', () => {
  const c = caseWith({ caseType: 'M-CONTENT', laInformed: '2026-11-20', meetingDate: '2026-12-10' });
  const m = heldMeeting(c, '2026-12-10T10:00:00Z', 'full'); // closed 12:00
  const other = caseWith({ caseType: 'M-CONTENT', laInformed: '2026-11-20', meetingDate: '2026-12-10' });
  const mOther = heldMeeting(other, '2026-12-10T10:00:00Z', 'partial');

  it('is on time at 23 hours after the close and late at 25 hours', () => {
    const report = build(data({ cases: [c, other], meetings: [m, mOther], outcomes: [outcomeFor(c, m, '2026-12-11T11:00:00.000Z'), outcomeFor(other, mOther, '2026-12-11T13:00:00.000Z')] }));
    expect(cells(report.answer, 'timeliness', 'outcome')).toEqual([50, 1, 1]);
    expect(report.figures.get('timeliness.outcome.late')).toEqual([other.id]);
  });

  it('counts an outcome not yet published as late only once the 24 hours have passed', () => {
    const d = data({ cases: [c], meetings: [m] });
    expect(cells(build(d, DEC, new Date('2026-12-11T11:00:00Z')).answer, 'timeliness', 'outcome')).toEqual([null, 0, 0]);
    expect(cells(build(d, DEC, new Date('2026-12-11T13:00:00Z')).answer, 'timeliness', 'outcome')).toEqual([0, 0, 1]);
  });

  it('counts amended plans received against the plan-content agreements that expect one', () => {
    const noAgreement = caseWith({ caseType: 'M-CONTENT', laInformed: '2026-11-20', meetingDate: '2026-12-10' });
    const mNone = heldMeeting(noAgreement, '2026-12-10T10:00:00Z', 'none');
    const report = build(
      data({ cases: [c, other, noAgreement], meetings: [m, mOther, mNone], outcomes: [outcomeFor(c, m, '2026-12-11T11:00:00.000Z', '2026-12-12T09:00:00.000Z'), outcomeFor(other, mOther, '2026-12-11T11:00:00.000Z')] }),
    );
    expect(cells(report.answer, 'timeliness', 'amended_plan')).toEqual([50, 1, 1]);
    expect(report.figures.get('timeliness.amended_plan.late')).toEqual([other.id]);
  });
});

describe('local authorities agreed actions', () => {
  it('shares the actions due in the period done by their due date, per LA, leaving out those not yet due', () => {
    const a = caseWith({ localAuthority: 'Northshire County Council' });
    const b = caseWith({ localAuthority: 'Southshire Council' });
    const report = build(
      data({
        cases: [a, b],
        actions: [
          { caseId: a.id, actionId: 'a1', dueDate: '2026-12-10', doneOn: '2026-12-10' },
          { caseId: a.id, actionId: 'a2', dueDate: '2026-12-10', doneOn: '2026-12-11' },
          { caseId: a.id, actionId: 'a3', dueDate: '2026-12-15' },
          { caseId: b.id, actionId: 'b1', dueDate: '2026-12-28' },
          { caseId: b.id, actionId: 'b2', dueDate: '2026-11-28', doneOn: '2026-11-01' },
        ],
      }),
      DEC,
      new Date('2026-12-20T12:00:00Z'),
    );
    const la = chart(report.answer, 'la_actions');
    expect(la.rows.map((r) => [r.label, ...r.cells.map((x) => x.value)])).toEqual([['Northshire County Council', 33, 1, 2]]);
    expect(la.note).toBeUndefined();
    expect(report.figures.get('la_actions.northshire-county-council.late')).toEqual([a.id]);
  });
});

describe('results', () => {
  it('counts full, partial, no agreement, adjourned and withdrawn, with DRS apart', () => {
    const make = (caseType: 'M-ASSESS' | 'D-DUTIES' = 'M-ASSESS') => caseWith({ caseType, laInformed: '2026-11-20', meetingDate: '2026-12-10' });
    const full = make();
    const partial = make();
    const none = make();
    const adjourned = make();
    const drsBase = make('D-DUTIES');
    const drs: Case = { ...drsBase, state: 'WITHDRAWN', ending: { kind: 'withdraw', reason: 'family_choice', date: '2026-12-07', by: LEAD.aadObjectId, at: '2026-12-07T10:00:00.000Z', previousState: 'DRS_AGREED' } };
    const resumed = make();
    const first = heldMeeting(resumed, '2026-12-03T10:00:00Z', 'adjourned');
    const base = make();
    const withdrawn: Case = { ...base, state: 'WITHDRAWN', ending: { kind: 'withdraw', reason: 'family_choice', date: '2026-12-05', by: LEAD.aadObjectId, at: '2026-12-05T10:00:00.000Z', previousState: 'SCHEDULING' } };
    const report = build(
      data({
        cases: [full, partial, none, adjourned, drs, resumed, withdrawn],
        meetings: [
          heldMeeting(full, '2026-12-10T10:00:00Z', 'full'),
          heldMeeting(partial, '2026-12-10T10:00:00Z', 'partial'),
          heldMeeting(none, '2026-12-10T10:00:00Z', 'none'),
          heldMeeting(adjourned, '2026-12-10T10:00:00Z', 'adjourned'),
          first,
          heldMeeting(resumed, '2026-12-10T10:00:00Z', 'full', first),
        ],
      }),
    );
    const results = chart(report.answer, 'results');
    expect(Object.fromEntries(results.rows.map((r) => [r.id, r.cells.map((x) => x.value)]))).toEqual({
      full: [2, 0],
      partial: [1, 0],
      none: [1, 0],
      ended_early: [0, 0],
      adjourned: [1, 0],
      withdrawn: [1, 1],
    });
    expect(results.summary).toContain('3 of 4 concluded mediations reached agreement (75%): 2 full, 1 partial, 1 none, 0 ended early; 1 adjourned, 1 withdrawn');
    expect(results.summary).toContain('Disagreement resolution, counted apart: 1 result.');
  });
});

describe('time from the LA being told to the meeting', () => {
  it('gives the median and the spread of the mediations held in the period', () => {
    const held = [10, 20, 30, 40].map((days) => {
      const c = caseWith({ laInformed: '2026-11-01', meetingDate: '2026-12-31' });
      const date = new Date(Date.UTC(2026, 10, 1 + days, 10));
      return { c, m: heldMeeting(c, date.toISOString()) };
    });
    const report = build(data({ cases: held.map((h) => h.c), meetings: held.map((h) => h.m) }), { period: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    const lead = chart(report.answer, 'lead_time');
    expect(lead.rows.map((r) => [r.id, r.cells[0]?.value])).toEqual([
      ['median', 25],
      ['lower_quartile', 17.5],
      ['upper_quartile', 32.5],
      ['min', 10],
      ['max', 40],
    ]);
    expect(lead.summary).toBe('From the LA being told to the first session, over 4 mediations held in this period: median 25 days, half between 17.5 and 32.5 days, shortest 10, longest 40.');
    expect(report.figures.get('lead_time')).toHaveLength(4);
  });
});

describe('experience', () => {
  it('averages the feedback of the period by role, and hides an average of fewer than 5 answers', () => {
    const parent = (fairness: number, clarity: number, wouldUseAgain: boolean, givenOn: string) => ({ caseType: 'M-ASSESS', role: 'parent_carer', fairness, clarity, wouldUseAgain, givenOn });
    const report = build(
      data({
        feedback: [
          parent(4, 5, true, '2026-12-02'),
          parent(3, 4, false, '2026-12-03'),
          parent(4, 4, true, '2026-12-03'),
          parent(5, 5, true, '2026-12-04'),
          parent(4, 3, true, '2026-12-05'),
          { caseType: 'M-CONTENT', role: 'la_officer', fairness: 5, clarity: 5, wouldUseAgain: true, givenOn: '2026-12-04' },
        ],
      }),
    );
    const exp = chart(report.answer, 'experience');
    expect(exp.rows.map((r) => [r.id, ...r.cells.map((x) => x.value)])).toEqual([
      // One officer's answer would be that officer's rating: only the count is shown.
      ['la_officer', null, null, null, 1],
      ['parent_carer', 4, 4.2, 80, 5],
    ]);
    expect(exp.rows[0]?.cells[0]?.text).toBe('fewer than 5 answers');
    expect(exp.summary).toBe('6 feedback answers from 2 roles: fairness 4.2 out of 5 on average, clarity 4.3.');
    const onlyOne = build(data({ feedback: [parent(2, 2, false, '2026-12-02')] }));
    expect(chart(onlyOne.answer, 'experience').summary).toBe("1 feedback answer: averages of fewer than 5 answers are not shown, so that no one's answer can be read from them.");
    const otherType = build(data({ feedback: [parent(2, 2, false, '2026-12-02')] }), { ...DEC, caseType: 'M-CONTENT' });
    expect(chart(otherType.answer, 'experience').rows).toEqual([]);
    expect(chart(otherType.answer, 'experience').summary).toBe('No feedback was given in cases of this type in this period.');
  });
});

describe('filters, options and the cases behind a figure', () => {
  const north = caseWith({ localAuthority: 'Northshire County Council', laInformed: '2026-11-05', meetingDate: '2026-12-03' });
  const south = caseWith({ localAuthority: 'Southshire Council', caseType: 'M-ISSUE', laInformed: '2026-11-05', meetingDate: '2026-12-03' });
  const coMediated: Case = { ...south, mediators: [...south.mediators, { aadObjectId: CO.aadObjectId, displayName: CO.displayName, lead: false, addedBy: LEAD.aadObjectId, addedAt: '2026-12-01T10:00:00.000Z' }] };
  const d = data({ cases: [north, coMediated], meetings: [heldMeeting(north, '2026-12-03T10:00:00Z'), heldMeeting(coMediated, '2026-12-08T10:00:00Z')] });

  it('offers every LA, case type and mediator of the period, whatever the filter', () => {
    const { answer } = build(d, { ...DEC, localAuthority: 'Southshire Council' });
    expect(answer.options.localAuthorities).toEqual(['Northshire County Council', 'Southshire Council']);
    expect(answer.options.caseTypes.map((t) => t.id)).toEqual(['M-ASSESS', 'M-ISSUE']);
    expect(answer.options.mediators.map((m) => m.name)).toEqual([CO.displayName, LEAD.displayName].sort());
    expect(answer.caseCount).toBe(1);
    expect(answer.query).toEqual({ ...DEC, localAuthority: 'Southshire Council' });
  });

  it('filters by local authority, case type and mediator', () => {
    expect(cells(build(d, { ...DEC, localAuthority: 'Southshire Council' }).answer, 'timeliness', 'thirty_day')).toEqual([0, 0, 1]);
    expect(cells(build(d, { ...DEC, caseType: 'M-ASSESS' }).answer, 'timeliness', 'thirty_day')).toEqual([100, 1, 0]);
    expect(cells(build(d, { ...DEC, mediatorId: CO.aadObjectId.toUpperCase() }).answer, 'timeliness', 'thirty_day')).toEqual([0, 0, 1]);
    expect(cells(build(d, { ...DEC, mediatorId: LEAD.aadObjectId }).answer, 'timeliness', 'thirty_day')).toEqual([50, 1, 1]);
  });

  it('lists the cases behind a figure, and knows no figure it did not draw', () => {
    const report = build(d);
    const late = serviceCases(report, 'timeliness.thirty_day.late');
    expect(late).toEqual({
      figure: 'timeliness.thirty_day.late',
      title: 'Mediation held within 30 days of the LA being told: Late, December 2026',
      cases: [{ caseId: south.id, caseReference: south.caseReference, caseTypeLabel: 'Refusal to issue an EHC plan after assessment', localAuthority: 'Southshire Council', stateLabel: expect.any(String) }],
    });
    expect(serviceCases(report, 'flow.meetings.2026-12')?.title).toBe('Meetings: Dec 2026, December 2026');
    expect(serviceCases(report, 'flow.meetings.2026-12')?.cases).toHaveLength(2);
    expect(serviceCases(report, 'nothing.here')).toBeUndefined();
  });

  it('gives every chart a text alternative and a cell per column', () => {
    const { answer } = build(d);
    expect(answer.charts.map((c) => c.id)).toEqual(['timeliness', 'la_actions', 'results', 'flow', 'lead_time', 'experience']);
    for (const c of answer.charts) {
      expect(c.summary.length).toBeGreaterThan(20);
      for (const r of c.rows) expect(r.cells).toHaveLength(c.columns.length);
    }
    expect(chart(answer, 'timeliness').summary).toContain('mediations held within 30 days: 1 of 2 cases (50%)');
  });
});
