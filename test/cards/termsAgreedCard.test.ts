import { termsAgreedCard, toTermsAgreedView } from '../../cards/termsAgreedCard';
import type { Acknowledgement } from '../../domain/terms';
import { cardText, expectValidCard } from './validateCard';

const ack: Acknowledgement = {
  caseId: 'c1',
  partyId: 'p1',
  role: 'la_officer',
  termsVersion: 'abcdefabcdef',
  at: '2026-12-03T14:05:00.000Z',
  by: 'aad-officer',
  authority: 'full',
};

describe('terms agreed card', () => {
  it('says when, in Europe/London time, with the confirmations', () => {
    const card = termsAgreedCard(toTermsAgreedView(ack, 'SM-1', 'Lee Officer'));
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('You agreed on Thu 3 Dec 2026 at 14:05.');
    expect(text).toContain('Who: Lee Officer, Local authority officer');
    expect(text).toContain('• I have authority to settle the issues in this mediation');
    expect(text).toContain('Terms version: abcdefabcdef');
  });

  it('uses British Summer Time in summer', () => {
    const text = cardText(termsAgreedCard(toTermsAgreedView({ ...ack, at: '2026-07-01T13:05:00.000Z' }, 'SM-1', 'Lee')));
    expect(text).toContain('Wed 1 Jul 2026 at 14:05');
  });

  it('says who recorded it and why when a mediator did', () => {
    const recorded = { ...ack, role: 'young_person' as const, authority: undefined, youngPersonVoice: { mode: 'named' as const, name: 'Pat Parent' }, recordedByMediator: { mediatorAadObjectId: 'aad-lead', reason: 'by phone' } };
    const card = termsAgreedCard(toTermsAgreedView(recorded, 'SM-1', 'Young Person', 'Morgan Mediator'));
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Morgan Mediator recorded that Young Person agreed on Thu 3 Dec 2026 at 14:05.');
    expect(text).toContain('Reason recorded: by phone');
    expect(text).toContain('written permission for a named person to speak for me: Pat Parent');
  });
});
