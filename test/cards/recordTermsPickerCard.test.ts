import { recordTermsPickerCard } from '../../cards/recordTermsPickerCard';
import { expectValidCard } from './validateCard';

describe('recordTermsPickerCard', () => {
  it('lists the parties still to agree, with a labelled picker and ids only in the action data', () => {
    const json = recordTermsPickerCard({
      caseId: 'c1',
      caseReference: 'SEND-1',
      parties: [{ partyId: 'p1', label: 'Sam Jones (Parent or carer)' }],
    });
    expectValidCard(json);
    expect(JSON.stringify(json)).toContain('Sam Jones (Parent or carer)');
    expect(json.actions?.[0]).toMatchObject({ verb: 'terms.recordPick', data: { caseId: 'c1' } });
  });

  it('says so when nobody is left', () => {
    const json = recordTermsPickerCard({ caseId: 'c1', caseReference: 'SEND-1', parties: [] });
    expectValidCard(json);
    expect(JSON.stringify(json)).toMatch(/Every party/);
  });
});
