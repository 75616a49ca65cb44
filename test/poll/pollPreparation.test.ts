import { addParty, type Case } from '../../domain/cases';
import { pollPrepPatch, pollPrepQuestions } from '../../domain/poll';
import type { PreparationRecord } from '../../domain/preparation';
import { LEAD, NOW, OFFICER, PARENT, makeCase } from '../domain/caseFixtures';

function withParties(): Case {
  let c = makeCase();
  for (const [person, role] of [[PARENT, 'parent_carer'], [OFFICER, 'la_officer']] as const) {
    const next = addParty(c, { role, displayName: person.displayName, aadObjectId: person.aadObjectId, how: 'roster' }, LEAD.aadObjectId, NOW);
    if (next instanceof Error) throw next;
    c = next;
  }
  return c;
}

describe('the family preparation questions on a poll card', () => {
  const c = withParties();
  const parent = `party:${c.parties[0]!.partyId}`;
  const officer = `party:${c.parties[1]!.partyId}`;

  it('asks the family what is still unanswered, and nobody else', () => {
    expect(pollPrepQuestions(c, parent, null)).toEqual({ adjustments: true, expenses: true });
    const record = { answers: { kind: 'family', adjustments: 'none' } } as unknown as PreparationRecord;
    expect(pollPrepQuestions(c, parent, record)).toEqual({ adjustments: false, expenses: true });
    expect(pollPrepQuestions(c, officer, null)).toEqual({ adjustments: false, expenses: false });
    expect(pollPrepQuestions(c, `mediator:${LEAD.aadObjectId}`, null)).toEqual({ adjustments: false, expenses: false });
  });

  it('turns what was given into a preparation patch, only for the questions asked', () => {
    const both = { adjustments: true, expenses: true };
    expect(pollPrepPatch({ adjustments: ' A quiet room ', expenses: 'travel' }, both)).toEqual({ kind: 'family', answers: { adjustments: 'A quiet room', expenses: 'travel' } });
    expect(pollPrepPatch({ adjustments: 'x', expenses: 'travel' }, { adjustments: false, expenses: false })).toBeUndefined();
    expect(pollPrepPatch({}, both)).toBeUndefined();
    expect(pollPrepPatch({ expenses: 'taxi' }, both)).toBeInstanceOf(Error);
    expect(pollPrepPatch({ adjustments: 'a'.repeat(401) }, both)).toBeInstanceOf(Error);
  });
});
