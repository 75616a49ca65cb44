import { addParty, isCaseError, moveCase, nextTaskFor, partyFor, type Case, type CaseError } from '../../domain/cases';
import { recordAgreement, termsStatus, type Acknowledgement } from '../../domain/terms';
import { LEAD, NOW, PARENT, makeCase } from './caseFixtures';

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

describe('nextTaskFor', () => {
  const V = 'vvvvvvvvvvvv';
  let c: Case;
  beforeEach(() => {
    c = makeCase();
  });

  it('tells the mediator to add parties, then who still has to agree, then the meeting', () => {
    expect(nextTaskFor(c, LEAD.aadObjectId, [])).toBe('Add the parties to the case.');
    c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    expect(nextTaskFor(c, LEAD.aadObjectId, termsStatus(c, [], V))).toBe('1 party has not agreed the Terms of Engagement yet.');
    const ack: Acknowledgement = ok(recordAgreement(c, partyFor(c, PARENT.aadObjectId)?.partyId ?? '', V, {}, PARENT.aadObjectId, NOW));
    expect(nextTaskFor(c, LEAD.aadObjectId, termsStatus(c, [ack], V), '2026-12-01')).toBe('Meeting on Thu 17 Dec 2026 at 10:00');
    expect(nextTaskFor(c, LEAD.aadObjectId, termsStatus(c, [ack], V), '2026-12-18')).toBe('Start the meeting, or move its date if it did not happen.');
  });

  it('tells a party to agree the terms, then shows the meeting; a closed case needs nothing', () => {
    c = ok(addParty(c, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, NOW));
    expect(nextTaskFor(c, PARENT.aadObjectId, termsStatus(c, [], V))).toBe('Read and agree to the Terms of Engagement.');
    const ack = ok(recordAgreement(c, partyFor(c, PARENT.aadObjectId)?.partyId ?? '', V, {}, PARENT.aadObjectId, NOW));
    expect(nextTaskFor(c, PARENT.aadObjectId, termsStatus(c, [ack], V))).toMatch(/^Meeting on Thu 17 Dec 2026/);
    expect(nextTaskFor(ok(moveCase(c, 'CANCELLED')), PARENT.aadObjectId, [])).toMatch(/closed/);
  });
});
