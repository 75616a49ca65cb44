import { card, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive';

export interface FeedbackSummaryView {
  /** "Mon 1 Jun 2026 to Thu 3 Dec 2026". */
  readonly periodText: string;
  readonly count: number;
  readonly rows: readonly (readonly [string, string])[];
  readonly byRole: readonly (readonly [string, string])[];
}

/** `feedback`: counts and averages of the parties' feedback, never one person's answer. */
export function feedbackSummaryCard(v: FeedbackSummaryView): AdaptiveCard {
  const body: CardElement[] = [heading('Feedback from the parties'), text(v.periodText, { size: 'small' })];
  if (v.count === 0) body.push(text('No feedback was given in this period.'));
  else body.push(facts(v.rows), text('**Answers by role**'), facts(v.byRole));
  body.push(text('Answers are stored without the person or the case; comments are not shown here.', { size: 'small', isSubtle: true }));
  return card(body, [], { fallbackText: `Feedback: ${v.count} answers, ${v.periodText}` });
}
