import { rosterCard, type RosterMemberView } from '../../cards/rosterCard';
import { currentRole, parseRoleAssignments, PARTY_ROLES, roleInputId, rosterPage } from '../../domain/cases';
import { LEAD, PARENT } from '../domain/caseFixtures';
import { caseWithParties } from './cardFixtures';
import { cardParts, cardText, expectValidCard } from './validateCard';

describe('roster card', () => {
  const { c } = caseWithParties();
  const roster = [LEAD, PARENT, ...Array.from({ length: 12 }, (_, i) => ({ aadObjectId: `0000-${i}`, displayName: `Member ${i}` }))];
  const view = (page: number) => {
    const p = rosterPage(roster, page);
    const members: RosterMemberView[] = p.items.map((m) => ({ ...m, current: currentRole(c, m.aadObjectId) }));
    return { caseId: c.id, caseReference: c.caseReference, page: p.page, pageCount: p.pageCount, total: p.total, members };
  };

  it('lists a page of members, each with a labelled role picker pre-set to their current role', () => {
    const card = rosterCard(view(0));
    const parts = expectValidCard(card);
    expect(cardText(card)).toContain(`**${LEAD.displayName}**: lead mediator`);
    expect(parts.inputs).toHaveLength(7);
    const parent = parts.inputs.find((i) => i.id === roleInputId(PARENT.aadObjectId));
    expect(parent).toMatchObject({ label: PARENT.displayName, value: 'parent_carer' });
    expect(parent?.type === 'Input.ChoiceSet' ? parent.choices.map((ch) => ch.value) : []).toEqual(['none', ...PARTY_ROLES]);
    expect(parts.executes.map((a) => [a.verb, a.data, a.associatedInputs])).toEqual([
      ['case.assignRoles', { caseId: c.id, page: 0 }, undefined],
      ['case.roster', { caseId: c.id, page: 1 }, 'none'],
    ]);
    expect(cardText(card)).toContain('Page 1 of 2 (14 people)');
  });

  it('offers previous on the last page, and its pickers read back through the domain parser', () => {
    const card = rosterCard(view(1));
    const parts = expectValidCard(card);
    expect(parts.executes.map((a) => a.title)).toEqual(['Save roles on this page', 'Previous page']);
    const submitted = Object.fromEntries(parts.inputs.map((i) => [i.id, 'school']));
    expect(parseRoleAssignments({ ...submitted, caseId: c.id, page: 1 }, roster)).toHaveLength(6);
  });

  it('says so when the team has nobody else, and shows a notice', () => {
    const card = rosterCard({ caseId: c.id, caseReference: 'X', page: 0, pageCount: 1, total: 0, members: [], notice: { text: 'Roles saved.', tone: 'good' } });
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/Nobody else is in this team/);
    expect(cardText(card)).toContain('Roles saved.');
    expect(cardParts(card).executes).toEqual([]);
    expect(parts.inputs).toEqual([]);
  });
});
