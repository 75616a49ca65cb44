/** domain/dashboard: the clock words, the case rows and timeline, and the chart layout. */
import { addParty, createCase, type Case } from '../../domain/cases';
import {
  caseDetail,
  caseSummary,
  daysLeft,
  deadlineStatus,
  endOfWeek,
  layoutTimeline,
  sortSummaries,
  type DashboardSource,
} from '../../domain/dashboard';
import type { PreparationBoard } from '../../domain/preparation';
import { parseIsoDate } from '../../domain/timescales';
import { CLOSED_AT, closedMeeting, OFFICER as MEETING_OFFICER, reminderCase } from '../reminders/reminderFixtures';

const MEDIATOR = { aadObjectId: '00000000-0000-0000-0000-0000000000a1', displayName: 'Maya Patel' };
const PARENT = '00000000-0000-0000-0000-0000000000b1';
const OFFICER = '00000000-0000-0000-0000-0000000000c1';

function makeCase(dates: Case['dates'], createdAt = new Date('2026-10-20T09:00:00Z'), caseType: Case['caseType'] = 'M-CONTENT'): Case {
  let c = createCase(
    { caseReference: 'SM-1', caseType, childInitials: 'JS', isYoungPerson: false, localAuthority: 'Northshire', dates, meetingFormat: 'online' },
    MEDIATOR,
    'p',
    createdAt,
  );
  for (const [id, role, name] of [
    [PARENT, 'parent_carer', 'Sam Jones'],
    [OFFICER, 'la_officer', 'Priya Shah'],
  ] as const) {
    const next = addParty(c, { role, displayName: name, aadObjectId: id, how: 'roster' }, MEDIATOR.aadObjectId, createdAt);
    if (next instanceof Error) throw next;
    c = next;
  }
  return c;
}

const source = (c: Case, over: Partial<DashboardSource> = {}): DashboardSource => ({ c, facts: {}, termsStatuses: [], ...over });

describe('the clock', () => {
  const now = new Date('2026-12-03T10:00:00Z'); // Thursday

  it('counts working days for a working-day rule and calendar days otherwise', () => {
    // T7, from Thu 3 Dec to Tue 8 Dec: Fri, Mon, Tue = 3 working days (5 calendar days).
    expect(daysLeft({ ruleId: 'CERT_AFTER_MEDIATION', due: '2026-12-08' }, '2026-12-03', now)).toEqual({ amount: 3, unit: 'working_days', text: '3 working days left' });
    expect(daysLeft({ ruleId: 'ARRANGE_MEDIATION', due: '2026-12-08' }, '2026-12-03', now)).toEqual({ amount: 5, unit: 'days', text: '5 days left' });
    expect(daysLeft({ due: '2026-12-08' }, '2026-12-03', now).unit).toBe('days');
  });

  it('skips Christmas and the Boxing Day substitute in working days', () => {
    // Thu 24 Dec 2026 -> Tue 29 Dec: Fri 25 (Christmas), Sat, Sun, Mon 28 (substitute) are not working days.
    expect(daysLeft({ ruleId: 'CERT_AFTER_MEDIATION', due: '2026-12-29' }, '2026-12-24', now).text).toBe('1 working day left');
  });

  it('says overdue, due today, and hours for a target set in hours', () => {
    expect(daysLeft({ ruleId: 'ARRANGE_MEDIATION', due: '2026-12-01' }, '2026-12-03', now).text).toBe('overdue by 2 days');
    expect(daysLeft({ ruleId: 'ARRANGE_MEDIATION', due: '2026-12-03' }, '2026-12-03', now).text).toBe('due today');
    expect(daysLeft({ due: '2026-12-04', dueAt: '2026-12-04T08:00:00Z' }, '2026-12-03', now).text).toBe('22 hours left');
    expect(daysLeft({ due: '2026-12-03', dueAt: '2026-12-03T07:30:00Z' }, '2026-12-03', now).text).toBe('overdue by 3 hours');
  });

  it('ends the week on Sunday', () => {
    expect(endOfWeek('2026-12-03')).toBe(parseIsoDate('2026-12-06'));
    expect(endOfWeek('2026-12-06')).toBe(parseIsoDate('2026-12-06'));
    expect(endOfWeek('2026-12-07')).toBe(parseIsoDate('2026-12-13'));
  });

  it('gives each deadline one status', () => {
    const s = (due: string, open = true, dueAt?: string) => deadlineStatus({ due, open, ...(dueAt ? { dueAt } : {}) }, '2026-12-03', now);
    expect(s('2026-12-02')).toBe('overdue');
    expect(s('2026-12-03')).toBe('due_today');
    expect(s('2026-12-06')).toBe('due_this_week');
    expect(s('2026-12-07')).toBe('upcoming');
    expect(s('2026-12-01', false)).toBe('done');
    expect(s('2026-12-03', true, '2026-12-03T09:00:00Z')).toBe('overdue');
  });
});

