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

  it('shows the meeting, where it is, and the join and calendar links', () => {
    const row = toMyCaseRow({ ...c, meetingFormat: 'hybrid', meetingVenue: 'Civic Centre', meetingJoinUrl: 'https://teams.microsoft.com/meet/1' }, PARENT.aadObjectId, acks, TERMS.version);
    const card = myCasesCard({ rows: [{ ...row, meeting: { ...row.meeting!, calendarUrl: 'https://bot.example/calendar/t.ics' } }] });
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain('Meeting: Thu 17 Dec 2026 at 10:00 (hybrid)');
    expect(cardText(card)).toContain('Where: Civic Centre and Teams meeting (join link below)');
    expect(parts.actions.map((a) => a.title)).toEqual(['Open SM-2026/014', 'Join the Teams meeting', 'Add to calendar']);
    expect(toMyCaseRow({ ...c, dates: { laInformed: '2026-11-20' } }, PARENT.aadObjectId, acks, TERMS.version).meeting).toBeUndefined();
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
