import { ANSWER_LABELS, ANSWERS, slotText, type Answer, type Slot } from '../domain/poll';
import { card, container, execute, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
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
}

/** A party's (or co-mediator's) availability for each proposed slot; answers can change until the mediator picks. */
export function pollCard(view: PollCardView): AdaptiveCard {
  const body: CardElement[] = [heading(`When can you come to the mediation meeting? (case ${view.caseReference})`, 'default')];
  if (view.chosen) {
    body.push(container([text(`The mediator picked **${slotText(view.chosen)}**.`, { weight: 'bolder' })], { style: 'good' }));
    return card(body, [], { fallbackText: `The mediator picked ${slotText(view.chosen)} for case ${view.caseReference}.` });
  }
  if (view.saved) body.push(container([text('Saved. You can change your answers until the mediator picks a date.', { color: 'good' })], { style: 'good' }));
  for (const slot of view.slots) {
    const current = view.answers[slot.slotId];
    body.push({
      type: 'Input.ChoiceSet',
      id: `answer_${slot.slotId}`,
      label: slotText(slot),
      style: 'expanded',
      wrap: true,
      choices: ANSWERS.map((a) => ({ title: ANSWER_LABELS[a], value: a })) as [{ title: string; value: string }, ...{ title: string; value: string }[]],
      ...(current ? { value: current } : {}),
    });
  }
  return card(body, [execute('Save my answers', VERBS.pollAnswer, { caseId: view.caseId }, { style: 'positive' })]);
}