describe('case rows and timeline', () => {
  const now = new Date('2026-12-03T10:00:00Z');

  it('shows a missed 30-day limit as overdue, in a word and in days', () => {
    const c = makeCase({ laInformed: '2026-10-20' });
    const row = caseSummary(source(c), { viewer: MEDIATOR.aadObjectId, now });
    expect(row.next).toMatchObject({ title: 'Hold the mediation', due: '2026-11-19', dueText: 'Thu 19 Nov 2026', status: 'overdue', statusWord: 'Overdue' });
    expect(row.next?.left.text).toBe('overdue by 14 days');
    expect(row.overdueCount).toBe(1);
    expect(row.dueThisWeek).toBe(true);
    expect(row.myRole).toBe('Lead mediator');
    expect(row.stage).toBe('before');
  });

  it("marks as the party's own only what they have to do", () => {
    const c = makeCase({ laInformed: '2026-10-20' });
    const officer = caseDetail(source(c), { viewer: OFFICER, now });
    const parent = caseDetail(source(c), { viewer: PARENT, now });
    const t3 = (d: typeof officer) => d.deadlines.find((x) => x.title === 'Hold the mediation');
    expect(t3(officer)?.mine).toBe(true);
    expect(t3(parent)?.mine).toBe(false);
    expect(officer.myTasks.map((x) => x.title)).toContain('Hold the mediation');
    expect(parent.myTasks.map((x) => x.title)).not.toContain('Hold the mediation');
    expect(parent.myRole).toBe('Parent or carer');
  });

  it('puts the referral, the LA informed, the meeting and the deadlines on one timeline in date order', () => {
    const c = makeCase({ decisionNoticeSent: '2026-10-05', laInformed: '2026-11-16', meetingDate: '2026-12-10', meetingTime: '10:00' }, new Date('2026-11-16T09:00:00Z'));
    const d = caseDetail(source(c), { viewer: MEDIATOR.aadObjectId, now });
    const ids = d.timeline.map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining(['referral', 'decision', 'la-informed', 'meeting']));
    const dates = d.timeline.map((p) => p.date);
    expect(dates).toEqual([...dates].sort());
    const meeting = d.timeline.find((p) => p.id === 'meeting');
    expect(meeting).toMatchObject({ kind: 'event', status: 'planned', word: 'Planned', dateText: 'Thu 10 Dec 2026' });
    // The meeting is fixed inside the 30 days, so T3 is done and says why.
    const t3 = d.deadlines.find((x) => x.title === 'Hold the mediation');
    expect(t3).toMatchObject({ status: 'done', statusWord: 'Done' });
    expect(t3?.doneText).toMatch(/within the 30 days/);
    expect(d.timeline.find((p) => p.id === t3?.id)?.label).toBe('T3 Hold the mediation (30-day limit)');
  });

  it("adds the certificate's appeal-by date when the case has no decision notice date", () => {
    const c = makeCase({ laInformed: '2026-10-20', meetingDate: '2026-11-10', meetingTime: '10:00' });
    const d = caseDetail(source(c, { certificate: { issueDate: '2026-11-12', appealBy: '2027-01-12' } }), { viewer: PARENT, now });
    expect(d.timeline.find((p) => p.id === 'appeal-by')).toMatchObject({ date: '2027-01-12', dateText: 'Tue 12 Jan 2027', kind: 'deadline', status: 'upcoming' });
    expect(d.timeline.find((p) => p.id === 'certificate')).toMatchObject({ status: 'happened' });
  });

  it('treats a deadline marked done in the reminders store as done', () => {
    const c = makeCase({ laInformed: '2026-10-20' });
    const open = caseSummary(source(c), { viewer: MEDIATOR.aadObjectId, now });
    const id = open.next?.id ?? '';
    const closed = caseSummary(source(c, { doneDeadlineIds: new Set([id]) }), { viewer: MEDIATOR.aadObjectId, now });
    expect(closed.overdueCount).toBe(0);
    expect(closed.next?.id).not.toBe(id);
  });

  it("after the meeting: the outcome's hours, each agreed action's due date, and the LA's own tasks", () => {
    const open = reminderCase();
    const meeting = closedMeeting(open);
    const c = { ...open, state: 'CONCLUDED_PARTIAL_AGREEMENT' as const };
    const after = new Date(CLOSED_AT.getTime() + 2 * 3_600_000);
    const officer = caseDetail(source(c, { meeting }), { viewer: MEETING_OFFICER.aadObjectId, now: after });
    const outcome = officer.deadlines.find((d) => d.title === 'Send the outcome statement');
    expect(outcome?.left.text).toBe('22 hours left');
    const actionPoints = officer.timeline.filter((p) => p.kind === 'deadline' && p.id.includes('|action|'));
    expect(actionPoints.length).toBeGreaterThanOrEqual(2);
    expect(actionPoints.map((p) => p.label).join(' ')).toMatch(/amended plan/i);
    expect(officer.myTasks.some((t) => t.id.includes('action-amend-0001'))).toBe(true);
    expect(officer.stage).toBe('after');
    const published = caseDetail(source(c, { meeting, outcomePublishedOn: '2026-12-17', facts: { outcomePublishedAt: after.toISOString() } }), {
      viewer: MEETING_OFFICER.aadObjectId,
      now: after,
    });
    expect(published.timeline.find((p) => p.id === 'outcome')).toMatchObject({ kind: 'event', dateText: 'Thu 17 Dec 2026' });
    expect(published.deadlines.find((d) => d.id === outcome?.id)?.status).toBe('done');
    // The next step: the amended plan while the outcome is owed (never overdue at the close), then the officer's own actions.
    expect(officer.nextTask).toMatch(/^Send the amended plan wording/);
    expect(officer.deadlines.find((d) => d.tNumber === 'T9')?.status).not.toBe('overdue');
    expect(published.nextTask).toBe("Your 2 agreed actions, first: Carry out an EHC needs re-assessment by Thu 31 Dec 2026.");
  });

  it('sorts the most urgent case first', () => {
    const late = caseSummary(source(makeCase({ laInformed: '2026-10-20' })), { viewer: MEDIATOR.aadObjectId, now });
    const calm = caseSummary(source({ ...makeCase({ laInformed: '2026-11-30' }), caseReference: 'SM-0' }), { viewer: MEDIATOR.aadObjectId, now });
    expect(sortSummaries([calm, late]).map((r) => r.caseReference)).toEqual(['SM-1', 'SM-0']);
  });
});

