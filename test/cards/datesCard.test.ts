import { datesCard } from '../../cards/datesCard';
import { RULE_LIST } from '../../domain/timescales';
import { calculateFromSubmission } from '../../domain/datesCalculator';
import { cardParts, cardText, expectValidCard } from './validateCard';

describe('dates card', () => {
  it('is a valid card with the explanation and the calculator inputs', () => {
    const c = datesCard();
    const parts = expectValidCard(c);
    const text = cardText(c);
    expect(text).toMatch(/Christmas Day, Good Friday and England and Wales bank holidays/);
    expect(text).toMatch(/not counted/);
    expect(text).toMatch(/last working day on or before/);
    expect(text).toMatch(/August/);
    expect(text).toMatch(/25 December and 1 January/);
    expect(text).toMatch(/guidance, not legal advice/);
    expect(parts.inputs.map((i) => [i.type, i.id])).toEqual([
      ['Input.ChoiceSet', 'rule'],
      ['Input.Date', 'from'],
      ['Input.Date', 'second'],
    ]);
    expect(parts.executes.map((a) => a.verb)).toEqual(['dates.calculate']);
  });

  it('offers every rule by its title', () => {
    const rule = cardParts(datesCard()).inputs.find((i) => i.id === 'rule');
    expect(rule?.type === 'Input.ChoiceSet' ? rule.choices.map((c) => c.value) : []).toEqual(RULE_LIST.map((r) => r.id));
  });

  it('shows a result above the inputs and keeps them filled in', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '2026-12-24' });
    if (!outcome.ok) throw new Error(outcome.error);
    const c = datesCard(outcome.view);
    const parts = expectValidCard(c);
    const text = cardText(c);
    expect(text).toContain('Due: Thu 31 Dec 2026');
    expect(text.indexOf('Thu 31 Dec 2026')).toBeLessThan(text.indexOf('Which time limit?'));
    const values = Object.fromEntries(parts.inputs.map((i) => [i.id, i.value]));
    expect(values).toEqual({ rule: 'CERT_AFTER_MEDIATION', from: '2026-12-24', second: undefined });
  });

  it('shows the last working day and the ideal date when a rule has them', () => {
    const amend = calculateFromSubmission({ rule: 'LA_AMEND_PLAN', from: '2026-03-02' });
    const changes = calculateFromSubmission({ rule: 'REQUESTED_CHANGES', from: '2026-06-15' });
    if (!amend.ok || !changes.ok) throw new Error('expected results');
    expectValidCard(datesCard(amend.view));
    const amendText = cardText(datesCard(amend.view));
    expect(amendText).toContain('Last working day on or before: Thu 2 Apr 2026');
    expect(cardText(datesCard(changes.view))).toMatch(/Ideally by: \w{3} \d+ Jun 2026/);
  });

  it('shows an error in an attention container, in default-coloured words, with the reason, keeping what was typed', () => {
    const outcome = calculateFromSubmission({ rule: 'CERT_AFTER_MEDIATION', from: '2026-02-30' });
    if (outcome.ok) throw new Error('expected an error');
    const c = datesCard(outcome.view);
    const parts = expectValidCard(c);
    const box = parts.elements.find((e) => e.type === 'Container' && e.style === 'attention');
    const errorLines = box?.type === 'Container' ? box.items.flatMap((t) => (t.type === 'TextBlock' ? [t.text] : [])) : [];
    expect(errorLines.join(' ')).toContain('February 2026 has 28 days');
    // A malformed date cannot be shown by Input.Date, so it is left empty rather than blanking the input.
    expect(parts.inputs.find((i) => i.id === 'from')?.value).toBeUndefined();
    expect(parts.inputs.find((i) => i.id === 'rule')?.value).toBe('CERT_AFTER_MEDIATION');
  });

  it('does not pre-select a rule id it does not know', () => {
    const parts = cardParts(datesCard({ selectedRule: 'NOPE', error: 'Unknown rule' }));
    expect(parts.inputs.find((i) => i.id === 'rule')?.value).toBeUndefined();
  });
});
