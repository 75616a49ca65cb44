import { z } from 'zod';
import { cardSubmission } from '../cardSubmission';
import { isPlainText, multiLine } from '../meeting/plainText';
import { defaultCalendar, type Calendar } from '../timescales';
import { isIssueResult, ISSUE_RESULT_LABELS, type IssueResult } from './issueResult';
import { withIssueResults } from './outcomeDraft';
import type { OutcomeContent } from './outcomeSchema';
import { OVERVIEW_MAX } from './outcomeTexts';

/**
 * Reading the draft card's submission: the overview and, per issue, the result the mediator
 * chose. Everything else in the outcome comes from the records, never from the card.
 */
export const OVERVIEW_INPUT = 'overview';

/** Issue ids are `decision` or a change id, both safe in an input id. */
export function issueInputId(issueId: string): string {
  return `issue_${issueId}`;
}

export interface OutcomeDraftFormValues {
  readonly overview?: string;
  /** By issue id; only issues of the draft are read. */
  readonly results: Readonly<Record<string, string>>;
}

/** Keyed by input id (`overview`, `issue_<id>`), plus `form`. */
export type OutcomeDraftErrors = Readonly<Record<string, string>>;

export type OutcomeDraftValidation =
  | { readonly ok: true; readonly value: OutcomeContent }
  | { readonly ok: false; readonly errors: OutcomeDraftErrors; readonly values: OutcomeDraftFormValues };

export function outcomeDraftFormValues(draft: OutcomeContent, input: unknown): OutcomeDraftFormValues {
  const data = cardSubmission(input);
  const overview = Object.hasOwn(data, OVERVIEW_INPUT) ? data[OVERVIEW_INPUT] : undefined;
  const results: Record<string, string> = {};
  for (const issue of draft.issues) {
    const key = issueInputId(issue.issueId);
    const v = Object.hasOwn(data, key) ? data[key] : undefined;
    if (typeof v === 'string' && v.trim() !== '') results[issue.issueId] = v.trim();
  }
  return { ...(typeof overview === 'string' ? { overview } : {}), results };
}

const OverviewSchema = z
  .string()
  .transform(multiLine)
  .pipe(
    z
      .string()
      .min(1, { error: `Write a short overview: the reason for the mediation and the gist of the outcome, in up to ${OVERVIEW_MAX} characters.` })
      .max(OVERVIEW_MAX, { error: `Keep the overview to ${OVERVIEW_MAX} characters or fewer: it is a summary, not minutes.` })
      .refine(isPlainText, { error: 'Use plain text only.' }),
  );

/**
 * The draft with the mediator's overview and result choices applied, ready to publish. A
 * result left unchosen keeps the one worked out from the meeting; the next steps follow the
 * chosen results (an issue marked unresolved brings in the appeal information).
 */
export function validateOutcomeDraftSubmission(draft: OutcomeContent, input: unknown, calendar: Calendar = defaultCalendar): OutcomeDraftValidation {
  const values = outcomeDraftFormValues(draft, input);
  const errors: Record<string, string> = {};
  const overview = OverviewSchema.safeParse(values.overview ?? '');
  if (!overview.success) errors[OVERVIEW_INPUT] = overview.error.issues[0]?.message ?? 'Check the overview.';
  const chosen = new Map<string, IssueResult>();
  for (const issue of draft.issues) {
    const v = values.results[issue.issueId];
    if (v === undefined) continue;
    if (isIssueResult(v)) chosen.set(issue.issueId, v);
    else errors[issueInputId(issue.issueId)] = `Choose ${Object.values(ISSUE_RESULT_LABELS).join(', ').toLowerCase()}.`;
  }
  if (!overview.success || Object.keys(errors).length > 0) return { ok: false, errors, values };
  const content: OutcomeContent = {
    ...draft,
    overview: overview.data,
    issues: draft.issues.map((i) => ({ ...i, result: chosen.get(i.issueId) ?? i.result })),
  };
  return { ok: true, value: withIssueResults(content, calendar) };
}