describe('timeline layout', () => {
  const points = [
    { id: 'a', date: '2026-10-01' },
    { id: 'b', date: '2026-10-02' },
    { id: 'c', date: '2026-10-03' },
    { id: 'd', date: '2026-12-31' },
  ];

  it('keeps the points in date order across the width, and labels inside it', () => {
    const l = layoutTimeline(points, { width: 320, padding: 10, labelWidth: 140 });
    expect(l.points.map((p) => p.x)).toEqual([...l.points.map((p) => p.x)].sort((x, y) => x - y));
    expect(l.points[0]?.x).toBe(10);
    expect(l.points[3]?.x).toBe(310);
    for (const p of l.points) {
      expect(p.labelX).toBeGreaterThanOrEqual(10);
      expect(p.labelX + 140).toBeLessThanOrEqual(310);
    }
  });

  it('never lets two labels on one row overlap', () => {
    const l = layoutTimeline(points, { width: 320, padding: 10, labelWidth: 140 });
    for (const a of l.points) {
      for (const b of l.points) {
        if (a === b || a.row !== b.row) continue;
        expect(a.labelX + 140 <= b.labelX || b.labelX + 140 <= a.labelX).toBe(true);
      }
    }
    expect(l.rows).toBeGreaterThan(1);
  });

  it('marks today only inside the axis, and centres a single point', () => {
    expect(layoutTimeline(points, { width: 320, padding: 10, labelWidth: 140, today: '2026-11-15' }).todayX).toBeGreaterThan(10);
    expect(layoutTimeline(points, { width: 320, padding: 10, labelWidth: 140, today: '2027-02-01' }).todayX).toBeUndefined();
    expect(layoutTimeline([{ id: 'x', date: '2026-10-01' }], { width: 300, padding: 10, labelWidth: 100 }).points[0]?.x).toBe(150);
    expect(layoutTimeline([], { width: 300, padding: 10, labelWidth: 100 }).points).toEqual([]);
  });
});

