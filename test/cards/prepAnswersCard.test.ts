import { prepAnswersCard, prepAnswersText, toPrepAnswersView } from '../../cards/prepAnswersCard';
import { emptyAnswers, preparationSubject } from '../../domain/preparation';
import { LA_COMPLETE_CONTENT, OFFICER, ok, partyIdOf, prepCase } from '../preparation/prepFixtures';
import { cardText, expectValidCard } from './validateCard';

describe('preparation answers card', () => {
  const c = prepCase();
  const subject = ok(preparationSubject(c, partyIdOf(c, OFFICER)));

  it('lists the answers so far and offers to carry on when unfinished', () => {
    const view = toPrepAnswersView(subject, { kind: 'la', attendeeName: 'Lee Officer', fullAuthority: false, authorityLimits: 'Funding' }, true);
    const card = prepAnswersCard(view);
    const parts = expectValidCard(card);
    expect(cardText(card)).toMatch(/3 of 10 questions answered so far/);
    expect(cardText(card)).toMatch(/What cannot be decided on the day: Funding/);
    expect(parts.executes.map((a) => [a.verb, a.data])).toEqual([['prep.start', { caseId: c.id, partyId: subject.partyId }]]);
    expect(prepAnswersText(view)).toMatch(/Type prep to carry on/);
  });

  it('says complete and offers no button when everything is answered', () => {
    const card = prepAnswersCard(toPrepAnswersView(subject, { kind: 'la', ...LA_COMPLETE_CONTENT.answers }, true));
    const parts = expectValidCard(card);
    expect(parts.executes).toEqual([]);
    expect(cardText(card)).toMatch(/Complete: thank you/);
    expect(cardText(prepAnswersCard(toPrepAnswersView(subject, emptyAnswers('la'), false)))).toMatch(/No answers yet/);
  });
});
