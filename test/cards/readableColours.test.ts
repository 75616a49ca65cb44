import fs from 'node:fs';
import path from 'node:path';
import { card, container, heading, text, type AdaptiveCard } from '../../cards/adaptive';
import { auditLogCard } from '../../cards/auditLogCard';
import { caseEndFormCard } from '../../cards/caseEndFormCard';
import { caseEndedCard } from '../../cards/caseEndedCard';
import { exportLinksCard } from '../../cards/exportLinksCard';
import { forgetPartyFormCard } from '../../cards/forgetPartyFormCard';
import { expectValidCard, readabilityProblems } from './validateCard';

/**
 * Cards people can read (WCAG 2.1 AA): no coloured text inside a styled container (light green
 * on pale green), no yellow text on white. expectValidCard applies the rule to every card a test
 * builds; this file proves the rule bites, checks the builders no other test renders, and makes
 * sure every card builder in cards/ goes through it somewhere.
 */

const CARDS_DIR = path.join(__dirname, '..', '..', 'cards');
const TEST_DIR = path.join(__dirname, '..');

function testSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : testSources(full);
    return e.name.endsWith('.ts') ? [fs.readFileSync(full, 'utf8')] : [];
  });
}

describe('readable colours on cards', () => {
  it('refuses coloured text on a container of the same (or any) style, and yellow or light green text anywhere', () => {
    const sameStyle = card([heading('T'), container([text('Saved.', { color: 'good' })], { style: 'good' })]);
    expect(readabilityProblems(sameStyle)).toEqual(['body[1].items[0]: good text on a good container: "Saved."']);
    const otherStyle = card([heading('T'), container([container([text('Late.', { color: 'attention' })])], { style: 'emphasis' })]);
    expect(readabilityProblems(otherStyle)).toHaveLength(1);
    const yellow = card([heading('T'), text('Check this.', { color: 'warning' })]);
    expect(readabilityProblems(yellow)).toEqual(['body[1]: warning text is too light to read: "Check this."']);
    expect(readabilityProblems(card([heading('T'), text('✓ Done', { color: 'good' })]))).toHaveLength(1);
  });

  it('accepts words in the default colour on a styled container, and a coloured line on white', () => {
    const fine = card([heading('T'), container([text('Not ready yet: 2 checks failed', { weight: 'bolder' })], { style: 'attention' }), text('✗ Not agreed', { color: 'attention' })]);
    expect(readabilityProblems(fine)).toEqual([]);
  });

  it('passes for the builders no other card test renders', () => {
    const cards: AdaptiveCard[] = [
      auditLogCard({ caseId: 'c1', caseReference: 'SM-1', lines: [{ who: 'Maya Patel (Mediator)', what: 'viewed the case card', where: 'in the case thread', when: 'Thu 3 Dec 2026 at 14:05' }], paged: false, total: 1 }),
      caseEndFormCard({ caseId: 'c1', caseReference: 'SM-1', kind: 'withdraw', reasons: [{ title: 'The family withdrew', value: 'family_withdrew' }], today: '2026-12-03', error: 'Choose a reason.' }),
      caseEndedCard({ caseId: 'c1', caseReference: 'SM-1', stateLabel: 'Withdrawn', reasonText: 'The family withdrew', dateText: 'Thu 3 Dec 2026', undoUntilText: 'Thu 10 Dec 2026' }),
      exportLinksCard({ title: 'Export of case SM-1', htmlUrl: 'https://bot.example/exports/a', jsonUrl: 'https://bot.example/exports/b', expiresText: 'Thu 3 Dec 2026 at 15:05' }),
      forgetPartyFormCard({ caseId: 'c1', caseReference: 'SM-1', parties: [{ title: 'Sam Jones', value: 'p1' }], error: 'Choose a person.' }),
    ];
    for (const c of cards) expect(readabilityProblems(c)).toEqual([]);
    for (const c of cards) expect(() => expectValidCard(c)).not.toThrow();
  });

  it('every card builder in cards/ is rendered and checked by some test', () => {
    const sources = testSources(TEST_DIR).filter((s) => /expectValidCard|readabilityProblems/.test(s));
    const builders = fs
      .readdirSync(CARDS_DIR)
      .filter((f) => f.endsWith('Card.ts'))
      .flatMap((f) => [...fs.readFileSync(path.join(CARDS_DIR, f), 'utf8').matchAll(/^export function (\w+Card)\(/gm)].map((m) => m[1] ?? ''));
    expect(builders.length).toBeGreaterThanOrEqual(40);
    const unchecked = builders.filter((b) => !sources.some((s) => s.includes(`${b}(`)));
    expect(unchecked).toEqual([]);
  });
});
