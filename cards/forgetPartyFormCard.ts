import { card, execute, fieldError, heading, nonEmptyChoices, text, type AdaptiveCard, type Choice } from './adaptive';
import { VERBS } from './verbs';

/** `forget party`: which party, and why (the request it answers). */
export interface ForgetPartyFormView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly parties: readonly Choice[];
  readonly error?: string;
}

export function forgetPartyFormCard(view: ForgetPartyFormView): AdaptiveCard {
  return card(
    [
      heading(`Erase a party: ${view.caseReference}`),
      text('Their name becomes "Former party" and their Teams identity is removed from the case and its requested changes. What they did stays on record (that a parent agreed the terms, for example). Published outcome statements and issued certificates are kept as issued. This cannot be undone.'),
      ...fieldError(view.error),
      { type: 'Input.ChoiceSet', id: 'partyId', label: 'Party', choices: nonEmptyChoices(view.parties, 'parties'), style: 'expanded', wrap: true, isRequired: true, errorMessage: 'Choose the party.' },
      { type: 'Input.Text', id: 'reason', label: 'Reason (the request and its date)', maxLength: 300, isRequired: true, errorMessage: 'Give the reason.' },
    ],
    [execute('Erase', VERBS.partyForget, { caseId: view.caseId }, { associatedInputs: 'auto' })],
  );
}
