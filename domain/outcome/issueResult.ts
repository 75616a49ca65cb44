import type { ChangeResultCode, CloseOutcome } from '../meeting';
import { isOneOf } from '../oneOf';

/**
 * The result the outcome statement gives each mediation issue (docs/rules.md#outcome-statement: resolved,
 * partly resolved or unresolved). Codes are stored in every published version; labels are
 * the words people read and may be reworded.
 */
export const ISSUE_RESULTS = ['resolved', 'partly_resolved', 'unresolved'] as const;
export type IssueResult = (typeof ISSUE_RESULTS)[number];

export const ISSUE_RESULT_LABELS: Readonly<Record<IssueResult, string>> = {
  resolved: 'Resolved',
  partly_resolved: 'Partly resolved',
  unresolved: 'Not resolved',
};

export const isIssueResult = isOneOf(ISSUE_RESULTS);

/**
 * A requested change's meeting result as an issue result. A deferred change was neither
 * agreed nor refused, so it counts as partly resolved: something is still to happen on it.
 * A change the meeting recorded no result for was not settled, so it is unresolved.
 */
export function resultOfChange(code: ChangeResultCode | undefined): IssueResult {
  switch (code) {
    case 'agreed':
    case 'agreed_as_amended':
      return 'resolved';
    case 'deferred':
      return 'partly_resolved';
    case 'not_agreed':
    case undefined:
      return 'unresolved';
  }
}

/** The close outcomes a concluded meeting can have (an adjourned one has not concluded). */
export type ConcludedOutcome = Exclude<CloseOutcome, 'adjourned'>;

/** The single "LA decision" issue takes its result from how the meeting ended. */
export function resultOfMeeting(outcome: ConcludedOutcome): IssueResult {
  switch (outcome) {
    case 'full':
      return 'resolved';
    case 'partial':
      return 'partly_resolved';
    case 'none':
    case 'ended_early':
      return 'unresolved';
  }
}

/** All / some / none resolved, as the certificate after mediation states it (SEED-001). */
export type ResolvedShare = 'all' | 'some' | 'none';

export function resolvedShare(results: readonly IssueResult[]): ResolvedShare {
  if (results.length > 0 && results.every((r) => r === 'resolved')) return 'all';
  if (results.every((r) => r === 'unresolved')) return 'none';
  return 'some';
}
