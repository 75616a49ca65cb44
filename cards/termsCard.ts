import { roleLabel, type ParticipantRole } from '../domain/cases';
import { ALTERNATIVE_BASES, ALTERNATIVE_BASIS_LABELS, roleConfirmationFor, type AgreementErrors, type AgreementValues, type RoleConfirmation, type Terms } from '../domain/terms';
import { actionSet, card, container, execute, fieldError, heading, nonEmptyChoices, text, toggle, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

export interface TermsCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly partyId: string;
  readonly partyDisplayName: string;
  readonly role: ParticipantRole;
  readonly terms: Pick<Terms, 'version' | 'title' | 'intro' | 'sections'>;
  /** A mediator recording the agreement for a party who cannot use the card. */
  readonly onBehalf?: boolean;
  readonly errors?: AgreementErrors;
  readonly values?: AgreementValues;
}

/** The id of a section's folded text, for its Show toggle. */
export function termsSectionId(index: number): string {
  return `terms-section-${index + 1}`;
}

/**
 * The intro, then each section's heading with its text folded behind a "Show" toggle, so the
 * whole card fits a phone screen and a reader opens what they want to read.
 */
function termsText(terms: TermsCardView['terms']): CardElement[] {
  const out: CardElement[] = terms.intro.map((p) => text(p));
  terms.sections.forEach((section, i) => {
    const id = termsSectionId(i);
    out.push({
      type: 'ColumnSet',
      spacing: 'medium',
      columns: [
        { type: 'Column', width: 'stretch', verticalContentAlignment: 'center', items: [heading(section.heading, 'default')] },
        { type: 'Column', width: 'auto', verticalContentAlignment: 'center', items: [actionSet([toggle('Show', [id], `Show or hide "${section.heading}"`)])] },
      ],
    });
    // One TextBlock per item: Teams clients differ in how they render Markdown lists.
    out.push(container(section.items.map((item) => text(item.bullet ? `• ${item.text}` : item.text, { spacing: 'small' })), { id, isVisible: false, spacing: 'small' }));
  });
  return out;
}

function confirmationInputs(confirmation: RoleConfirmation, view: TermsCardView): CardElement[] {
  const e = view.errors ?? {};
  const v = view.values ?? {};
  switch (confirmation.kind) {
    case 'authority':
      return [
        {
          type: 'Input.ChoiceSet', id: 'authority', label: confirmation.question, style: 'expanded', wrap: true,
          choices: [{ title: confirmation.full, value: 'full' }, { title: confirmation.limited, value: 'limited' }],
          isRequired: true, errorMessage: 'Say whether you can settle the issues.',
          ...(v.authority ? { value: v.authority } : {}),
        },
        ...fieldError(e.authority),
      ];
    case 'youngPersonVoice':
      return [
        {
          type: 'Input.ChoiceSet', id: 'ypVoice', label: confirmation.question, style: 'expanded', wrap: true,
          choices: [{ title: confirmation.self, value: 'self' }, { title: confirmation.named, value: 'named' }, { title: confirmation.alternative, value: 'alternative' }],
          isRequired: true, errorMessage: 'Say who will speak for you.',
          ...(v.ypVoice ? { value: v.ypVoice } : {}),
        },
        ...fieldError(e.ypVoice),
        { type: 'Input.Text', id: 'ypVoiceName', label: `${confirmation.nameLabel} (only if someone will)`, maxLength: 80, ...(v.ypVoiceName ? { value: v.ypVoiceName } : {}) },
        ...fieldError(e.ypVoiceName),
        {
          type: 'Input.ChoiceSet', id: 'ypVoiceBasis', label: confirmation.basisLabel, style: 'compact', wrap: true,
          choices: nonEmptyChoices(ALTERNATIVE_BASES.map((b) => ({ title: ALTERNATIVE_BASIS_LABELS[b], value: b })), 'bases'),
          ...(v.ypVoiceBasis ? { value: v.ypVoiceBasis } : {}),
        },
        ...fieldError(e.ypVoiceBasis),
      ];
    case 'advocateGuidance':
      return [
        heading('Advocate guidance', 'default'),
        ...confirmation.guidance.map((g) => text(`• ${g}`, { spacing: 'small' })),
        {
          type: 'Input.Toggle', id: 'advocateGuidance', label: 'Advocate guidance', title: confirmation.confirm,
          valueOn: 'true', valueOff: 'false', wrap: true, value: v.advocateGuidance === 'true' ? 'true' : 'false',
        },
        ...fieldError(e.advocateGuidance),
      ];
  }
}

/** The Terms of Engagement for one party, with their role's confirmations and the agree button. */
export function termsCard(view: TermsCardView): AdaptiveCard {
  const who = `${view.partyDisplayName}, ${roleLabel(view.role)}`;
  const body: CardElement[] = [
    heading(view.terms.title),
    text(`Case ${view.caseReference}. ${view.onBehalf ? `You are recording the agreement of ${who}.` : `For ${who}.`}`, { isSubtle: true }),
    ...termsText(view.terms),
  ];
  const confirmation = roleConfirmationFor(view.role);
  if (confirmation) body.push(heading('Your confirmation', 'default'), ...confirmationInputs(confirmation, view));
  if (view.onBehalf) {
    body.push(
      {
        type: 'Input.Text', id: 'recordReason', label: 'Why are you recording this for them?', maxLength: 300,
        placeholder: 'e.g. agreed by phone on 2 December', isRequired: true,
        errorMessage: 'Say why you are recording the agreement for them.',
        ...(view.values?.recordReason ? { value: view.values.recordReason } : {}),
      },
      ...fieldError(view.errors?.recordReason),
    );
  }
  body.push(text(`Terms version ${view.terms.version}`, { isSubtle: true, size: 'small' }));
  const data = { caseId: view.caseId, partyId: view.partyId, termsVersion: view.terms.version };
  return card(body, [execute(view.onBehalf ? 'Record their agreement' : 'I agree to these terms', VERBS.termsAgree, data, { style: 'positive' })], {
    fallbackText: `Terms of Engagement for case ${view.caseReference}. If you cannot see the button, tell the mediator you agree and they will record it.`,
  });
}
