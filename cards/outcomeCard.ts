import { actionSet, card, container, execute, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { shorten } from '../domain/meeting/plainText';
import {
  actionsSection,
  attendeesSection,
  changesSection,
  confidentialitySection,
  fitToBudget,
  issuesSection,
  nextStepsSection,
  omittedNote,
  reasonSection,
  type Compaction,
  type OutcomeSummaryView,
} from './outcomeCardParts';
import { VERBS } from './verbs';

/**
 * The published outcome as everyone sees it (docs/rules.md#outcome-statement): the version, when it was
 * published, every party's answer in words, the outcome itself, the amended plan for
 * plan-content cases, and the buttons: parties confirm or ask for a correction (on the latest
 * version only), mediators publish a revised version.
 */
export type AnswerViewStatus = 'content' | 'correction' | 'none';

export interface AnswerView {
  readonly name: string;
  readonly roleText: string;
  readonly status: AnswerViewStatus;
  /** "Content with what is written", "Asked for a correction", "No answer yet". */
  readonly statusText: string;
  readonly reason?: string;
  /** "Thu 17 Dec 2026 at 15:02", and whether a mediator recorded it for them. */
  readonly whenText?: string;
}

export interface AmendedPlanLinkView {
  readonly title: string;
  readonly url: string;
  /** "Attached by Lee Officer on Thu 17 Dec 2026 at 13:10". */
  readonly suppliedText: string;
}

export interface OutcomeCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly outcomeVersion: number;
  /** "Published Fri 18 Dec 2026 at 09:10 by Morgan Mediator (within 24 hours of the close)". */
  readonly publishedText: string;
  /** "This revised version replaces version 1." */
  readonly revisedText?: string;
  readonly answers: readonly AnswerView[];
  /** "2 of 4 parties are content; 1 asked for a correction; 1 has not answered yet." */
  readonly answersSummary: string;
  readonly summary: OutcomeSummaryView;
  readonly amendedPlans: readonly AmendedPlanLinkView[];
  /** Plan-content cases: "Waiting for the amended plan from the local authority officer." */
  readonly amendedPlanWaitingText?: string;
  /** The viewer's own answer, when the card is personal to a party. */
  readonly yourAnswerText?: string;
  readonly showPartyButtons: boolean;
  readonly showMediatorButtons: boolean;
  readonly correctionInputId: string;
  readonly correctionMax: number;
}

const MARK: Readonly<Record<AnswerViewStatus, string>> = { content: '✓', correction: '✎', none: '○' };

function answersSection(view: OutcomeCardView, k: Compaction): CardElement[] {
  const lines = view.answers.map((a) => {
    const reason = a.reason !== undefined ? `: "${shorten(a.reason, k.reasonMax)}"` : '';
    const when = a.whenText ? ` (${a.whenText})` : '';
    return `- ${MARK[a.status]} **${a.name}** (${a.roleText}): ${a.statusText}${reason}${when}`;
  });
  return [
    heading(`Answers to version ${view.outcomeVersion}`, 'default'),
    text(view.answersSummary, { spacing: 'small' }),
    ...(lines.length > 0 ? [text(lines.join('\n'), { spacing: 'small' })] : [text('The case has no parties to answer.', { isSubtle: true })]),
  ];
}

function amendedPlanSection(view: OutcomeCardView): CardElement[] {
  if (view.amendedPlans.length === 0 && !view.amendedPlanWaitingText) return [];
  const out: CardElement[] = [heading('Amended plan', 'default')];
  if (view.amendedPlanWaitingText) out.push(container([text(view.amendedPlanWaitingText)], { style: 'warning' }));
  for (const p of view.amendedPlans) out.push(text(`${shorten(p.title, 120)}. ${p.suppliedText}.`, { size: 'small', spacing: 'small' }));
  if (view.amendedPlans.length > 0) {
    out.push(actionSet(view.amendedPlans.map((p): CardAction => ({ type: 'Action.OpenUrl', title: `Open ${shorten(p.title, 60)}`, url: p.url }))));
  }
  return out;
}

function buttons(view: OutcomeCardView): CardAction[] {
  const data = { caseId: view.caseId, outcomeVersion: view.outcomeVersion };
  const out: CardAction[] = [];
  if (view.showPartyButtons) {
    out.push(execute("I'm content with what is written", VERBS.outcomeContent, data, { style: 'positive', associatedInputs: 'none' }));
    out.push({
      type: 'Action.ShowCard',
      title: 'Ask for a correction',
      card: {
        type: 'AdaptiveCard',
        body: [
          {
            type: 'Input.Text',
            id: view.correctionInputId,
            label: `What needs correcting? (up to ${view.correctionMax} characters)`,
            isMultiline: true,
            maxLength: view.correctionMax,
            isRequired: true,
            errorMessage: 'Say briefly what needs correcting.',
          },
        ],
        actions: [execute('Send the correction request', VERBS.outcomeCorrection, data)],
      },
    });
  }
  if (view.showMediatorButtons) out.push(execute('Publish a revised version', VERBS.outcomeRevise, data, { associatedInputs: 'none' }));
  return out;
}

function build(view: OutcomeCardView, k: Compaction): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Outcome statement: case ${view.caseReference}, version ${view.outcomeVersion}`),
    text(view.publishedText, { spacing: 'small' }),
  ];
  if (view.revisedText) body.push(text(view.revisedText, { weight: 'bolder', spacing: 'none' }));
  if (view.yourAnswerText) body.push(container([text(view.yourAnswerText, { weight: 'bolder' })], { style: 'emphasis' }));
  body.push(
    ...answersSection(view, k),
    ...reasonSection(view.summary),
    ...attendeesSection(view.summary),
    heading('Overview', 'default'),
    text(view.summary.overview ?? '', { spacing: 'small' }),
    ...issuesSection(view.summary, k),
    ...actionsSection(view.summary, k),
    ...changesSection(view.summary, k),
    ...omittedNote(view.summary, k),
    ...amendedPlanSection(view),
    ...confidentialitySection(view.summary),
    ...nextStepsSection(view.summary),
  );
  return card(body, buttons(view), {
    fallbackText: `Outcome statement for case ${view.caseReference}, version ${view.outcomeVersion}. ${view.answersSummary} Open this in Teams to read it and answer.`,
  });
}

export function outcomeCard(view: OutcomeCardView): AdaptiveCard {
  return fitToBudget((k) => build(view, k), { actions: view.summary.actions.length, changes: view.summary.changes.length });
}
