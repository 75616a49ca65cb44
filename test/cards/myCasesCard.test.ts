import { toMyCaseRow } from '../../cards/caseView';
import { MY_CASES_SHOWN, myCasesCard } from '../../cards/myCasesCard';
import { LEAD, OFFICER, PARENT } from '../domain/caseFixtures';
import { TERMS, caseWithParties } from './cardFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('my cases card', () => {
  const { c, acks } = caseWithParties();

  it('lists each case with the caller\'s role, its stage, the next task and an open button', () => {
    const rows = [toMyCaseRow(c, OFFICER.aadObjectId, acks, TERMS.version, '2026-12-01')];
    const card = myCasesCard({ rows });
    const parts = expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('**SM-2026/014**: Local authority officer');
    expect(text).toContain('Stage: Preparing for the meeting');
    expect(text).toContain('Next: Read and agree to the Terms of Engagement.');
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([['case.open', { caseId: c.id }]]);
  });

  it('names mediator roles', () => {
    expect(toMyCaseRow(c, LEAD.aadObjectId, acks, TERMS.version).roleLabel).toBe('Lead mediator');
    expect(toMyCaseRow(c, PARENT.aadObjectId, acks, TERMS.version).nextTask).toMatch(/^Meeting on Thu 17 Dec 2026/);
  });

  it('says what to do when there are no cases, and caps a long list', () => {
    expect(cardText(myCasesCard({ rows: [] }))).toMatch(/not in any cases yet/);
    const row = toMyCaseRow(c, LEAD.aadObjectId, acks, TERMS.version);
    const card = myCasesCard({ rows: Array.from({ length: 40 }, (_, i) => ({ ...row, caseId: `case${i}xx`, caseReference: `SM-${i}` })) });
    const parts = expectValidCard(card);
    expect(parts.executes).toHaveLength(MY_CASES_SHOWN);
    expect(cardText(card)).toContain(`and ${40 - MY_CASES_SHOWN} more`);
  });
});
