import { roleLabel } from '../domain/cases';
import { formatLondonDateTime } from '../domain/londonTime';
import { roleConfirmationFor, youngPersonVoiceText, type Acknowledgement } from '../domain/terms';
import { card, container, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive';

export interface TermsAgreedView {
  readonly caseReference: string;
  readonly partyDisplayName: string;
  readonly roleLabel: string;
  readonly termsVersion: string;
  /** ISO instant; shown in Europe/London. */
  readonly agreedAt: string;
  /** Present when a mediator recorded it for the party. */
  readonly recordedBy?: { readonly mediatorName: string; readonly reason: string };
  /** The role-specific confirmations, as sentences. */
  readonly confirmations: readonly string[];
}

/** The confirmations an acknowledgement carries, in the words the person agreed to. */
export function confirmationSentences(ack: Acknowledgement): string[] {
  const c = roleConfirmationFor(ack.role);
  const out: string[] = [];
  if (c?.kind === 'authority' && ack.authority) out.push(ack.authority === 'full' ? c.full : c.limited);
  if (c?.kind === 'youngPersonVoice' && ack.youngPersonVoice) {
    out.push(youngPersonVoiceText(ack.youngPersonVoice));
  }
  if (c?.kind === 'advocateGuidance' && ack.advocateGuidance) out.push(c.confirm);
  return out;
}

export function toTermsAgreedView(
  ack: Acknowledgement,
  caseReference: string,
  partyDisplayName: string,
  mediatorName?: string,
): TermsAgreedView {
  return {
    caseReference,
    partyDisplayName,
    roleLabel: roleLabel(ack.role),
    termsVersion: ack.termsVersion,
    agreedAt: ack.at,
    ...(ack.recordedByMediator ? { recordedBy: { mediatorName: mediatorName ?? 'A mediator', reason: ack.recordedByMediator.reason } } : {}),
    confirmations: confirmationSentences(ack),
  };
}

/** Replaces the terms card once agreed, so a second click shows the record, not a second button. */
export function termsAgreedCard(view: TermsAgreedView): AdaptiveCard {
  const when = formatLondonDateTime(new Date(view.agreedAt));
  const headline = view.recordedBy
    ? `${view.recordedBy.mediatorName} recorded that ${view.partyDisplayName} agreed on ${when}.`
    : `You agreed on ${when}.`;
  const body: CardElement[] = [
    heading(`Terms of Engagement agreed: case ${view.caseReference}`),
    container([text(headline, { weight: 'bolder' })], { style: 'good' }),
    facts([
      ['Who', `${view.partyDisplayName}, ${view.roleLabel}`],
      ['Terms version', view.termsVersion],
      ...(view.recordedBy ? ([['Reason recorded', view.recordedBy.reason]] as [string, string][]) : []),
    ]),
    ...view.confirmations.map((c) => text(`• ${c}`, { spacing: 'small' })),
  ];
  return card(body, [], { fallbackText: headline });
}
