import { termsCard } from '../../cards/termsCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case, Party } from '../../domain/cases';
import type { AgreementErrors, AgreementValues } from '../../domain/terms';
import type { BotDeps } from '../deps';

export function termsCardFor(
  c: Case,
  party: Party,
  deps: BotDeps,
  extra: { onBehalf?: boolean; errors?: AgreementErrors; values?: AgreementValues } = {},
): AdaptiveCard {
  return termsCard({
    caseId: c.id,
    caseReference: c.caseReference,
    partyId: party.partyId,
    partyDisplayName: party.displayName,
    role: party.role,
    terms: deps.terms,
    ...extra,
  });
}
