import { prepBoardCard, prepBoardText, toPrepBoardView } from '../../cards/prepBoardCard';
import { preparationBoard } from '../../domain/preparation';
import { termsStatus } from '../../domain/terms';
import { FAMILY_COMPLETE_CHILD, OFFICER, PARENT, SCHOOL, TERMS, agreedByAll, partyIdOf, prepCase, recordFor } from '../preparation/prepFixtures';
import { cardParts, cardText, expectValidCard } from './validateCard';

describe('preparation board card', () => {
  const c = prepCase({}, [
    ['parent_carer', PARENT],
    ['la_officer', OFFICER],
    ['school', SCHOOL],
  ]);

  it('puts blockers first, in an attention container and in words (default text colour), then one line per party', () => {
    const acks = agreedByAll(c, 'limited').filter((a) => a.partyId !== partyIdOf(c, SCHOOL));
    const board = preparationBoard(c, termsStatus(c, acks, TERMS.version), [recordFor(c, PARENT, FAMILY_COMPLETE_CHILD)], [], '2026-12-10');
    const view = toPrepBoardView(board);
    const card = prepBoardCard(view);
    const parts = expectValidCard(card);
    expect(parts.elements[2]).toMatchObject({ type: 'Container', style: 'attention' });
    const texts = parts.textBlocks.map((t) => t.text);
    expect(texts).toContain('Blockers (2)');
    const blockers = parts.textBlocks.filter((t) => t.text.startsWith('Blocker: '));
    expect(blockers.map((b) => b.color)).toEqual([undefined, undefined]);
    expect(blockers[0]?.text).toMatch(/Lee Officer \(local authority officer\) does not have full authority/);
    expect(texts.indexOf('Parties')).toBeGreaterThan(texts.indexOf(blockers[1]?.text ?? ''));
    expect(cardText(card)).toMatch(/Ready: Pat Parent, Parent or carer\nTerms: agreed · Preparation: complete/);
    expect(cardText(card)).toMatch(/Not ready: Lee Officer, Local authority officer\nTerms: agreed · Preparation: not started, 0 of 8 answered · Authority: LIMITED\n/);
    expect(cardText(card)).toMatch(/Requested changes: 0 in all, 0 not sent; 0 agree, 0 decline, 0 to discuss, 0 without a position\./);
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([
      ['prep.board', { caseId: c.id }],
      ['changes.summary', { caseId: c.id }],
    ]);
    expect(prepBoardText(view)).toMatch(/^Preparation for case SM-2026\/014: 1 of 3 ready · 2 blockers: LA officer has limited authority \(\+1 more\)\nBlocker: /);
  });

  it('says there are no blockers when there are none', () => {
    const simple = prepCase({ caseType: 'D-DUTIES' }, [['school', SCHOOL]]);
    const card = prepBoardCard(toPrepBoardView(preparationBoard(simple, termsStatus(simple, agreedByAll(simple), TERMS.version), [], [], '2026-12-10')));
    expectValidCard(card);
    expect(cardText(card)).toMatch(/No blockers\./);
    expect(cardParts(card).executes.map((a) => a.verb)).toEqual(['prep.board']);
  });
});
