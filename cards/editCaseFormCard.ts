import { card, container, execute, fieldProblemCount, heading, problemsBanner, text, type AdaptiveCard, type CardElement } from './adaptive';
import { caseFormFields, type CaseFormView } from './caseFormFields';
import { VERBS } from './verbs';

export interface EditCaseFormView extends CaseFormView {
  readonly caseId: string;
  readonly caseReference: string;
  /**
   * Set when the submitted values move a statutory or practice clock: the sentences to read,
   * and the token that saving them must send back (the same values give the same token).
   */
  readonly clockMoves?: { readonly lines: readonly string[]; readonly token: string };
}

/** "Edit case": the new-case form pre-filled (the reference cannot change); clock moves are shown before saving. */
export function editCaseFormCard(view: EditCaseFormView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Edit case ${view.caseReference}`),
    text('Change what you know now. Deadlines and reminders are worked out again when you save, and the case card updates for everyone.', { isSubtle: true }),
    ...problemsBanner(fieldProblemCount(view.errors), view.errors?.form),
  ];
  if (view.clockMoves) {
    body.push(
      container(
        [
          text('Saving this moves these deadlines:', { weight: 'bolder' }),
          ...view.clockMoves.lines.map((l) => text(l, { spacing: 'small' })),
          text('Check them, then save again to confirm.', { spacing: 'small' }),
        ],
        { style: 'warning' },
      ),
    );
  }
  body.push(...caseFormFields(view, { withReference: false }));
  const save = view.clockMoves
    ? execute('Save and move the deadlines', VERBS.caseEdit, { caseId: view.caseId, confirm: view.clockMoves.token }, { style: 'positive' })
    : execute('Save changes', VERBS.caseEdit, { caseId: view.caseId }, { style: 'positive' });
  return card(body, [save, execute('Cancel', VERBS.caseOpen, { caseId: view.caseId }, { associatedInputs: 'none' })]);
}
