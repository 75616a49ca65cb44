import { actionProgressCard } from '../../cards/actionProgressCard';
import { actionProgressListCard } from '../../cards/actionProgressListCard';
import { delayProposalCard } from '../../cards/delayProposalCard';
import { feedbackCard } from '../../cards/feedbackCard';
import { feedbackSummaryCard } from '../../cards/feedbackSummaryCard';
import { toActionProgressView, toDelayProposalView } from '../../cards/followUpViews';
import { addParty, isCaseError, type Case, type CaseError } from '../../domain/cases';
import { decideDelay, newProgress, proposeDelay, type ActionProgress } from '../../domain/followUp';
import { LEAD, NOW, OFFICER, PARENT, makeCase } from '../domain/caseFixtures';
import { cardText, expectValidCard } from './validateCard';

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

describe('after-the-meeting cards', () => {
  let c: Case;
  let p: ActionProgress;
  const action = { actionId: 'action-0001', what: 'Issue the amended plan', owner: { kind: 'body' as const, body: 'local_authority' as const } };
  const ids = { updateId: 'update-0001', delayId: 'delay-0001' };
  beforeEach(() => {
    const withParent = addParty(makeCase(), { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW);
    if (isCaseError(withParent)) throw withParent;
    const withOfficer = addParty(withParent, { role: 'la_officer', ...OFFICER, how: 'roster' }, LEAD.aadObjectId, NOW);
    if (isCaseError(withOfficer)) throw withOfficer;
    c = withOfficer;
    p = newProgress(c.id, action.actionId, '2027-01-07', '2027-01-07', NOW);
  });

  it("shows the owner the due date, the legal limit and the three forms; a done action has none", () => {
    const open = actionProgressCard(toActionProgressView(c, action, p, ids, '2026-12-03'));
    expectValidCard(open);
    expect(cardText(open)).toMatch(/Thu 7 Jan 2027/);
    expect(cardText(open)).toMatch(/Legal limit \(reg 42\)/);
    expect(JSON.stringify(open)).toMatch(/progress\.done.*progress\.update.*progress\.delay/s);
    const done = actionProgressCard(toActionProgressView(c, action, { ...p, doneOn: '2026-12-02' }, ids, '2026-12-03'));
    expectValidCard(done);
    expect(cardText(done)).toMatch(/Done on Wed 2 Dec 2026/);
    expect(done.actions).toBeUndefined();
  });

  it('asks the family about a new date, and shows the agreed date beside the legal limit afterwards', () => {
    const proposed = ok(proposeDelay(p, OFFICER.aadObjectId, { delayId: 'delay-0001', newDate: '2027-02-01', delayReason: 'Report late' }, '2026-12-03', NOW));
    const ask = delayProposalCard(toDelayProposalView(c, action, proposed, 'delay-0001')!);
    expectValidCard(ask);
    expect(cardText(ask)).toMatch(/Mon 1 Feb 2027/);
    expect(cardText(ask)).toMatch(/Report late/);
    const agreed = ok(decideDelay(proposed, PARENT.aadObjectId, 'delay-0001', true, NOW));
    const answered = delayProposalCard(toDelayProposalView(c, action, agreed, 'delay-0001')!);
    expect(answered.actions).toBeUndefined();
    const owner = cardText(actionProgressCard(toActionProgressView(c, action, agreed, ids, '2026-12-03')));
    expect(owner).toMatch(/Due: Mon 1 Feb 2027/);
    expect(owner).toMatch(/Legal limit \(reg 42\): Thu 7 Jan 2027/);
    expect(owner).toMatch(/agreed by the family/);
  });

  it('asks for feedback without naming the case, with the reminder about the meeting', () => {
    const f = feedbackCard({ caseId: c.id });
    expectValidCard(f);
    expect(cardText(f)).not.toMatch(new RegExp(c.caseReference));
    expect(cardText(f)).toMatch(/do not include anything that was said in the meeting/);
    expectValidCard(feedbackCard({ caseId: c.id, answeredText: 'Thank you.' }));
  });

  it('lists actions for the mediators with overdue in words, and sums feedback', () => {
    const list = actionProgressListCard({
      caseReference: c.caseReference,
      summaryText: '1 action: 1 overdue.',
      rows: [{ what: 'Issue the amended plan', ownerText: 'Local authority', dueText: 'Thu 7 Jan 2027', statusText: 'Overdue', overdue: true }],
    });
    expectValidCard(list);
    expect(cardText(list)).toMatch(/OVERDUE/);
    expectValidCard(feedbackSummaryCard({ periodText: 'a year', count: 0, rows: [], byRole: [] }));
  });
});
