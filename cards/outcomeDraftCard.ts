import { card, container, execute, fieldError, heading, text, type AdaptiveCard, type CardElement, type Choice, type TextInput } from './adaptive';
import { shorten } from '../domain/meeting/plainText';
import {
  actionsSection,
  attendeesSection,
  changesSection,
  confidentialitySection,
  fitToBudget,
  nextStepsSection,
  omittedNote,
  reasonSection,
  type Compaction,
  type OutcomeSummaryView,
} from './outcomeCardParts';
import { VERBS } from './verbs';

/**
 * The mediator's draft of the outcome statement (docs/rules.md#outcome-statement, T8): everything worked out
 * from the records, a result picker per issue (pre-set from the meeting), and the one short
 * overview, with the reminder beside it that the outcome is not minutes (docs/rules.md#what-the-product-never-records). Publishing
 * creates the version named in the button's data.
 */
export interface IssueInputView {
  readonly issueId: string;
  /** `issue_<issueId>`: what validateOutcomeDraftSubmission reads. */
  readonly inputId: string;
  readonly title: string;
  /** "From the meeting record: Resolved". */
  readonly derivedText: string;
  /** The result code pre-selected. */
  readonly value: string;
}

export interface OutcomeDraftCardView {
  readonly caseId: string;
  readonly caseReference: string;
  /** The version that Publish creates: 1, or n+1 for a revision. */
  readonly outcomeVersion: number;
  /** "Due by Fri 18 Dec 2026 at 12:30 (due in 5 h 20 min)"; for a revision, what it revises. */
  readonly dueText: string;
  readonly overdue: boolean;
  /** Correction requests on the version being revised: "Pat Parent: the date of the EP visit is wrong". */
  readonly corrections: readonly string[];
  readonly summary: OutcomeSummaryView;
  readonly issueInputs: readonly IssueInputView[];
  readonly resultChoices: readonly [Choice, ...Choice[]];
  readonly overviewInputId: string;
  readonly overview: string;
  readonly overviewMax: number;
  readonly notMinutesReminder: string;
  /** Keyed by input id, plus `form`. */
  readonly errors?: Readonly<Record<string, string>>;
}

function issuePickers(view: OutcomeDraftCardView, k: Compaction): CardElement[] {
  const out: CardElement[] = [heading('Result per issue', 'default'), text('Set from the meeting record. Change a result if the record does not reflect the outcome.', { isSubtle: true, size: 'small', spacing: 'none' })];
  for (const issue of view.issueInputs) {
    out.push({
      type: 'Input.ChoiceSet',
      id: issue.inputId,
      label: `${shorten(issue.title, k.titleMax)} (${issue.derivedText})`,
      choices: view.resultChoices,
      value: issue.value,
      style: 'compact',
      wrap: true,
      isRequired: true,
      errorMessage: 'Choose a result for this issue.',
      spacing: 'small',
    });
    out.push(...fieldError(view.errors?.[issue.inputId]));
  }
  return out;
}

function overviewSection(view: OutcomeDraftCardView): CardElement[] {
  const input: TextInput = {
    type: 'Input.Text',
    id: view.overviewInputId,
    label: `Overview (up to ${view.overviewMax} characters)`,
    isMultiline: true,
    maxLength: view.overviewMax,
    isRequired: true,
    errorMessage: 'Write a short overview of the outcome.',
    ...(view.overview !== '' ? { value: view.overview } : {}),
  };
  return [
    heading('Overview', 'default'),
    container([text(view.notMinutesReminder, { weight: 'bolder' })], { style: 'warning', spacing: 'small' }),
    input,
    ...fieldError(view.errors?.[view.overviewInputId]),
  ];
}

function build(view: OutcomeDraftCardView, k: Compaction): AdaptiveCard {
  const problems = Object.keys(view.errors ?? {}).length;
  const body: CardElement[] = [
    heading(`Outcome statement: case ${view.caseReference}, draft of version ${view.outcomeVersion}`),
    text(view.dueText, { color: view.overdue ? 'attention' : 'default', weight: view.overdue ? 'bolder' : 'default', spacing: 'small' }),
  ];
  if (problems > 0) {
    body.push(container([text(view.errors?.form ?? 'Please check the fields marked below.', { weight: 'bolder' })], { style: 'attention' }));
  }
  if (view.corrections.length > 0) {
    body.push(
      container([text('Corrections asked for', { weight: 'bolder' }), ...view.corrections.map((c) => text(`- ${shorten(c, 400)}`, { spacing: 'none' }))], {
        style: 'emphasis',
      }),
    );
  }
  body.push(
    ...reasonSection(view.summary),
    ...attendeesSection(view.summary),
    ...issuePickers(view, k),
    ...actionsSection(view.summary, k),
    ...changesSection(view.summary, k),
    ...omittedNote(view.summary, k),
    ...overviewSection(view),
    ...confidentialitySection(view.summary),
    ...nextStepsSection(view.summary),
    text('The next steps are worked out again from the results you choose when you publish.', { isSubtle: true, size: 'small', spacing: 'none' }),
  );
  return card(body, [execute(`Publish version ${view.outcomeVersion}`, VERBS.outcomePublish, { caseId: view.caseId, outcomeVersion: view.outcomeVersion }, { style: 'positive' })], {
    fallbackText: `Draft outcome statement for case ${view.caseReference}: open this in Teams to write the overview and publish it.`,
  });
}

export function outcomeDraftCard(view: OutcomeDraftCardView): AdaptiveCard {
  return fitToBudget((k) => build(view, k), { actions: view.summary.actions.length, changes: view.summary.changes.length });
}
