import { addParty, isCaseError, moveCase, type Case, type CaseError } from '../../domain/cases';
import {
  decideDelay,
  delayRefusal,
  dueInForce,
  followUpState,
  markActionDone,
  mayDecideDelay,
  mayProgressAction,
  newProgress,
  parseFeedback,
  postProgressUpdate,
  progressStatus,
  proposeDelay,
  summariseFeedback,
  type ActionProgress,
} from '../../domain/followUp';
import { actionItems } from '../../domain/dashboard/actionItems';
import type { Meeting } from '../../domain/meeting';
import { LEAD, NOW, OFFICER, PARENT, STRANGER, makeCase } from '../domain/caseFixtures';

function ok<T>(r: T | CaseError | Error): T {
  if (r instanceof Error) throw r;
  return r;
}

const CO_MEDIATOR = '00000000-0000-4000-8000-00000000c0c0';
const LA_ACTION = { owner: { kind: 'body' as const, body: 'local_authority' as const } };
const TODAY = '2026-12-03';

describe('an agreed action after the meeting', () => {
  let c: Case;
  let p: ActionProgress;
  beforeEach(() => {
    c = ok(addParty(makeCase(), { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    c = ok(addParty(c, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    p = newProgress(c.id, 'action-0001', '2027-01-07', '2027-01-07', NOW);
  });

  it('lets the owner act on it and the family decide delays; nobody else', () => {
    expect(mayProgressAction(c, LA_ACTION, OFFICER.aadObjectId)).toBe(true);
    expect(mayProgressAction(c, LA_ACTION, PARENT.aadObjectId)).toBe(false);
    expect(mayProgressAction(c, LA_ACTION, STRANGER.aadObjectId)).toBe(false);
    expect(mayDecideDelay(c, LA_ACTION, PARENT.aadObjectId)).toBe(true);
    expect(mayDecideDelay(c, LA_ACTION, OFFICER.aadObjectId)).toBe(false);
    expect(mayDecideDelay(c, LA_ACTION, LEAD.aadObjectId)).toBe(false);
  });

  it("never lets anyone agree their own delay: the family's own action is decided by the mediators", () => {
    const familyAction = { owner: { kind: 'role', role: 'parent_carer' } } as const;
    expect(mayProgressAction(c, familyAction, PARENT.aadObjectId)).toBe(true);
    expect(mayDecideDelay(c, familyAction, PARENT.aadObjectId)).toBe(false);
    expect(mayDecideDelay(c, familyAction, LEAD.aadObjectId)).toBe(true);
    const proposed = ok(proposeDelay(p, LEAD.aadObjectId, { delayId: 'delay-0009', newDate: '2027-02-01', delayReason: 'For the other owner' }, TODAY, NOW));
    const self = decideDelay(proposed, LEAD.aadObjectId, 'delay-0009', true, NOW);
    expect(isCaseError(self) && self.message).toBe('A new date you proposed is agreed by someone else.');
    expect(ok(decideDelay(proposed, CO_MEDIATOR, 'delay-0009', true, NOW)).agreedNewDate).toBe('2027-02-01');
  });

  it('lets the mediators record the answer when the case has no parent or young person (bodies in disagreement)', () => {
    const bodies = ok(addParty(makeCase({ caseType: 'D-LA-ICB' }), { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW));
    expect(mayDecideDelay(bodies, LA_ACTION, LEAD.aadObjectId)).toBe(true);
    expect(mayDecideDelay(bodies, LA_ACTION, OFFICER.aadObjectId)).toBe(false);
  });

  it('keeps the due date until the family agrees a new one, recording both dates and who agreed', () => {
    const proposed = ok(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: 'Report late' }, TODAY, NOW));
    expect(dueInForce(proposed)).toBe('2027-01-07');
    expect(progressStatus(proposed, TODAY)).toBe('delay_pending');
    // A replay of the same proposal changes nothing; a second proposal waits for the first answer.
    expect(proposeDelay(proposed, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: 'Report late' }, TODAY, NOW)).toBe(proposed);
    expect(proposeDelay(proposed, OFFICER.aadObjectId, { delayId: 'delay-0002', newDate: '2027-03-01', delayReason: 'x' }, TODAY, NOW)).toBeInstanceOf(Error);
    const agreed = ok(decideDelay(proposed, PARENT.aadObjectId, 'delay-0001', true, NOW));
    expect(dueInForce(agreed)).toBe('2027-02-01');
    expect(agreed.originalDue).toBe('2027-01-07');
    expect(agreed.legalLimit).toBe('2027-01-07');
    expect(agreed.delays[0]).toMatchObject({ fromDate: '2027-01-07', proposedDate: '2027-02-01', status: 'agreed', decidedBy: PARENT.aadObjectId });
    expect(decideDelay(agreed, PARENT.aadObjectId, 'delay-0001', true, NOW)).toBe(agreed);
    expect(decideDelay(agreed, PARENT.aadObjectId, 'delay-0001', false, NOW)).toBeInstanceOf(Error);
  });

  it("never lets an agreement move the ICB's one-week duty to tell the LA (reg 42(4))", () => {
    expect(delayRefusal({ category: 'icb_notify_la' })?.message).toMatch(/reg 42\(4\)/);
    expect(delayRefusal({ category: 'amend_plan' })).toBeUndefined();
  });

  it('refuses a new date that is not later, a missing reason, and a declined date leaves the due date', () => {
    expect(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-01-07', delayReason: 'r' }, TODAY, NOW)).toBeInstanceOf(Error);
    expect(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: '  ' }, TODAY, NOW)).toBeInstanceOf(Error);
    const proposed = ok(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: 'r' }, TODAY, NOW));
    const declined = ok(decideDelay(proposed, PARENT.aadObjectId, 'delay-0001', false, NOW));
    expect(dueInForce(declined)).toBe('2027-01-07');
    // Done while the family had not answered: the proposal lapses, and a late answer says why.
    const done = ok(markActionDone(proposed, OFFICER.aadObjectId, {}, TODAY, NOW));
    expect(done.delays[0]?.status).toBe('withdrawn');
    expect((decideDelay(done, PARENT.aadObjectId, 'delay-0001', true, NOW) as Error).message).toMatch(/no longer needed/);
  });

  it('records done once with its date, and an update once per card', () => {
    expect(markActionDone(p, OFFICER.aadObjectId, { doneOn: '2026-12-04' }, TODAY, NOW)).toBeInstanceOf(Error);
    const done = ok(markActionDone(p, OFFICER.aadObjectId, { doneOn: '2026-12-02' }, TODAY, NOW));
    expect(done.doneOn).toBe('2026-12-02');
    expect(markActionDone(done, OFFICER.aadObjectId, { doneOn: '2026-12-03' }, TODAY, NOW)).toBe(done);
    const updated = ok(postProgressUpdate(p, OFFICER.aadObjectId, { updateId: 'update-0001', updateText: 'Draft sent to panel' }, NOW));
    expect(postProgressUpdate(updated, OFFICER.aadObjectId, { updateId: 'update-0001', updateText: 'Draft sent to panel' }, NOW)).toBe(updated);
    expect(postProgressUpdate(p, OFFICER.aadObjectId, { updateId: 'update-0002', updateText: 'x'.repeat(301) }, NOW)).toBeInstanceOf(Error);
  });

  it('moves the case to "Agreed actions under way", then to "Appeal window open" when all are done or the appeal-by date passed', () => {
    const certified = { ...c, state: 'CERTIFICATE_ISSUED' as const };
    expect(followUpState(certified, [p], '2027-03-01', TODAY)).toBe('LA_ACTIONS');
    const under = ok(moveCase(certified, 'LA_ACTIONS'));
    expect(followUpState(under, [p], '2027-03-01', TODAY)).toBeUndefined();
    expect(followUpState(under, [p], '2027-03-01', '2027-03-02')).toBe('APPEAL_WINDOW');
    const done = ok(markActionDone(p, OFFICER.aadObjectId, {}, TODAY, NOW));
    expect(followUpState(under, [done], '2027-03-01', TODAY)).toBe('APPEAL_WINDOW');
    // Before the certificate nothing moves for a case that needs one.
    expect(followUpState({ ...c, state: 'OUTCOME_ISSUED' }, [p], undefined, TODAY)).toBeUndefined();
  });

  it('shows the dashboard every action for a mediator, their own to the owner, none to another party', () => {
    const meeting = { actions: [{ actionId: 'action-0001', what: 'Issue the amended plan', ...LA_ACTION }] } as unknown as Meeting;
    const agreed = ok(decideDelay(ok(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: 'r' }, TODAY, NOW)), PARENT.aadObjectId, 'delay-0001', true, NOW));
    const [item] = actionItems(c, meeting, [agreed], LEAD.aadObjectId, TODAY);
    expect(item).toMatchObject({ dueText: 'Mon 1 Feb 2027', legalLimitText: 'Thu 7 Jan 2027', statusWord: 'Under way', overdue: false });
    expect(actionItems(c, meeting, [agreed], OFFICER.aadObjectId, TODAY)).toHaveLength(1);
    expect(actionItems(c, meeting, [agreed], PARENT.aadObjectId, TODAY)).toEqual([]);
    expect(actionItems(c, meeting, [agreed], LEAD.aadObjectId, '2027-02-02')[0]).toMatchObject({ overdue: true, statusWord: 'Overdue' });
  });

});

