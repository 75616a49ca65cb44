import { changesSummaryCard, changesSummaryText, toChangesSummaryView } from '../../cards/changesSummaryCard';
import { setLaPosition } from '../../domain/preparation';
import { NOW, OFFICER, ok, prepCase, storedChange } from '../preparation/prepFixtures';
import { cardParts, cardText, expectValidCard } from './validateCard';

describe('requested changes summary card', () => {
  const c = prepCase();
  const agreed = ok(setLaPosition(c, storedChange(c, 1, { sentAt: NOW }), { position: 'agree' }, OFFICER.aadObjectId, NOW));
  const discuss = ok(setLaPosition(c, storedChange(c, 2, { sentAt: NOW }), { position: 'discuss', note: 'SECRET NOTE' }, OFFICER.aadObjectId, NOW));
  const unset = storedChange(c, 3, { sentAt: new Date('2026-12-15T09:00:00Z') });
  const draft = storedChange(c, 4);
  const all = [agreed, discuss, unset, draft];

  it('counts by position, lists what needs discussing, and never shows the internal notes', () => {
    const card = changesSummaryCard(toChangesSummaryView(c, all, '2026-12-10', { showReview: true, showAdd: true }));
    const parts = expectValidCard(card);
    const t = cardText(card);
    expect(t).toMatch(/Agree: 1\nDecline: 0\nDiscuss at the meeting: 1\nNo position yet: 1\nDrafts not yet sent: 1/);
    expect(t).toMatch(/To discuss at the meeting\n• Change 2: section F/);
    expect(t).toMatch(/No local authority position yet\n• Change 3/);
    expect(t).toMatch(/ideally by Thu 10 Dec 2026, and at the latest by Mon 14 Dec 2026/);
    expect(t).not.toMatch(/SECRET NOTE/);
    expect(parts.executes.map((a) => a.verb)).toEqual(['changes.review', 'changes.new', 'changes.send']);
  });

  it('puts the unset warning and the late flag first, in words, from the working day before the meeting', () => {
    const view = toChangesSummaryView(c, all, '2026-12-16', { showReview: true, showAdd: false });
    const card = changesSummaryCard(view);
    const parts = expectValidCard(card);
    const first = parts.elements[1];
    expect(first).toMatchObject({ type: 'Container', style: 'attention' });
    expect(cardText(card)).toMatch(/Warning: the meeting is close and 1 change has no local authority position yet\./);
    expect(cardText(card)).toMatch(/Late: change 3 reached the local authority after Mon 14 Dec 2026/);
    expect(parts.executes.map((a) => a.verb)).toEqual(['changes.review']);
    expect(changesSummaryText(view)).toMatch(/Warning: the meeting is close/);
  });

  it('says when there are no changes yet', () => {
    const card = changesSummaryCard(toChangesSummaryView(c, [], '2026-12-10', { showReview: true, showAdd: true }));
    expectValidCard(card);
    expect(cardText(card)).toMatch(/No requested changes yet/);
    expect(cardParts(card).executes.map((a) => a.verb)).toEqual(['changes.new']);
  });
});
