import { card, container, execute, fieldError, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * To the LA officer after a plan-content mediation (docs/rules.md#timescale-rules T9, provider practice): please send
 * the amended plan with the agreed wording, so it can be attached to the outcome. A link, not
 * a copy: the plan stays in the LA's system and only people with access can open it.
 */
export interface AmendedPlanReceivedView {
  readonly title: string;
  /** "Attached Thu 17 Dec 2026 at 13:10". */
  readonly suppliedText: string;
}

export interface AmendedPlanRequestCardView {
  readonly caseId: string;
  readonly caseReference: string;
  /** "Thu 17 Dec 2026". */
  readonly meetingDateText: string;
  /** "This is a reminder: the outcome statement is waiting for it." on a chase. */
  readonly reminderText?: string;
  readonly received: readonly AmendedPlanReceivedView[];
  readonly inputId: string;
  readonly urlMax: number;
  /** What was typed, when the card comes back with a problem. */
  readonly value?: string;
  readonly error?: string;
}

/** The card checks the shape; the server checks it properly (checkPlanUrl). */
export const HTTPS_PATTERN = '^https://\\S+$';

export function amendedPlanRequestCard(view: AmendedPlanRequestCardView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Amended plan: case ${view.caseReference}`),
    text(
      `Please send the amended plan with the wording agreed at the mediation on ${view.meetingDateText}, so it can be attached to the outcome statement.`,
    ),
  ];
  if (view.reminderText) body.push(container([text(view.reminderText, { weight: 'bolder' })], { style: 'warning' }));
  body.push(
    text('Share a link from your document system, or use "Copy link" on the file in Teams. The link should ask people to sign in: only those with access can open the plan.', {
      isSubtle: true,
      size: 'small',
    }),
  );
  if (view.received.length > 0) {
    body.push(heading('Already attached', 'default'), ...view.received.map((r) => text(`- ${r.title}: ${r.suppliedText}`, { spacing: 'none' })));
  }
  body.push(
    {
      type: 'Input.Text',
      id: view.inputId,
      label: 'Link to the amended plan (starts with https://)',
      placeholder: 'https://',
      maxLength: view.urlMax,
      regex: HTTPS_PATTERN,
      isRequired: true,
      errorMessage: 'Enter a link that starts with https://',
      ...(view.value !== undefined ? { value: view.value } : {}),
    },
    ...fieldError(view.error),
  );
  return card(body, [execute('Attach the amended plan', VERBS.outcomeAmendedPlan, { caseId: view.caseId }, { style: 'positive' })], {
    fallbackText: `Please send the amended plan for case ${view.caseReference} to the mediator, as a link, so it can be attached to the outcome statement.`,
  });
}