describe('feedback', () => {
  it('reads the card, refusing missing ratings and long comments', () => {
    expect(parseFeedback({ fairness: '4', clarity: '5', wouldUseAgain: 'yes', comment: ' Good ' })).toEqual({ fairness: 4, clarity: 5, wouldUseAgain: true, comment: 'Good' });
    expect(parseFeedback({ clarity: '5', wouldUseAgain: 'yes' })).toBeInstanceOf(Error);
    expect(parseFeedback({ fairness: '6', clarity: '5', wouldUseAgain: 'yes' })).toBeInstanceOf(Error);
    expect(parseFeedback({ fairness: '4', clarity: '5', wouldUseAgain: 'yes', comment: 'x'.repeat(501) })).toBeInstanceOf(Error);
  });

  it('counts and averages', () => {
    const s = summariseFeedback([
      { role: 'parent_carer', fairness: 5, clarity: 4, wouldUseAgain: true },
      { role: 'la_officer', fairness: 2, clarity: 3, wouldUseAgain: false, comment: 'Too long' },
    ]);
    expect(s).toEqual({ count: 2, fairnessAverage: 3.5, clarityAverage: 3.5, wouldUseAgain: 1, comments: 1, byRole: { parent_carer: 1, la_officer: 1 } });
    expect(isCaseError(parseFeedback({}))).toBe(true);
  });
});
