import { CASE_TYPES } from '../caseTypes';
import type { Case } from '../cases';
import { changeResultOf, type Meeting } from '../meeting';
import { shorten } from '../meeting/plainText';
import { APPEALABLE_SECTIONS, PLAN_SECTION_LABELS, type RequestedChange } from '../preparation';
import { resultOfChange, resultOfMeeting, type ConcludedOutcome } from './issueResult';
import { DECISION_ISSUE_ID, ISSUE_TITLE_MAX, type OutcomeIssue } from './outcomeSchema';

/**
 * The mediation issues and their results (docs/rules.md#outcome-statement "result per issue").
 *
 * - Plan-content cases (B/F/I): one issue per requested change, with the result the meeting
 *   recorded for it. Changes that were never sent to the LA and have no result were not part
 *   of the mediation and are left out.
 * - Every other case, or a plan-content case with no changes: one issue, the LA decision,
 *   with its result from how the meeting ended.
 */

/** "Change 3: section F (Special educational provision), paragraph 2.1". */
export function changeIssueTitle(change: Pick<RequestedChange, 'number' | 'section' | 'location'>): string {
  return shorten(`Change ${change.number}: section ${change.section} (${PLAN_SECTION_LABELS[change.section]}), ${change.location}`, ISSUE_TITLE_MAX);
}

/** "The local authority's decision: Refusal to carry out an EHC needs assessment". */
export function decisionIssueTitle(c: Case): string {
  return shorten(`The local authority's decision: ${CASE_TYPES[c.caseType].label}`, ISSUE_TITLE_MAX);
}

/** The requested changes the outcome is about, in their number order. */
export function mediatedChanges(meeting: Meeting, changes: readonly RequestedChange[], caseId: string): RequestedChange[] {
  return changes
    .filter((ch) => ch.caseId === caseId && (ch.sentAt !== undefined || changeResultOf(meeting, ch.changeId) !== undefined))
    .sort((a, b) => a.number - b.number);
}

export function outcomeIssues(c: Case, meeting: Meeting, outcome: ConcludedOutcome, changes: readonly RequestedChange[]): OutcomeIssue[] {
  const type = CASE_TYPES[c.caseType];
  const mediated = type.planContent ? mediatedChanges(meeting, changes, c.id) : [];
  if (mediated.length === 0) {
    const result = resultOfMeeting(outcome);
    return [{ issueId: DECISION_ISSUE_ID, kind: 'decision', title: decisionIssueTitle(c), derivedResult: result, result, appealable: type.appealable }];
  }
  return mediated.map((ch) => {
    const result = resultOfChange(changeResultOf(meeting, ch.changeId)?.result);
    return {
      issueId: ch.changeId,
      kind: 'change',
      title: changeIssueTitle(ch),
      derivedResult: result,
      result,
      appealable: type.appealable && APPEALABLE_SECTIONS.has(ch.section),
    };
  });
}
