import { card, execute, fieldError, heading, text, type AdaptiveCard, type Choice } from './adaptive';
import { VERBS } from './verbs';

export interface RecordTermsPickerView {
  readonly caseId: string;
  readonly caseReference: string;
  /** Parties without an acknowledgement of the current terms. */
  readonly parties: readonly { readonly partyId: string; readonly label: string }[];
  readonly error?: string;
}

/**
 * For a party who cannot use cards (often a guest): the mediator picks them, then gets the
 * terms card in "record on their behalf" mode, which asks for the reason.
 */
export function recordTermsPickerCard(view: RecordTermsPickerView): AdaptiveCard {
  const [first, ...rest]: Choice[] = view.parties.map((p) => ({ title: p.label, value: p.partyId }));
  if (!first) {
    return card([heading('Record an agreement'), text(`Every party of case ${view.caseReference} has agreed to the current terms.`)]);
  }
  return card(
    [
      heading('Record an agreement on a party’s behalf'),
      text(`Case ${view.caseReference}. Use this when someone agreed but cannot press the card button (for example by phone).`),
      {
        type: 'Input.ChoiceSet',
        id: 'partyId',
        label: 'Whose agreement are you recording?',
        choices: [first, ...rest],
        isRequired: true,
        errorMessage: 'Choose the party.',
        wrap: true,
      },
      ...fieldError(view.error),
    ],
    [execute('Next', VERBS.termsRecordPick, { caseId: view.caseId })],
  );
}
