import type { PreparationAnswers, PreparationQuestion, PreparationSubject, QuestionChoice, QuestionInput } from '../domain/preparation';
import { actionSet, card, container, execute, heading, text, type AdaptiveCard, type CardElement, type Choice } from './adaptive';
import { VERBS } from './verbs';

/**
 * One preparation question, as the dialogs ask it in a 1:1 chat. Plain JSON, so the dialog
 * can keep it in its state and draw it again (with a hint) when a reply is not accepted.
 */
export interface PrepQuestionView {
  readonly caseId: string;
  readonly partyId: string;
  readonly caseReference: string;
  readonly questionId: string;
  readonly title: string;
  readonly prompt: string;
  readonly help?: string;
  /** 1-based; the total changes as answers add or remove follow-up questions. */
  readonly number: number;
  readonly total: number;
  readonly input: QuestionInput;
  /** Why the last reply was not accepted. */
  readonly hint?: string;
}

/** A short answer list reads best as buttons (one click); longer ones as a labelled radio list. */
const BUTTONS_MAX = 3;
const BUTTON_TITLE_MAX = 30;

const toChoice = (c: QuestionChoice): Choice => ({ title: c.title, value: c.value });

function asButtons(choices: readonly QuestionChoice[]): boolean {
  return choices.length <= BUTTONS_MAX && choices.every((c) => c.title.length <= BUTTON_TITLE_MAX);
}

export function toPrepQuestionView(
  subject: PreparationSubject,
  question: PreparationQuestion,
  answers: PreparationAnswers,
  position: { readonly number: number; readonly total: number },
  hint?: string,
): PrepQuestionView {
  const help = question.help(subject.context);
  return {
    caseId: subject.caseId,
    partyId: subject.partyId,
    caseReference: subject.caseReference,
    questionId: question.id,
    title: question.title,
    prompt: question.prompt(subject.context, answers),
    ...(help ? { help } : {}),
    number: position.number,
    total: position.total,
    input: question.input,
    ...(hint ? { hint } : {}),
  };
}

/** The same question as plain text, for a client that cannot show the card, and for typing a reply. */
export function prepQuestionText(view: PrepQuestionView): string {
  const lines = [`Case ${view.caseReference}, question ${view.number} of ${view.total}: ${view.prompt}`];
  if (view.hint) lines.unshift(`Not accepted: ${view.hint}`);
  if (view.input.kind === 'choice') {
    lines.push(`Reply with the number or the words: ${view.input.choices.map((c, i) => `${i + 1}. ${c.title}`).join('; ')}.`);
  } else {
    lines.push(view.input.noneAllowed ? 'Type your answer, or "none".' : 'Type your answer.');
  }
  lines.push('Type cancel to stop for now: your answers so far are kept.');
  return lines.join('\n');
}

export function prepQuestionCard(view: PrepQuestionView): AdaptiveCard {
  const data = { caseId: view.caseId, partyId: view.partyId, question: view.questionId };
  const body: CardElement[] = [
    heading(view.title),
    text(`Case ${view.caseReference} · question ${view.number} of ${view.total}`, { isSubtle: true, spacing: 'none' }),
  ];
  if (view.hint) {
    body.push(container([text(`Not accepted: ${view.hint}`, { weight: 'bolder' })], { style: 'attention' }));
  }
  body.push(text(view.prompt, { weight: 'bolder' }));
  if (view.help) body.push(text(view.help, { isSubtle: true, spacing: 'small' }));

  const save = execute('Save answer', VERBS.prepAnswer, data, { style: 'positive' });
  const stop = execute('Stop for now', VERBS.prepCancel, { caseId: view.caseId, partyId: view.partyId }, { associatedInputs: 'none' });
  let actions = [save, stop];
  const input = view.input;
  if (input.kind === 'choice' && asButtons(input.choices)) {
    body.push(actionSet(input.choices.map((c) => execute(c.title, VERBS.prepAnswer, { ...data, answer: c.value }, { associatedInputs: 'none' }))));
    actions = [stop];
  } else if (input.kind === 'choice') {
    body.push({
      type: 'Input.ChoiceSet', id: 'answer', label: view.title, style: 'expanded', wrap: true,
      choices: [toChoice(input.choices[0]), ...input.choices.slice(1).map(toChoice)],
      isRequired: true, errorMessage: 'Choose one of the options.',
    });
  } else {
    body.push({
      type: 'Input.Text', id: 'answer', label: input.label, maxLength: input.maxLength,
      ...(input.placeholder ? { placeholder: input.placeholder } : {}),
      isRequired: true, errorMessage: input.noneAllowed ? 'Type a short answer, or "none".' : 'Type a short answer.',
    });
  }
  body.push(text('You can also type your answer. Type cancel to stop for now: your answers so far are kept.', { isSubtle: true, size: 'small' }));
  return card(body, actions, { fallbackText: prepQuestionText(view) });
}
