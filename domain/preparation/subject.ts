import type { CaseTypeCode } from '../caseTypes';
import { isMediator } from '../cases/authorisation';
import { CaseError } from '../cases/caseError';
import type { Case } from '../cases/caseSchema';
import { roleLabel, type ParticipantRole } from '../cases/partyRoles';
import type { PreparationKind } from './answers';

/** What the questions depend on: which apply and how they are worded. */
export interface QuestionContext {
  readonly caseType: CaseTypeCode;
  readonly isYoungPerson: boolean;
  readonly role: ParticipantRole;
}

/** One party's preparation in one case: everything a dialog needs, as plain JSON. */
export interface PreparationSubject {
  readonly caseId: string;
  readonly caseReference: string;
  readonly partyId: string;
  readonly displayName: string;
  readonly kind: PreparationKind;
  readonly context: QuestionContext;
}

/**
 * Who prepares with the bot. The LA officer and the ICB representative answer the same
 * authority and attendance questions (docs/rules.md#terms-of-engagement asks both to confirm authority); the parent and
 * the young person answer the family questions. Other roles prepare with the mediator.
 */
export function preparationKindFor(role: ParticipantRole): PreparationKind | undefined {
  switch (role) {
    case 'la_officer':
    case 'health_icb':
      return 'la';
    case 'parent_carer':
    case 'young_person':
      return 'family';
    default:
      return undefined;
  }
}

export function preparationSubject(c: Case, partyId: string): PreparationSubject | CaseError {
  const party = c.parties.find((p) => p.partyId === partyId);
  if (!party) return new CaseError('not_found', 'That person is no longer a party to the case, so there is nothing to prepare.');
  const kind = preparationKindFor(party.role);
  if (!kind) {
    return new CaseError('invalid_input', `There are no preparation questions for the ${roleLabel(party.role).toLowerCase()}: the mediator will talk it through with them.`);
  }
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    partyId,
    displayName: party.displayName,
    kind,
    context: { caseType: c.caseType, isYoungPerson: c.isYoungPerson, role: party.role },
  };
}

/**
 * The party answers for themselves; a mediator may answer for a party who cannot use the
 * bot (guest users, docs/architecture.md#parties-who-cannot-use-cards). The record keeps who saved each version.
 */
export function assertMayPrepare(c: Case, partyId: string, actor: string): CaseError | undefined {
  const party = c.parties.find((p) => p.partyId === partyId);
  if (!party) return new CaseError('not_found', 'That person is no longer a party to the case.');
  const self = party.aadObjectId !== undefined && party.aadObjectId.toLowerCase() === actor.toLowerCase();
  if (self || isMediator(c, actor)) return undefined;
  return new CaseError('not_allowed', `Only ${party.displayName} or a mediator of case ${c.caseReference} can answer these questions.`);
}
