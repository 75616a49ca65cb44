import type { Case, Party } from '../cases/caseSchema';
import { ALTERNATIVE_BASIS_LABELS } from './alternativePerson';
import type { Acknowledgement } from './acknowledgement';

export type TermsStatus = 'agreed' | 'agreed_older_version' | 'not_agreed' | 'recorded_by_mediator';

export const TERMS_STATUS_LABELS: Readonly<Record<TermsStatus, string>> = {
  agreed: 'Agreed',
  agreed_older_version: 'Agreed to an earlier version: needs to agree again',
  not_agreed: 'Not yet agreed',
  recorded_by_mediator: 'Agreed (recorded by mediator)',
};

export interface PartyTermsStatus {
  readonly party: Party;
  readonly status: TermsStatus;
  /** The acknowledgement of the current version, when there is one. */
  readonly acknowledgement?: Acknowledgement;
}

/** Each party's position against the current terms version. */
export function termsStatus(c: Case, acks: readonly Acknowledgement[], currentVersion: string): PartyTermsStatus[] {
  return c.parties.map((party) => {
    const mine = acks.filter((a) => a.caseId === c.id && a.partyId === party.partyId);
    const current = mine.find((a) => a.termsVersion === currentVersion);
    if (current) return { party, status: current.recordedByMediator ? 'recorded_by_mediator' : 'agreed', acknowledgement: current };
    return { party, status: mine.length > 0 ? 'agreed_older_version' : 'not_agreed' };
  });
}

export function partiesNeedingTerms(c: Case, acks: readonly Acknowledgement[], currentVersion: string): Party[] {
  return termsStatus(c, acks, currentVersion)
    .filter((s) => s.status === 'not_agreed' || s.status === 'agreed_older_version')
    .map((s) => s.party);
}

export interface TermsAlert {
  readonly partyId: string;
  readonly message: string;
}

/** What the mediator must know before the meeting from the agreements (docs/rules.md#terms-of-engagement, #preparation-and-requested-changes). */
export function termsAlerts(c: Case, acks: readonly Acknowledgement[], currentVersion: string): TermsAlert[] {
  const alerts: TermsAlert[] = [];
  for (const { party, acknowledgement } of termsStatus(c, acks, currentVersion)) {
    if (acknowledgement?.authority === 'limited') {
      alerts.push({ partyId: party.partyId, message: `${party.displayName} does not have full authority to settle the issues.` });
    }
    if (acknowledgement?.youngPersonVoice?.mode === 'alternative') {
      alerts.push({
        partyId: party.partyId,
        message: `${acknowledgement.youngPersonVoice.name ?? 'An alternative person'} acts for ${party.displayName}, who lacks capacity (${acknowledgement.youngPersonVoice.basis ? ALTERNATIVE_BASIS_LABELS[acknowledgement.youngPersonVoice.basis] : 'basis not recorded'}): check the deputyship or power of attorney if there is one.`,
      });
    }
    if (acknowledgement?.youngPersonVoice?.mode === 'named') {
      alerts.push({
        partyId: party.partyId,
        message: `${party.displayName} has given written permission for ${acknowledgement.youngPersonVoice.name ?? 'a named person'} to speak for them: check it is on file.`,
      });
    }
  }
  return alerts;
}
