import { changeReviewCard, toChangeReviewView } from '../../cards/changeReviewCard';
import { setLaPosition, WORDING_MAX } from '../../domain/preparation';
import { LEAD, NOW, OFFICER, ok, prepCase, storedChange } from '../preparation/prepFixtures';
import { MAX_CARD_BYTES, cardParts, cardText, expectValidCard } from './validateCard';

describe('change review card', () => {
  const c = prepCase();
  const first = storedChange(c, 1, { sentAt: new Date('2026-12-09T10:00:00Z'), input: { currentWording: '' } });
  const second = storedChange(c, 2, { sentAt: new Date('2026-12-15T10:00:00Z') });
  const draft = storedChange(c, 3);

  it('shows section, place, current and requested wording and the reason, with agree / decline / discuss', () => {
    const card = changeReviewCard(toChangeReviewView(c, first, [draft, second, first], NOW));
    const parts = expectValidCard(card);
    const t = cardText(card);
    expect(t).toMatch(/Change 1: section F: Special educational provision/);
    expect(t).toMatch(/1 of 2 sent changes · Sent Wed 9 Dec 2026/);
    expect(t).toMatch(/None: this change adds new text/);
    expect(t).toMatch(/One hour of speech and language therapy each week/);
    expect(t).toMatch(/Your position: not given yet/);
    expect(parts.inputs).toMatchObject([{ id: 'note', type: 'Input.Text', isMultiline: true }]);
    const positions = parts.executes.filter((a) => a.verb === 'changes.position');
    expect(positions.map((a) => [a.title, a.data])).toEqual([
      ['Agree', { caseId: c.id, changeId: first.changeId, position: 'agree' }],
      ['Decline', { caseId: c.id, changeId: first.changeId, position: 'decline' }],
      ['Discuss at the meeting', { caseId: c.id, changeId: first.changeId, position: 'discuss' }],
    ]);
    expect(parts.executes.filter((a) => a.verb === 'changes.review').map((a) => [a.title, a.data?.changeId])).toEqual([['Next change', second.changeId]]);
  });

  it('flags a late change in words and shows the current position with its note, pre-filled', () => {
    const set = ok(setLaPosition(c, second, { position: 'discuss', note: 'Check the banding' }, LEAD.aadObjectId, new Date('2026-12-15T14:05:00Z')));
    const card = changeReviewCard(toChangeReviewView(c, set, [first, set], NOW));
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/Sent Tue 15 Dec 2026: late \(the latest was Mon 14 Dec 2026\)/);
    expect(cardText(card)).toMatch(/Your position: Discuss at the meeting/);
    expect(cardText(card)).toMatch(/Set Tue 15 Dec 2026 at 14:05 \(recorded by a mediator\)/);
    expect(parts.inputs[0]?.value).toBe('Check the banding');
    expect(parts.executes.filter((a) => a.verb === 'changes.review').map((a) => a.title)).toEqual(['Previous change']);
  });

  it('offers no position buttons once the meeting has started', () => {
    const set = ok(setLaPosition(c, first, { position: 'agree', note: 'ok' }, OFFICER.aadObjectId, NOW));
    const card = changeReviewCard(toChangeReviewView(c, set, [set], new Date('2026-12-17T11:00:00Z')));
    const parts = expectValidCard(card);
    expect(parts.inputs).toEqual([]);
    expect(parts.executes.filter((a) => a.verb === 'changes.position')).toEqual([]);
    expect(cardText(card)).toMatch(/The meeting has started/);
  });

  it('stays under the Teams size limit with the longest wording allowed', () => {
    const long = storedChange(c, 4, { sentAt: NOW, input: { currentWording: 'c'.repeat(WORDING_MAX), requestedWording: 'r'.repeat(WORDING_MAX), reason: 'w'.repeat(1000) } });
    const card = changeReviewCard(toChangeReviewView(c, long, [long], NOW));
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(MAX_CARD_BYTES);
    expectValidCard(card);
    expect(cardParts(card).textBlocks.length).toBeGreaterThan(5);
  });
});
