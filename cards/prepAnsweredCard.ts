import { card, heading, text, type AdaptiveCard } from './adaptive';

/**
 * What a question card turns into once it is answered: the answer, and no buttons, so an
 * old card in the chat cannot be clicked again by mistake.
 */
export interface PrepAnsweredView {
  readonly caseReference: string;
  readonly title: string;
  readonly prompt: string;
  /** The answer in words (the choice's title, or the text typed). */
  readonly answer: string;
}

export function prepAnsweredCard(view: PrepAnsweredView): AdaptiveCard {
  return card(
    [
      heading(view.title),
      text(`Case ${view.caseReference}`, { isSubtle: true, spacing: 'none' }),
      text(view.prompt),
      text(`Your answer: ${view.answer}`, { weight: 'bolder' }),
      text('Saved.', { isSubtle: true, size: 'small' }),
    ],
    [],
    { fallbackText: `${view.prompt} Your answer: ${view.answer} (saved).` },
  );
}
