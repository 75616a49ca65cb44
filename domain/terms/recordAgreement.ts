import { isMediator } from '../cases/authorisation';
import { CaseError } from '../cases/caseError';
import type { Case } from '../cases/caseSchema';
import type { Acknowledgement } from './acknowledgement';
import type { AgreementAnswers } from './agreementInput';

/**
 * Builds the acknowledgement for a `terms.agree` click, after checking who clicked: the
 * party themselves, or a mediator recording it for them (with a reason). The partyId comes
 * from the card, so it is only trusted once it is found in the stored case.
 */
/** The party themselves, or a mediator recording for them; anyone else is refused before any input is read. */
export function assertMayAgree(c: Case, party: Case['parties'][number], clicker: string): CaseError | undefined {
  const self = party.aadObjectId !== undefined && party.aadObjectId.toLowerCase() === clicker.toLowerCase();
  if (self || isMediator(c, clicker)) return undefined;
  return new CaseError('not_allowed', `Only ${party.displayName} or a mediator of the case can agree to these terms for them.`);
}

export function recordAgreement(
  c: Case,
  partyId: string,
  termsVersion: string,
  answers: AgreementAnswers,
  clicker: string,
  now: Date,
): Acknowledgement | CaseError {
  const party = c.parties.find((p) => p.partyId === partyId);
  if (!party) return new CaseError('not_found', 'This card is out of date: that person is no longer a party to the case.');
  const denied = assertMayAgree(c, party, clicker);
  if (denied) return denied;
  const self = party.aadObjectId !== undefined && party.aadObjectId.toLowerCase() === clicker.toLowerCase();
  if (!self && answers.reason === undefined) {
    return new CaseError('invalid_input', 'Say why you are recording the agreement on their behalf.');
  }
  return {
    caseId: c.id,
    partyId,
    role: party.role,
    termsVersion,
    at: now.toISOString(),
    by: clicker,
    ...(!self ? { recordedByMediator: { mediatorAadObjectId: clicker, reason: answers.reason ?? '' } } : {}),
    ...(answers.authority ? { authority: answers.authority } : {}),
    ...(answers.youngPersonVoice ? { youngPersonVoice: answers.youngPersonVoice } : {}),
    ...(answers.advocateGuidance ? { advocateGuidance: true as const } : {}),
  };
}
