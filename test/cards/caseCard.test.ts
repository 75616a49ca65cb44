import { caseCard, caseCardText } from '../../cards/caseCard';
import { toCaseCardView } from '../../cards/caseView';
import { moveCase, withMeetingHeld, isCaseError, type Case } from '../../domain/cases';
import { createCalendar } from '../../domain/timescales';
import { makeCase, PARENT, LEAD } from '../domain/caseFixtures';
import { TERMS, caseWithParties } from './cardFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('case card', () => {
  it('shows the case, its dates with weekdays, deadlines with who is responsible, and the parties\' terms status', () => {
    const { c, acks } = caseWithParties();
    const view = toCaseCardView(c, acks, TERMS.version);
    const card = caseCard(view);
    const parts = expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Case SM-2026/014');
    expect(text).toContain('What the plan says');
    expect(text).toContain('Child: JS');
    expect(text).toContain('Local authority: Surrey County Council');
    expect(text).toContain('Meeting: Thu 17 Dec 2026 at 10:00 (online)');
    expect(text).toContain('Decision notice sent: Thu 1 Oct 2026');
    // T1 from 1 Oct 2026 is Tue 1 Dec 2026; T3 from Fri 20 Nov 2026 is Sun 20 Dec 2026, last working day Fri 18 Dec.
    expect(text).toMatch(/\*\*Tue 1 Dec 2026\*\*: Contact the mediation adviser \(T1\)\. Responsible: Parent or young person\./);
    expect(text).toMatch(/\*\*Sun 20 Dec 2026\*\* \(last working day on or before: Fri 18 Dec 2026\): Hold the mediation \(T3\)\. Responsible: Local authority\./);
    expect(text).toMatch(/Send the requested plan changes \(T10\)/);
    expect(text).toContain(`${PARENT.displayName}, Parent or carer: Agreed`);
    expect(text).toMatch(/Lee Officer, Local authority officer: Not yet agreed/);
    expect(text).toContain('Morgan Mediator (lead)');
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([
      ['case.roster', { caseId: c.id, page: 0 }],
      ['terms.send', { caseId: c.id }],
      ['case.editForm', { caseId: c.id }],
    ]);
    expect(text).toContain('Where: Teams join link not set yet');
  });

  it('after a meeting held earlier than planned: the day it was held, the planned day beside it, and no preparation section', () => {
    const { c, acks } = caseWithParties();
    const started = moveCase(c, 'MEETING');
    if (isCaseError(started)) throw started;
    const held: Case = { ...withMeetingHeld(started, new Date('2026-12-02T14:05:00Z')), state: 'CONCLUDED_NO_AGREEMENT' };
    const card = caseCard(toCaseCardView(held, acks, TERMS.version, { preparationStatus: '1 of 2 ready, 1 blocker' }));
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Meeting held: Wed 2 Dec 2026 at 14:05 (online; planned for Thu 17 Dec 2026)');
    expect(text).not.toMatch(/Preparation|blocker/);
  });

  it('shows the meeting place, and the join link as a button, for online and in-person meetings', () => {
    const link = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';
    const online = caseCard(toCaseCardView(makeCase({ meetingJoinUrl: link }), [], TERMS.version));
    expect(cardText(online)).toContain('Where: Teams meeting (join link below)');
    expect(expectValidCard(online).actions.filter((a) => a.type === 'Action.OpenUrl')).toEqual([{ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: link }]);
    const room = caseCard(toCaseCardView(makeCase({ meetingFormat: 'in_person', meetingVenue: 'Civic Centre, Room 4' }), [], TERMS.version));
    expect(cardText(room)).toContain('Meeting: Thu 17 Dec 2026 at 10:00 (in person)');
    expect(cardText(room)).toContain('Where: Civic Centre, Room 4');
  });

  it('shows "recorded by mediator", alerts, and the preparation line; hides buttons from non-mediators', () => {
    const { c, acks } = caseWithParties();
    const officer = c.parties[1];
    if (!officer) throw new Error('fixture');
    const recorded = [...acks, { caseId: c.id, partyId: officer.partyId, role: officer.role, termsVersion: TERMS.version, at: '2026-12-02T09:00:00.000Z', by: LEAD.aadObjectId, recordedByMediator: { mediatorAadObjectId: LEAD.aadObjectId, reason: 'phone' }, authority: 'limited' as const }];
    const view = toCaseCardView(c, recorded, TERMS.version, { viewer: PARENT.aadObjectId, preparationStatus: 'LA officer preparation: not started' });
    const card = caseCard(view);
    const parts = expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Lee Officer, Local authority officer: Agreed (recorded by mediator)');
    expect(text).toContain('Lee Officer does not have full authority to settle the issues.');
    expect(text).toContain('LA officer preparation: not started');
    expect(parts.executes).toEqual([]);
  });

  it('adds a Universal Actions refresh for the listed users', () => {
    const { c, acks } = caseWithParties();
    const card = caseCard(toCaseCardView(c, acks, TERMS.version, { refreshUserIds: ['29:mediator'] }));
    expectValidCard(card);
    expect(card.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'case.open', data: { caseId: c.id } }, userIds: ['29:mediator'] });
  });

  it('still renders when the deadlines cannot be worked out', () => {
    const c = makeCase();
    const narrow = createCalendar({ trustedYears: { from: 2020, to: 2025 } });
    const view = toCaseCardView(c, [], TERMS.version, { calendar: narrow });
    expect(view.deadlines).toEqual([]);
    expect(view.deadlineError).toMatch(/outside the years/);
    expectValidCard(caseCard(view));
  });

  it('has a plain-text version with the same facts for guests', () => {
    const { c, acks } = caseWithParties();
    const text = caseCardText(toCaseCardView(c, acks, TERMS.version));
    expect(text).toMatch(/^Case SM-2026\/014: /);
    expect(text).toContain('Meeting: Thu 17 Dec 2026 at 10:00 (online)');
    expect(text).toContain('Due Sun 20 Dec 2026 (last working day Fri 18 Dec 2026): Hold the mediation, Local authority');
    expect(text).toContain('- Pat Parent, Parent or carer: Agreed');
    expect(text).not.toMatch(/\*\*/);
  });

  it('stays under the size limit with many parties', () => {
    const { c } = caseWithParties();
    const [first] = c.parties;
    if (!first) throw new Error('fixture');
    const parties = Array.from({ length: 30 }, (_, i) => ({ ...first, partyId: `p${i}`, displayName: `A fairly long display name number ${i}` }));
    const built = caseCard(toCaseCardView({ ...c, parties }, [], TERMS.version));
    expectValidCard(built);
    // Nobody is dropped to make it fit.
    const text = cardText(built);
    for (const p of parties) expect(text).toContain(p.displayName);
  });
});
