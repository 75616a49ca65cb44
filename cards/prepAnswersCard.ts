import { roleLabel } from '../domain/cases';
import { describeAnswers, preparationProgress, type PreparationAnswers, type PreparationSubject } from '../domain/preparation';
import { card, execute, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * A party's preparation answers so far: sent when they finish or stop, and shown to the
 * mediator who wants the detail behind a row of the board.
 */
export interface PrepAnswersView {
  readonly caseId: string;
  readonly partyId: string;
  readonly caseReference: string;
  readonly displayName: string;
  readonly roleLabel: string;
  readonly answered: number;
  readonly total: number;
  readonly complete: boolean;
  readonly lines: readonly { readonly title: string; readonly value: string }[];
  /** Offer the button that carries on from the first unanswered question. */
  readonly canResume: boolean;
}

export function toPrepAnswersView(subject: PreparationSubject, answers: PreparationAnswers, canResume: boolean): PrepAnswersView {
  const progress = preparationProgress(subject.context, answers);
  return {
    caseId: subject.caseId,
    partyId: subject.partyId,
    caseReference: subject.caseReference,
    displayName: subject.displayName,
    roleLabel: roleLabel(subject.context.role),
    answered: progress.answered,
    total: progress.total,
    complete: progress.complete,
    lines: describeAnswers(subject.context, answers).map(({ title, value }) => ({ title, value })),
    canResume: canResume && !progress.complete,
  };
}

export function prepAnswersText(view: PrepAnswersView): string {
  const status = view.complete ? 'complete' : `${view.answered} of ${view.total} questions answered`;
  return [
    `Preparation for case ${view.caseReference}, ${view.displayName} (${view.roleLabel}): ${status}.`,
    ...view.lines.map((l) => `${l.title}: ${l.value}`),
    ...(view.canResume ? ['Type prep to carry on.'] : []),
  ].join('\n');
}

export function prepAnswersCard(view: PrepAnswersView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Preparation for case ${view.caseReference}`),
    text(`${view.displayName}, ${view.roleLabel}`, { isSubtle: true, spacing: 'none' }),
    text(view.complete ? 'Complete: thank you. The mediator can see these answers.' : `${view.answered} of ${view.total} questions answered so far. Your answers are saved.`, {
      weight: 'bolder',
    }),
  ];
  if (view.lines.length > 0) body.push(facts(view.lines.map((l) => [l.title, l.value])));
  else body.push(text('No answers yet.', { isSubtle: true }));
  const actions = view.canResume ? [execute('Carry on', VERBS.prepStart, { caseId: view.caseId, partyId: view.partyId }, { style: 'positive' })] : [];
  return card(body, actions, { fallbackText: prepAnswersText(view) });
}
