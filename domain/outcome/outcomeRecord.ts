import { CASE_TYPES } from '../caseTypes';
import { assertMediator, CaseError, type Case } from '../cases';
import type { Meeting } from '../meeting';
import { assertConcluded } from './outcomeDraft';
import type { OutcomeRecord, OutcomeVersion } from './outcomeSchema';

/**
 * The outcome record of a case: one per case, opened when the final session closes, so the
 * LA officer can attach the amended plan (T9) before the outcome is published (T8).
 */

/** Opens the record for a concluded meeting (mediators only). */
export function startOutcomeRecord(c: Case, meeting: Meeting, actor: string, now: Date): OutcomeRecord | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  const concluded = assertConcluded(c, meeting);
  if (concluded instanceof CaseError) return concluded;
  const at = now.toISOString();
  return {
    caseId: c.id,
    meetingId: meeting.meetingId,
    closedAt: concluded.closedAt,
    planContent: CASE_TYPES[c.caseType].planContent,
    versions: [],
    responses: [],
    amendedPlans: [],
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

/** The version parties answer and everyone sees; undefined before the first is published. */
export function latestVersion(record: OutcomeRecord): OutcomeVersion | undefined {
  return record.versions[record.versions.length - 1];
}

/** The record must belong to the case named by the card. */
export function assertRecordOfCase(c: Case, record: OutcomeRecord): CaseError | undefined {
  return record.caseId === c.id ? undefined : new CaseError('not_found', `That outcome is not part of case ${c.caseReference}.`);
}
