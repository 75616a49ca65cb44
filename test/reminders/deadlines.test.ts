import type { Case } from '../../domain/cases';
import {
  checkMarkDone,
  deadlinesForCase,
  markDoneAllowed,
  mayMarkDone,
  responsibleLabel,
  type TrackedDeadline,
} from '../../domain/reminders';
import { createCalendar, defaultCalendar } from '../../domain/timescales';
import { ADVOCATE, OFFICER, PARENT } from '../meeting/meetingFixtures';
import { ACTION_IDS, AMEND, byId, closedMeeting, deadlinesOf, LEAD, reminderCase } from './reminderFixtures';

const tracked = (d: ReturnType<typeof deadlinesOf>[number], over: Partial<TrackedDeadline> = {}): TrackedDeadline => ({
  ...d,
  updatedAt: '2026-12-18T10:00:00.000Z',
  ...over,
});

describe('deadlinesForCase', () => {
  const c = reminderCase();

  it('tracks the case clocks before the meeting, with T1 and T3 already shown done by the case dates', () => {
    const ds = deadlinesOf(c);
    expect(ds.map((d) => [d.deadlineId.slice(c.id.length + 1), d.due, d.satisfied !== undefined])).toEqual([
      ['ADVISER_CONTACT|case', '2026-12-01', true],
      ['REQUESTED_CHANGES|case', '2026-12-14', false],
      ['ARRANGE_MEDIATION|case', '2026-12-20', true],
    ]);
    const t10 = ds[1]!;
    expect(t10).toMatchObject({ kind: 'practice', tNumber: 'T10', ideal: '2026-12-10', escalates: false, responsible: { kind: 'role', role: 'parent_carer' } });
    expect(t10.why).toMatch(/provider's practice, not a legal deadline/);
    const t3 = ds[2]!;
    expect(t3).toMatchObject({ kind: 'statutory', lastWorkingDay: '2026-12-18', escalates: true, responsible: { kind: 'role', role: 'la_officer' } });
    expect(t3.satisfied?.reason).toBe('the meeting is fixed for Thu 17 Dec 2026, within the 30 days');
  });

  it('reopens T3 when the meeting moves past day 30, with the same id', () => {
    const before = byId(deadlinesOf(c));
    const moved = deadlinesOf({ ...c, dates: { ...c.dates, meetingDate: '2026-12-22' } });
    const t3 = moved.find((d) => d.ruleId === 'ARRANGE_MEDIATION');
    expect(t3?.satisfied).toBeUndefined();
    expect(before.has(t3?.deadlineId ?? '')).toBe(true);
  });

  it('after the close: T7, T8, T9 and one deadline per due date of each action; T10 is dropped', () => {
    const ds = deadlinesOf(c, closedMeeting(c));
    const ids = ds.map((d) => d.deadlineId.slice(c.id.length + 1));
    expect(ids).toEqual([
      'ADVISER_CONTACT|case',
      'AMENDED_PLAN|case',
      'OUTCOME_STATEMENT|case',
      'ARRANGE_MEDIATION|case',
      'CERT_AFTER_MEDIATION|case',
      `action|${ACTION_IDS.assess}|LA_ASSESS_NOTIFY`,
      `action|${ACTION_IDS.visit}|agreed`,
      `action|${ACTION_IDS.amend}|LA_AMEND_PLAN`,
      `action|${ACTION_IDS.assess}|LA_ASSESS_DECIDE`,
      `action|${ACTION_IDS.assess}|LA_ASSESS_FINAL`,
    ]);
    const map = new Map(ds.map((d) => [d.deadlineId.slice(c.id.length + 1), d]));
    expect(map.get('OUTCOME_STATEMENT|case')).toMatchObject({ kind: 'practice', due: '2026-12-18', dueAt: '2026-12-18T12:00:00.000Z', responsible: { kind: 'mediators' } });
    // T9 is due with the outcome it is attached to (24 hours after the close), never at the close itself.
    expect(map.get('AMENDED_PLAN|case')).toMatchObject({ tNumber: 'T9', due: '2026-12-18', dueAt: '2026-12-18T12:00:00.000Z', responsible: { kind: 'role', role: 'la_officer' } });
    expect(map.get('CERT_AFTER_MEDIATION|case')).toMatchObject({ due: '2026-12-22', trigger: { date: '2026-12-17' }, escalates: true });
    expect(map.get(`action|${ACTION_IDS.amend}|LA_AMEND_PLAN`)).toMatchObject({
      kind: 'action',
      ruleId: 'LA_AMEND_PLAN',
      tNumber: 'T13d',
      due: '2027-01-21',
      detail: AMEND.what,
      actionId: ACTION_IDS.amend,
      escalates: true,
      responsible: { kind: 'role', role: 'la_officer' },
    });
    // An action with only an agreed date has no statutory force: reminded, not escalated.
    expect(map.get(`action|${ACTION_IDS.visit}|agreed`)).toMatchObject({ scheduleKey: 'OTHER_AGREED_DATE', escalates: false, responsible: { kind: 'role', role: 'school' } });
  });

  it('gives the same ids after a date change, and drops deadlines that no longer apply', () => {
    const m = closedMeeting(c);
    const first = deadlinesOf(c, m);
    const again = deadlinesOf(c, m);
    expect(again).toEqual(first);
    // The close is corrected to the next day: every deadline keeps its id, the dates move.
    const corrected = { ...m, close: { ...m.close!, agreementDate: '2026-12-18', closedAt: '2026-12-18T12:00:00.000Z' } };
    const moved = deadlinesOf(c, corrected);
    expect(moved.map((d) => d.deadlineId).sort()).toEqual(first.map((d) => d.deadlineId).sort());
    expect(byId(moved).get(`${c.id}|action|${ACTION_IDS.amend}|LA_AMEND_PLAN`)?.due).toBe('2027-01-22');
    // An action removed from the record takes its deadlines with it.
    const fewer = deadlinesOf(c, { ...m, actions: m.actions.filter((a) => a.actionId !== ACTION_IDS.assess) });
    expect(fewer.filter((d) => d.actionId === ACTION_IDS.assess)).toEqual([]);
    expect(fewer).toHaveLength(first.length - 3);
  });

  it('marks deadlines done from facts: outcome published, plan supplied, certificate issued', () => {
    const ds = deadlinesOf(c, closedMeeting(c), {
      outcomePublishedAt: '2026-12-17T18:00:00.000Z',
      amendedPlanSuppliedAt: '2026-12-17T13:00:00.000Z',
      certificateIssued: '2026-12-21',
    });
    const map = new Map(ds.map((d) => [d.ruleId ?? d.scheduleKey, d]));
    expect(map.get('OUTCOME_STATEMENT')?.satisfied?.reason).toBe('the outcome statement was sent');
    expect(map.get('AMENDED_PLAN')?.satisfied).toEqual({ at: '2026-12-17T13:00:00.000Z', reason: 'the amended plan was supplied' });
    expect(map.get('CERT_AFTER_MEDIATION')?.satisfied?.reason).toBe('the certificate was issued on Mon 21 Dec 2026');
    // With the certificate, the appeal clock starts; it is the family's right: never escalated.
    expect(map.get('APPEAL')).toMatchObject({ due: '2027-01-21', escalates: false, responsible: { kind: 'role', role: 'parent_carer' } });
    expect(map.get('APPEAL')?.why).toMatch(/not legal advice/);
  });

  it('starts nothing for an adjourned session, and no T9 or actions without agreement', () => {
    const adjourned = deadlinesOf(c, closedMeeting(c, { outcome: 'adjourned', nextDate: '2027-01-12' }));
    expect(adjourned.map((d) => d.ruleId ?? d.scheduleKey)).toEqual(['ADVISER_CONTACT', 'ARRANGE_MEDIATION']);
    const none = deadlinesOf(c, closedMeeting(c, { outcome: 'none' }, []));
    expect(none.map((d) => d.ruleId ?? d.scheduleKey)).toEqual(['ADVISER_CONTACT', 'OUTCOME_STATEMENT', 'ARRANGE_MEDIATION', 'CERT_AFTER_MEDIATION']);
  });

  it('tracks nothing for a closed or DRS case, and no certificate where none is needed', () => {
    expect(deadlinesOf({ ...c, state: 'CLOSED' }, closedMeeting(c))).toEqual([]);
    expect(deadlinesOf({ ...c, caseType: 'D-DUTIES' })).toEqual([]);
    const placement: Case = { ...c, caseType: 'M-PLACEMENT' };
    expect(deadlinesOf(placement, closedMeeting(placement)).some((d) => d.ruleId === 'CERT_AFTER_MEDIATION')).toBe(false);
  });

  it('reports a clock it cannot work out and still returns the others', () => {
    const narrow = createCalendar({ trustedYears: { from: 2026, to: 2026 } });
    const skipped: string[] = [];
    const ds = deadlinesForCase(reminderCase('X-1', { decisionNoticeSent: '2025-12-01' }), null, {}, narrow, { onSkipped: (what) => skipped.push(what) });
    expect(skipped).toEqual(['decisionNoticeSent']);
    expect(ds.map((d) => d.ruleId)).toEqual(['REQUESTED_CHANGES', 'ARRANGE_MEDIATION']);
  });

  it('names who is responsible in words', () => {
    const parties = c.parties;
    expect(responsibleLabel({ kind: 'role', role: 'la_officer' }, parties)).toBe('Local authority officer');
    const parent = parties.find((p) => p.aadObjectId === PARENT.aadObjectId)!;
    expect(responsibleLabel({ kind: 'party', partyId: parent.partyId }, parties)).toBe('Pat Parent (Parent or carer)');
    expect(responsibleLabel({ kind: 'mediators', label: "The family's GP" }, parties)).toBe("The family's GP (the mediators keep track)");
    expect(responsibleLabel({ kind: 'mediators' }, parties)).toBe('The mediators');
  });
});

describe('marking a deadline done', () => {
  const c = reminderCase();
  const ds = byId(deadlinesOf(c, closedMeeting(c), { certificateIssued: '2026-12-21' }));
  const get = (key: string): TrackedDeadline => tracked(ds.get(`${c.id}|${key}`)!);

  it('offers the button for tasks, not for the family\'s time limits or the clocks the bot closes itself', () => {
    expect(markDoneAllowed(get(`action|${ACTION_IDS.amend}|LA_AMEND_PLAN`))).toBe(true);
    expect(markDoneAllowed(get('OUTCOME_STATEMENT|case'))).toBe(true);
    expect(markDoneAllowed(get('APPEAL|case'))).toBe(false);
    expect(markDoneAllowed(get('ADVISER_CONTACT|case'))).toBe(false);
    expect(markDoneAllowed(get('ARRANGE_MEDIATION|case'))).toBe(false);
  });

  it('lets the person responsible or a mediator mark it, and nobody else', () => {
    const amend = get(`action|${ACTION_IDS.amend}|LA_AMEND_PLAN`);
    expect(mayMarkDone(c, amend, OFFICER.aadObjectId)).toBe(true);
    expect(mayMarkDone(c, amend, LEAD.aadObjectId)).toBe(true);
    expect(mayMarkDone(c, amend, PARENT.aadObjectId)).toBe(false);
    expect(checkMarkDone(c, amend, ADVOCATE.aadObjectId)?.code).toBe('not_allowed');
    expect(checkMarkDone(c, amend, OFFICER.aadObjectId)).toBeUndefined();
    expect(checkMarkDone(c, get('APPEAL|case'), LEAD.aadObjectId)?.code).toBe('invalid_input');
    expect(checkMarkDone(c, get('CERT_AFTER_MEDIATION|case'), LEAD.aadObjectId)?.message).toMatch(/already done: the certificate was issued/);
    expect(checkMarkDone(c, null, LEAD.aadObjectId)?.code).toBe('not_found');
    // A repeated click on a deadline already marked is not an error: the first mark stays.
    expect(checkMarkDone(c, { ...amend, done: { at: '2027-01-02T10:00:00.000Z', by: OFFICER.aadObjectId } }, OFFICER.aadObjectId)).toBeUndefined();
  });

  it('uses the default calendar unless given one', () => {
    expect(deadlinesForCase(c, null)).toEqual(deadlinesForCase(c, null, {}, defaultCalendar));
  });
});
