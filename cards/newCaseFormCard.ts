import { card, execute, fieldProblemCount, heading, problemsBanner, text, type AdaptiveCard, type CardElement } from './adaptive';
import { caseFormFields, type CaseFormView } from './caseFormFields';
import { VERBS } from './verbs';

export type NewCaseFormView = CaseFormView;

/** The form behind "new case"; shown again with messages beside the fields when something is wrong. */
export function newCaseFormCard(view: NewCaseFormView = {}): AdaptiveCard {
  const body: CardElement[] = [
    heading('Open a new case'),
    text('Record as little as you need: initials, not names; no dates of birth or addresses. The person who opens the case becomes its lead mediator.', { isSubtle: true }),
  ];
  body.push(...problemsBanner(fieldProblemCount(view.errors), view.errors?.form), ...caseFormFields(view, { withReference: true }));
  return card(body, [execute('Open the case', VERBS.caseCreate, undefined, { style: 'positive' })]);
}
