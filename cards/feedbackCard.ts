import { FEEDBACK_COMMENT_MAX, RATING_WORDS } from '../domain/followUp';
import { card, container, execute, heading, text, type AdaptiveCard, type CardElement, type ChoiceSetInput } from './adaptive';
import { VERBS } from './verbs';

export interface FeedbackCardView {
  readonly caseId: string;
  /** Shown instead of the form once answered. */
  readonly answeredText?: string;
}

const ratings = (id: string, label: string): ChoiceSetInput => ({
  type: 'Input.ChoiceSet',
  id,
  label,
  style: 'expanded',
  isRequired: true,
  errorMessage: 'Choose from 1 to 5.',
  choices: [
    { title: `1 ${RATING_WORDS[0]}`, value: '1' },
    { title: `2 ${RATING_WORDS[1]}`, value: '2' },
    { title: `3 ${RATING_WORDS[2]}`, value: '3' },
    { title: `4 ${RATING_WORDS[3]}`, value: '4' },
    { title: `5 ${RATING_WORDS[4]}`, value: '5' },
  ],
});

/**
 * The short feedback card each party gets when the outcome is published. It does not name
 * the case: the answer is stored without the person or the case (docs/rules.md#feedback).
 */
export function feedbackCard(v: FeedbackCardView): AdaptiveCard {
  if (v.answeredText) return card([container([heading('Thank you', 'default'), text(v.answeredText)], { style: 'emphasis' })]);
  const body: CardElement[] = [
    heading('How was the mediation for you?'),
    text('Four short questions. Your answers are kept without your name, and only counted with everyone else’s.', { size: 'small' }),
    ratings('fairness', 'How fair was the process? (1 to 5)'),
    ratings('clarity', 'How clear was the process? (1 to 5)'),
    {
      type: 'Input.ChoiceSet',
      id: 'wouldUseAgain',
      label: 'Would you use mediation again?',
      style: 'expanded',
      isRequired: true,
      errorMessage: 'Choose yes or no.',
      choices: [
        { title: 'Yes', value: 'yes' },
        { title: 'No', value: 'no' },
      ],
    },
    { type: 'Input.Text', id: 'comment', label: 'Anything else? (optional)', isMultiline: true, maxLength: FEEDBACK_COMMENT_MAX },
    text('Please do not include anything that was said in the meeting: it is confidential.', { weight: 'bolder', size: 'small' }),
  ];
  return card(body, [execute('Send my feedback', VERBS.feedbackSubmit, { caseId: v.caseId }, { style: 'positive' })], {
    fallbackText: 'How was the mediation for you? Open this in Teams to answer four short questions.',
  });
}
