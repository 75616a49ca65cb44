import { isDeepStrictEqual } from 'node:util';
import { assertMediator, CaseError, type Case } from '../cases';
import { assertRecordOfCase } from './outcomeRecord';
import { OUTCOME_VERSIONS_MAX, OutcomeContentSchema, type OutcomeContent, type OutcomeRecord } from './outcomeSchema';

/**
 * Publishing (docs/rules.md#outcome-statement, T8): version 1, then a revised version n+1 when something
 * must be corrected. Each version is an immutable snapshot; parties answer the latest only.
 *
 * The card carries the number of the version it will create, so a double click or a Teams
 * retry of "Publish" finds that version already there with the same content and writes
 * nothing, and a stale form (someone else published meanwhile) is refused rather than
 * silently creating a further version.
 */
/** Key order differs between a stored (schema-parsed) version and a freshly built one. */
function sameContent(a: OutcomeContent, b: OutcomeContent): boolean {
  return isDeepStrictEqual(a, b);
}

export function publishOutcome(
  c: Case,
  record: OutcomeRecord,
  actor: string,
  content: OutcomeContent,
  outcomeVersion: number,
  now: Date,
): OutcomeRecord | CaseError {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  const notOurs = assertRecordOfCase(c, record);
  if (notOurs) return notOurs;
  const published = record.versions.length;
  const existing = record.versions[outcomeVersion - 1];
  if (existing) {
    if (sameContent(existing.content, content)) return record;
    return new CaseError(
      'invalid_transition',
      `Version ${outcomeVersion} of the outcome has already been published${published > outcomeVersion ? `, and version ${published} since` : ''}. Open the latest outcome to revise it.`,
    );
  }
  if (!Number.isInteger(outcomeVersion) || outcomeVersion !== published + 1) {
    return new CaseError('invalid_input', 'That form is out of date. Open the outcome again.');
  }
  if (published >= OUTCOME_VERSIONS_MAX) {
    return new CaseError('invalid_input', `The outcome already has ${OUTCOME_VERSIONS_MAX} versions, the most it can hold.`);
  }
  const checked = OutcomeContentSchema.safeParse(content);
  if (!checked.success || content.overview.trim() === '') {
    return new CaseError('invalid_input', 'The outcome is incomplete: it needs an overview and at least one issue.');
  }
  if (content.meeting.meetingId !== record.meetingId) {
    return new CaseError('invalid_input', 'That outcome was drafted from another meeting. Open the draft again.');
  }
  return {
    ...record,
    versions: [...record.versions, { version: outcomeVersion, content, publishedAt: now.toISOString(), publishedBy: actor }],
  };
}
