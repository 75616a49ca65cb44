import { NO_MEDIATION_REASONS, NO_MEDIATION_REASON_LABELS } from '../domain/certificate';
import { card, container, execute, fieldError, heading, nonEmptyChoices, text, type AdaptiveCard, type CardAction, type CardElement, type CardInput, type Choice } from './adaptive';
import { isIsoDate } from '../domain/timescales';
import { VERBS } from './verbs';

/**
 * Issuing a certificate (docs/rules.md#mediation-certificate): which kind, and the dates that kind needs. Cards
 * 1.5 cannot show a field only for one choice, so every date is shown, labelled with the
 * kind it belongs to, and checked on submission. When the case already has certificates the
 * card lists them: issuing the same kind again returns the existing one, and "Issue a new
 * version" re-issues (the old one is kept on file).
 */
export interface ExistingCertificateView {
  readonly variantLabel: string;
  readonly number: string;
  readonly issueDateText: string;
}

export interface CertificateFormCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly caseTypeLabel: string;
  readonly variantChoices: readonly [Choice, ...Choice[]];
  /** YYYY-MM-DD, Europe/London: no date can be after it. */
  readonly today: string;
  /** "The mediation concluded on Thu 17 Dec 2026: the certificate is due by Tue 22 Dec 2026." */
  readonly dueText?: string;
  /** M-HEALTH / M-SOCIAL, M-PLACEMENT: why the certificate is not needed for an appeal. */
  readonly notNeededText?: string;
  readonly existing: readonly ExistingCertificateView[];
  readonly values?: Readonly<Partial<Record<'variant' | 'noMediationOn' | 'noMediationHow' | 'laInformed' | 'cannotMeetOn', string>>>;
  readonly errors?: Readonly<Partial<Record<'variant' | 'noMediationOn' | 'noMediationHow' | 'laInformed' | 'cannotMeetOn' | 'form', string>>>;
}

function inputs(view: CertificateFormCardView): CardElement[] {
  const v = view.values ?? {};
  const e = view.errors ?? {};
  const date = (id: 'noMediationOn' | 'laInformed' | 'cannotMeetOn', label: string): CardInput => ({
    type: 'Input.Date',
    id,
    label,
    max: view.today,
    ...(isIsoDate(v[id]) ? { value: v[id] } : {}),
  });
  return [
    {
      type: 'Input.ChoiceSet',
      id: 'variant',
      label: 'Which certificate?',
      choices: view.variantChoices,
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Choose the kind of certificate.',
      ...(v.variant !== undefined ? { value: v.variant } : {}),
    },
    ...fieldError(e.variant),
    date('noMediationOn', 'If the family did not mediate: the date the adviser was told (or learned) mediation was not going ahead'),
    ...fieldError(e.noMediationOn),
    {
      type: 'Input.ChoiceSet',
      id: 'noMediationHow',
      label: 'If the family did not mediate: how',
      choices: nonEmptyChoices(NO_MEDIATION_REASONS.map((r) => ({ title: NO_MEDIATION_REASON_LABELS[r], value: r })), 'reasons'),
      style: 'compact',
      wrap: true,
      value: v.noMediationHow ?? 'declined',
    },
    ...fieldError(e.noMediationHow),
    date('laInformed', 'If mediation could not be arranged: the date the local authority was told mediation was wanted'),
    ...fieldError(e.laInformed),
    date('cannotMeetOn', 'If mediation could not be arranged: the date the local authority (or ICB) said it could not arrange it within 30 days'),
    ...fieldError(e.cannotMeetOn),
  ];
}

export function certificateFormCard(view: CertificateFormCardView): AdaptiveCard {
  const body: CardElement[] = [heading(`Issue a mediation certificate: case ${view.caseReference}`), text(`Decision: ${view.caseTypeLabel}`, { spacing: 'small' })];
  if (view.dueText) body.push(text(view.dueText, { spacing: 'small' }));
  if (view.notNeededText) body.push(container([text(view.notNeededText)], { style: 'warning' }));
  if (view.existing.length > 0) {
    body.push(
      heading('Already issued', 'default'),
      ...view.existing.map((x) => text(`- ${x.variantLabel}: ${x.number}, issued ${x.issueDateText}`, { spacing: 'none' })),
      text('Issuing the same kind again shows the existing certificate. To correct one, issue a new version: the old one is kept on file.', { isSubtle: true, size: 'small' }),
    );
  }
  if (view.errors?.form) body.push(container([text(view.errors.form, { weight: 'bolder' })], { style: 'attention' }));
  body.push(...inputs(view));
  body.push(text('The appeal date on the certificate is worked out for you and labelled as guidance, not legal advice.', { isSubtle: true, size: 'small' }));
  const actions: CardAction[] = [execute('Issue the certificate', VERBS.certificateIssue, { caseId: view.caseId }, { style: 'positive' })];
  if (view.existing.length > 0) {
    actions.push({
      type: 'Action.ShowCard',
      title: 'Issue a new version…',
      card: {
        type: 'AdaptiveCard',
        body: [text('Issue a new version of the chosen certificate? It gets a new number and replaces the current one; the appeal date still counts from the first issue.')],
        actions: [execute('Yes, issue a new version', VERBS.certificateIssue, { caseId: view.caseId, reissue: 1 })],
      },
    });
  }
  return card(body, actions, { fallbackText: `Issue a mediation certificate for case ${view.caseReference}: open this in Teams to choose the kind and dates.` });
}
