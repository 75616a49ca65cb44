import { pollCard } from '../../cards/pollCard';
import { pollFormCard } from '../../cards/pollFormCard';
import { pollGridCard } from '../../cards/pollGridCard';
import { cardText, expectValidCard } from './validateCard';

const slots = [
  { slotId: 's1', date: '2026-12-15', time: '10:00', daysLate: 0 },
  { slotId: 's2', date: '2026-12-23', time: '13:30', daysLate: 3 },
];

describe('date poll cards', () => {
  it('the form has labelled date and time inputs for 8 slots and the late reason', () => {
    const card = pollFormCard({ caseId: 'c1', caseReference: 'SM-1', limitText: 'Sun 20 Dec 2026', errors: { lateReason: 'Say why.' } });
    const parts = expectValidCard(card);
    expect(parts.inputs).toHaveLength(17);
    expect(parts.inputs.every((i) => typeof i.label === 'string' && i.label.length > 0)).toBe(true);
    expect(cardText(card)).toContain('The 30-day limit is Sun 20 Dec 2026');
    expect(cardText(card)).toContain('Say why.');
  });

  it("a party's card asks about each slot in words, keeps their answers, and says which slot was chosen once closed", () => {
    const open = pollCard({ caseId: 'c1', caseReference: 'SM-1', slots, answers: { s2: 'if_needed' } });
    const parts = expectValidCard(open);
    expect(parts.inputs.map((i) => [i.id, i.label, i.value])).toEqual([
      ['answer_s1', 'Tue 15 Dec 2026 at 10:00', undefined],
      ['answer_s2', 'Wed 23 Dec 2026 at 13:30 (late: 3 days after the 30-day limit)', 'if_needed'],
    ]);
    const asking = expectValidCard(pollCard({ caseId: 'c1', caseReference: 'SM-1', slots, answers: {}, ask: { adjustments: true, expenses: true } }));
    expect(asking.inputs.map((i) => i.id)).toEqual(['answer_s1', 'answer_s2', 'adjustments', 'expenses']);
    const closed = pollCard({ caseId: 'c1', caseReference: 'SM-1', slots, answers: {}, chosen: slots[0]! });
    expect(expectValidCard(closed).inputs).toEqual([]);
    expect(cardText(closed)).toContain('The mediator picked **Tue 15 Dec 2026 at 10:00**.');
  });

  it('the grid lists each slot with its counts and each person, and a Pick per slot until closed', () => {
    const row = (s: (typeof slots)[number], cells: ('yes' | 'no' | undefined)[]) => ({
      slot: s, cells, yes: cells.filter((c) => c === 'yes').length, ifNeeded: 0, no: cells.filter((c) => c === 'no').length, unanswered: cells.filter((c) => !c).length,
    });
    const view = { caseId: 'c1', caseReference: 'SM-1', respondents: ['Sam', 'Priya'], rows: [row(slots[0]!, ['yes', undefined]), row(slots[1]!, ['no', 'yes'])] };
    const card = pollGridCard(view);
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/1\. \*\*Tue 15 Dec 2026 at 10:00\*\*\nCan: 1, if needed: 0, cannot: 0, not answered: 1\nSam: Can attend\nPriya: Not answered/);
    expect(parts.executes.map((a) => a.data)).toEqual([{ caseId: 'c1', slotId: 's1' }, { caseId: 'c1', slotId: 's2' }]);
    expect(expectValidCard(pollGridCard({ ...view, chosen: slots[0]! })).executes).toEqual([]);
    const recording = expectValidCard(pollGridCard({ ...view, recordFor: [{ key: 'party:p1', name: 'Sam' }] }));
    expect(recording.inputs.map((i) => i.id)).toEqual(['respondent', 'answer_s1', 'answer_s2']);
    expect(recording.executes.at(-1)).toMatchObject({ title: 'Save their answers', verb: 'poll.answer', data: { caseId: 'c1' } });
  });
});
