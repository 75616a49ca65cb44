import { card, execute, fieldError, heading, nonEmptyChoices, text, type AdaptiveCard, type CardElement, type Choice } from './adaptive';
import { VERBS } from './verbs';

/** `close case`, `withdraw` or `cancel`: the reason from a list (and, for a withdrawal, its date). */
export interface CaseEndFormView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly kind: 'close' | 'withdraw' | 'cancel';
  readonly reasons: readonly Choice[];
  /** YYYY-MM-DD, Europe/London: the latest date allowed. */
  readonly today: string;
  readonly values?: { readonly reason?: string; readonly withdrawnOn?: string };
  readonly error?: string;
}

const TITLES = { close: 'Close case', withdraw: 'Record a withdrawal', cancel: 'Cancel case' } as const;
const INTROS = {
  close: 'Closing ends the case: its records are kept for the provider’s retention period and then deleted. A mediator can undo this within 14 days.',
  withdraw: 'The family has withdrawn. Close the case afterwards, once any certificate that is due has been issued. A mediator can undo this within 14 days.',
  cancel: 'For a case opened by mistake: it ends now. A mediator can undo this within 14 days.',
} as const;
const BUTTONS = { close: 'Close the case', withdraw: 'Record the withdrawal', cancel: 'Cancel the case' } as const;

export function caseEndFormCard(view: CaseEndFormView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`${TITLES[view.kind]}: ${view.caseReference}`),
    text(INTROS[view.kind]),
    ...fieldError(view.error),
    {
      type: 'Input.ChoiceSet',
      id: 'reason',
      label: 'Reason',
      choices: nonEmptyChoices(view.reasons, 'reasons'),
      style: 'expanded',
      wrap: true,
      isRequired: true,
      errorMessage: 'Choose a reason.',
      ...(view.values?.reason ? { value: view.values.reason } : {}),
    },
  ];
  if (view.kind === 'withdraw') {
    body.push({
      type: 'Input.Date',
      id: 'withdrawnOn',
      label: 'Date the family withdrew',
      max: view.today,
      isRequired: true,
      errorMessage: 'Give the date the family withdrew.',
      ...(view.values?.withdrawnOn ? { value: view.values.withdrawnOn } : {}),
    });
  }
  return card(body, [execute(BUTTONS[view.kind], VERBS.caseEnd, { caseId: view.caseId, kind: view.kind }, { associatedInputs: 'auto' })]);
}
