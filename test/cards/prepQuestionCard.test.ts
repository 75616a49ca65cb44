import { prepAnsweredCard } from '../../cards/prepAnsweredCard';
import { prepQuestionCard, prepQuestionText, toPrepQuestionView } from '../../cards/prepQuestionCard';
import { emptyAnswers, preparationSubject, questionById, questionsFor, type PreparationQuestion } from '../../domain/preparation';
import { OFFICER, PARENT, ok, partyIdOf, prepCase } from '../preparation/prepFixtures';
import { cardParts, cardText, expectValidCard } from './validateCard';

const c = prepCase();
const officer = ok(preparationSubject(c, partyIdOf(c, OFFICER)));
const parent = ok(preparationSubject(c, partyIdOf(c, PARENT)));

function question(id: string): PreparationQuestion {
  const q = questionById(id);
  if (!q) throw new Error(id);
  return q;
}

describe('preparation question card', () => {
  it('is valid for every question of both dialogs', () => {
    for (const [subject, kind] of [[officer, 'la'], [parent, 'family']] as const) {
      const questions = questionsFor(kind);
      expect(questions.length).toBeGreaterThan(1);
      questions.forEach((q, i) => {
        const view = toPrepQuestionView(subject, q, emptyAnswers(kind), { number: i + 1, total: 9 });
        const card = prepQuestionCard(view);
        expectValidCard(card);
        // The person sees which question this is and what it asks.
        expect(cardText(card)).toContain(`question ${i + 1} of 9`);
        expect(cardText(card)).toContain(view.prompt);
      });
    }
  });

  it('offers a short choice as one-click buttons that carry the ids, the question and the answer', () => {
    const view = toPrepQuestionView(officer, question('la.fullAuthority'), emptyAnswers('la'), { number: 4, total: 8 });
    const card = prepQuestionCard(view);
    const parts = expectValidCard(card);
    expect(parts.inputs).toEqual([]);
    expect(parts.executes.map((a) => [a.title, a.verb, a.data])).toEqual([
      ['Yes', 'prep.answer', { caseId: c.id, partyId: officer.partyId, question: 'la.fullAuthority', answer: 'yes' }],
      ['No', 'prep.answer', { caseId: c.id, partyId: officer.partyId, question: 'la.fullAuthority', answer: 'no' }],
      ['Stop for now', 'prep.cancel', { caseId: c.id, partyId: officer.partyId }],
    ]);
    expect(cardText(card)).toMatch(/Will the person attending have full authority/);
    expect(cardText(card)).toMatch(/Type cancel to stop for now/);
  });

  it('offers a longer choice as a labelled, required radio list with one save button', () => {
    const parts = expectValidCard(prepQuestionCard(toPrepQuestionView(officer, question('la.careRepresentatives'), emptyAnswers('la'), { number: 5, total: 8 })));
    expect(parts.inputs).toMatchObject([{ type: 'Input.ChoiceSet', id: 'answer', style: 'expanded', isRequired: true }]);
    expect(parts.executes.map((a) => a.verb)).toEqual(['prep.answer', 'prep.cancel']);
    expect(parts.executes[0]?.data).toEqual({ caseId: c.id, partyId: officer.partyId, question: 'la.careRepresentatives' });
  });

  it('asks for text in a labelled input and shows why the last reply was refused, first', () => {
    const view = toPrepQuestionView(parent, question('family.adjustments'), emptyAnswers('family'), { number: 3, total: 4 }, 'Please type a short answer, or "none".');
    const card = prepQuestionCard(view);
    const parts = expectValidCard(card);
    expect(parts.inputs).toMatchObject([{ type: 'Input.Text', id: 'answer', label: 'Adjustments needed', isRequired: true }]);
    const texts = parts.textBlocks.map((t) => t.text);
    expect(texts.indexOf('Not accepted: Please type a short answer, or "none".')).toBeLessThan(texts.findIndex((t) => t.startsWith('Do you need any adjustments')));
    expect(prepQuestionText(view)).toMatch(/^Not accepted: .*\nCase SM-2026\/014, question 3 of 4: Do you need/);
    expect(card.fallbackText).toBe(prepQuestionText(view));
  });
});

describe('answered question card', () => {
  it('shows the answer and offers nothing to click', () => {
    const card = prepAnsweredCard({ caseReference: 'SM-1', title: 'Authority to settle', prompt: 'Will you…?', answer: 'No' });
    const parts = expectValidCard(card);
    expect(parts.actions).toEqual([]);
    expect(cardText(card)).toMatch(/Your answer: No/);
    // The answer is in words and bold, not in Teams' light green, which is too pale on white.
    expect(cardParts(card).textBlocks.find((t) => t.text === 'Your answer: No')).toMatchObject({ weight: 'bolder' });
  });
});
