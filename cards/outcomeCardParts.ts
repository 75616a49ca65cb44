import { CARD_BYTES_MAX, cardBytes, container, facts, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { shorten } from '../domain/meeting/plainText';

/**
 * What the draft and the published outcome cards share: the summary sections and the way
 * both stay under Teams' card size limit. Results and answers are always said in words (and
 * a symbol), never by colour alone.
 */

export interface AttendeeView {
  readonly name: string;
  /** "Parent or carer", "Mediator", "Local authority officer, Surrey County Council". */
  readonly roleText: string;
  readonly note?: string;
}

export interface IssueView {
  readonly issueId: string;
  readonly title: string;
  readonly resultText: string;
  /** Set when the mediator's result differs from the meeting record's. */
  readonly derivedText?: string;
}

export interface ActionView {
  readonly number: number;
  readonly owner: string;
  readonly what: string;
  /** "by Tue 19 Jan 2027", with the weekday. */
  readonly byText: string;
  /** Where the date comes from: "statutory, T13d" or "statutory: …; agreed in writing: …". */
  readonly detailText?: string;
}

export interface ChangeRowView {
  /** "Change 3: section F, paragraph 2.1". */
  readonly label: string;
  readonly requestedWording: string;
  readonly resultText: string;
  readonly agreedWording?: string;
}

/** Everything both outcome cards show about the outcome itself, as display strings. */
export interface OutcomeSummaryView {
  readonly caseReference: string;
  /** Decision, local authority, decision notice date, dates of mediation, format, how it ended, initials, mediators, service. */
  readonly reasonFacts: readonly (readonly [string, string])[];
  readonly attendees: readonly AttendeeView[];
  readonly issues: readonly IssueView[];
  readonly actions: readonly ActionView[];
  /** Plan-content cases only. */
  readonly changes: readonly ChangeRowView[];
  readonly overview?: string;
  readonly confidentialityNote: string;
  readonly nextSteps: readonly string[];
  readonly guidance: string;
}

/** How much detail fits: long wording is cut first, then rows are left out (with a note). */
export interface Compaction {
  readonly wordingMax: number;
  readonly whatMax: number;
  readonly titleMax: number;
  /** Free text people wrote in answers (correction reasons). */
  readonly reasonMax: number;
  readonly changeRows: number;
  readonly actionRows: number;
}

/**
 * Builds the card with as much detail as fits the budget: wording is shortened step by step,
 * then rows are left out from the end, a plan change and an action in turn, so neither list
 * disappears while the other is whole.
 */
export function fitToBudget(build: (k: Compaction) => AdaptiveCard, counts: { readonly actions: number; readonly changes: number }): AdaptiveCard {
  const levels: readonly (readonly [number, number, number, number])[] = [
    [400, 500, 300, 300],
    [200, 300, 200, 200],
    [120, 200, 120, 120],
    [60, 120, 80, 80],
    [30, 80, 60, 60],
  ];
  let k: Compaction = { wordingMax: 400, whatMax: 500, titleMax: 300, reasonMax: 300, changeRows: counts.changes, actionRows: counts.actions };
  let built = build(k);
  for (const [wordingMax, whatMax, titleMax, reasonMax] of levels) {
    k = { ...k, wordingMax, whatMax, titleMax, reasonMax };
    built = build(k);
    if (cardBytes(built) <= CARD_BYTES_MAX) return built;
  }
  let dropChange = true;
  while (cardBytes(built) > CARD_BYTES_MAX && (k.changeRows > 0 || k.actionRows > 0)) {
    if ((dropChange && k.changeRows > 0) || k.actionRows === 0) k = { ...k, changeRows: k.changeRows - 1 };
    else k = { ...k, actionRows: k.actionRows - 1 };
    dropChange = !dropChange;
    built = build(k);
  }
  return built;
}

export function reasonSection(view: OutcomeSummaryView): CardElement[] {
  return [heading('Reason for mediation', 'default'), facts(view.reasonFacts)];
}

export function attendeesSection(view: OutcomeSummaryView): CardElement[] {
  if (view.attendees.length === 0) return [];
  const lines = view.attendees.map((a) => `- **${a.name}**, ${a.roleText}${a.note ? `. ${a.note}` : ''}`);
  return [heading('Who took part', 'default'), text(lines.join('\n'))];
}

/** The published results; the draft card shows pickers instead. */
export function issuesSection(view: OutcomeSummaryView, k: Compaction): CardElement[] {
  return [
    heading('Result per issue', 'default'),
    ...view.issues.map((i) =>
      text(`**${shorten(i.title, k.titleMax)}**: ${i.resultText}${i.derivedText ? ` (${i.derivedText})` : ''}`, { spacing: 'small' }),
    ),
  ];
}

export function actionsSection(view: OutcomeSummaryView, k: Compaction): CardElement[] {
  const out: CardElement[] = [heading('Agreed actions', 'default')];
  if (view.actions.length === 0) out.push(text('No actions were agreed.', { isSubtle: true }));
  for (const a of view.actions.slice(0, k.actionRows)) {
    out.push(
      container(
        [
          text(`**${a.number}. ${shorten(a.owner, 120)}**: ${shorten(a.what, k.whatMax)}`),
          text(`Due ${a.byText}${a.detailText ? ` (${a.detailText})` : ''}`, { size: 'small', spacing: 'none' }),
        ],
        { separator: true, spacing: 'small' },
      ),
    );
  }
  return out;
}

export function changesSection(view: OutcomeSummaryView, k: Compaction): CardElement[] {
  if (view.changes.length === 0) return [];
  const out: CardElement[] = [heading('Changes to the plan', 'default')];
  for (const ch of view.changes.slice(0, k.changeRows)) {
    const rows: (readonly [string, string])[] = [
      ['Requested', shorten(ch.requestedWording, k.wordingMax)],
      ['Result', ch.resultText],
    ];
    if (ch.agreedWording !== undefined) rows.push(['Agreed wording', shorten(ch.agreedWording, k.wordingMax)]);
    out.push(container([text(`**${shorten(ch.label, k.titleMax)}**`), facts(rows, { spacing: 'none' })], { separator: true, spacing: 'small' }));
  }
  return out;
}

/** Says what was left out to fit, so nobody reads a shortened card as the whole outcome. */
export function omittedNote(view: OutcomeSummaryView, k: Compaction): CardElement[] {
  const left: string[] = [];
  if (k.actionRows < view.actions.length) left.push(`${view.actions.length - k.actionRows} more actions`);
  if (k.changeRows < view.changes.length) left.push(`${view.changes.length - k.changeRows} more plan changes`);
  const shortened = k.wordingMax < 400 || k.whatMax < 500 || k.reasonMax < 300;
  if (left.length === 0 && !shortened) return [];
  const what = left.length > 0 ? `Not shown here, to fit Teams' size limit: ${left.join(' and ')}.` : 'Long wording is shortened here to fit Teams\' size limit.';
  return [container([text(`${what} The full outcome statement has everything.`)], { style: 'warning' })];
}

export function nextStepsSection(view: OutcomeSummaryView): CardElement[] {
  return [
    heading('Next steps', 'default'),
    ...view.nextSteps.map((line) => text(line, { spacing: 'small' })),
    text(view.guidance, { isSubtle: true, size: 'small' }),
  ];
}

export function confidentialitySection(view: OutcomeSummaryView): CardElement[] {
  return [text(view.confidentialityNote, { isSubtle: true, size: 'small' })];
}