describe('after the meeting', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const board: PreparationBoard = {
    caseId: 'c',
    caseReference: 'SM-1',
    rows: [],
    blockers: [{ code: 'terms_not_agreed', partyId: 'x', short: 'not agreed', detail: 'Priya Shah has not agreed the terms.' }],
    warnings: [],
    readyCount: 1,
    partyCount: 2,
  };

  it('shows the day it was held with the planned day, the real next step, and no preparation blockers beside the later state', () => {
    const held: Case = { ...makeCase({ laInformed: '2026-11-20', meetingDate: '2026-12-02', meetingTime: '14:05', plannedMeetingDate: '2026-12-10' }), state: 'CERTIFICATE_ISSUED' };
    const row = caseSummary(source(held, { board, outcomePublishedOn: '2026-12-02', certificate: { issueDate: '2026-12-03' } }), { viewer: MEDIATOR.aadObjectId, now });
    expect(row.meetingText).toBe('Held Wed 2 Dec 2026 at 14:05 (planned for Thu 10 Dec 2026)');
    expect(row.preparation).toBeUndefined();
    expect(row.nextTask).toBe('Nothing now: the outcome and the certificate are out.');
    const parent = caseDetail(source(held, { board, outcomePublishedOn: '2026-12-02', certificate: { issueDate: '2026-12-03' } }), { viewer: PARENT, now });
    expect(parent.nextTask).toBe('Keep the mediation certificate: you need it to appeal to the Tribunal.');
    expect(parent.timeline.find((p) => p.id === 'meeting')).toMatchObject({ label: 'Meeting held', date: '2026-12-02', word: 'Happened' });
  });

  it('tells the mediator the outcome is still owed when the certificate went first', () => {
    const held: Case = { ...makeCase({ laInformed: '2026-11-20', meetingDate: '2026-12-02', meetingTime: '14:05' }), state: 'CERTIFICATE_ISSUED' };
    const row = caseSummary(source(held, { board, certificate: { issueDate: '2026-12-03' } }), { viewer: MEDIATOR.aadObjectId, now });
    expect(row.nextTask).toMatch(/^Publish the outcome statement/);
    expect(row.meetingText).toBe('Held Wed 2 Dec 2026 at 14:05');
  });
});
