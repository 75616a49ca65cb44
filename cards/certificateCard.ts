import { card, container, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';

/**
 * A certificate as it appears in Teams (docs/rules.md#mediation-certificate, T17): its number, issue date, what it
 * confirms, and the appeal-by date with its weekday, labelled as guidance. The button opens
 * the printable page the family keeps; its address carries the access token, so it is passed
 * in by the bot and only ever shown to the people the card is sent to.
 */
export interface CertificateCardView {
  readonly number: string;
  readonly title: string;
  readonly caseReference: string;
  readonly variantLabel: string;
  /** "Fri 28 Nov 2025". */
  readonly issueDateText: string;
  /** "Morgan Mediator, Mediator, Example Mediation Service". */
  readonly issuerText: string;
  readonly detailFacts: readonly (readonly [string, string])[];
  readonly mediationIssues: readonly string[];
  readonly statement: string;
  /** "Fri 2 Jan 2026 (guidance, not legal advice)", or why there is none. */
  readonly appealByText: string;
  readonly appealExplanation: string;
  readonly appealStatement: string;
  readonly guidanceText: string;
  /** M-HEALTH / M-SOCIAL: "Not needed for an appeal: …". */
  readonly notNeededText?: string;
  readonly replacesText?: string;
  /** For mediators: "Issued on its due date (Wed 3 Dec 2025)." */
  readonly timelinessText?: string;
  readonly timelinessLate?: boolean;
  /** The printable page; absent when the bot has no token to hand (it was sent when issued). */
  readonly printUrl?: string;
}

export const ISSUES_SHOWN_MAX = 20;

export function certificateCard(view: CertificateCardView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`${view.title}: ${view.number}`),
    text(`Case ${view.caseReference} · ${view.variantLabel} · issued ${view.issueDateText}`, { isSubtle: true, spacing: 'none' }),
  ];
  if (view.replacesText) body.push(text(view.replacesText, { weight: 'bolder' }));
  body.push(text(view.statement));
  if (view.notNeededText) body.push(container([text(view.notNeededText, { weight: 'bolder' })], { style: 'warning' }));
  body.push(
    container(
      [
        text(`Appeal by: ${view.appealByText}`, { weight: 'bolder', size: 'medium' }),
        ...(view.appealExplanation !== '' ? [text(view.appealExplanation, { size: 'small', spacing: 'small' })] : []),
        text(view.appealStatement, { spacing: 'small' }),
        text(view.guidanceText, { isSubtle: true, size: 'small', spacing: 'small' }),
      ],
      { style: 'emphasis' },
    ),
    heading('Details', 'default'),
    facts([...view.detailFacts, ['Issued by', view.issuerText]]),
    heading('Mediation issues', 'default'),
    text(
      [...view.mediationIssues.slice(0, ISSUES_SHOWN_MAX).map((i) => `- ${i}`), ...(view.mediationIssues.length > ISSUES_SHOWN_MAX ? [`- and ${view.mediationIssues.length - ISSUES_SHOWN_MAX} more (see the printable certificate)`] : [])].join('\n'),
    ),
  );
  if (view.timelinessText) body.push(text(view.timelinessText, { ...(view.timelinessLate ? { color: 'attention' as const } : {}), spacing: 'medium' }));
  const actions: CardAction[] = [];
  if (view.printUrl) actions.push({ type: 'Action.OpenUrl', title: 'Open the printable certificate', url: view.printUrl });
  else body.push(text('The link to the printable certificate was sent when it was issued. A mediator can send it again.', { isSubtle: true, size: 'small' }));
  return card(body, actions, {
    fallbackText: `${view.title} ${view.number} for case ${view.caseReference}, issued ${view.issueDateText}. Appeal by: ${view.appealByText}.`,
  });
}
