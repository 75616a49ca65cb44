import { ANSWER_LABELS, ANSWERS, slotText, type Answer, type PollPrepQuestions, type Slot } from '../domain/poll';
import { EXPENSES, EXPENSES_LABELS, LONGER_TEXT_MAX } from '../domain/preparation';
import { card, container, execute, heading, nonEmptyChoices, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

export interface PollCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly slots: readonly Slot[];
  /** This person's answers so far, by slot id. */
  readonly answers: Readonly<Record<string, Answer>>;
  /** Set once the mediator picked: the card then says which slot was chosen. */
  readonly chosen?: Slot;
  readonly saved?: boolean;
  /** The family preparation's practical questions still unanswered (parent or young person only). */
  readonly ask?: PollPrepQuestions;
}

/** A party's (or co-mediator's) availability for each proposed slot; answers can change until the mediator picks. */
export function pollCard(view: PollCardView): AdaptiveCard {
  const body: CardElement[] = [heading(`When can you come to the mediation meeting? (case ${view.caseReference})`, 'default')];
  if (view.chosen) {
    body.push(container([text(`The mediator picked **${slotText(view.chosen)}**.`, { weight: 'bolder' })], { style: 'good' }));
    return card(body, [], { fallbackText: `The mediator picked ${slotText(view.chosen)} for case ${view.caseReference}.` });
  }
  if (view.saved) body.push(container([text('Saved. You can change your answers until the mediator picks a date.')], { style: 'good' }));
  for (const slot of view.slots) {
    const current = view.answers[slot.slotId];
    body.push({
      type: 'Input.ChoiceSet',
      id: `answer_${slot.slotId}`,
      label: slotText(slot),
      style: 'expanded',
      wrap: true,
      choices: nonEmptyChoices(ANSWERS.map((a) => ({ title: ANSWER_LABELS[a], value: a })), 'answers'),
      ...(current ? { value: current } : {}),
    });
  }
  if (view.ask?.adjustments || view.ask?.expenses) body.push(text('While you are here (you can skip these):', { weight: 'bolder', spacing: 'large' }));
  if (view.ask?.adjustments) {
    body.push({
      type: 'Input.Text', id: 'adjustments', label: 'Do you need any adjustments to take part, such as breaks, a quiet room or an interpreter? Type "none" if not.',
      placeholder: 'e.g. short breaks every hour', maxLength: LONGER_TEXT_MAX,
    });
  }
  if (view.ask?.expenses) {
    body.push({
      type: 'Input.ChoiceSet', id: 'expenses', label: 'Will you claim expenses for attending?', style: 'compact', placeholder: 'Choose one', wrap: true,
      choices: nonEmptyChoices(EXPENSES.map((e) => ({ title: EXPENSES_LABELS[e], value: e })), 'expenses'),
    });
  }
  return card(body, [execute('Save my answers', VERBS.pollAnswer, { caseId: view.caseId }, { style: 'positive' })]);
}
