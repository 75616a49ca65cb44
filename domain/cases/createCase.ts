import { CASE_TYPES } from '../caseTypes';
import type { Case } from './caseSchema';
import { newId, type RandomBytes } from './ids';
import { stateFromFacts } from './lifecycle';
import type { NewCaseInput } from './newCase';

export interface TeamsPerson {
  readonly aadObjectId: string;
  readonly displayName: string;
  /** Teams user id (29:…), when Teams gave it. */
  readonly teamsUserId?: string;
}

export type CaseFacts = Pick<Case, 'caseType' | 'childInitials' | 'isYoungPerson' | 'localAuthority' | 'dates' | 'meetingFormat' | 'meetingJoinUrl' | 'meetingVenue'>;

/** The case's facts from a validated form (new or edit); a place field not given is left out, not stored empty. */
export function caseFactsOf(input: NewCaseInput): CaseFacts {
  return {
    caseType: input.caseType,
    childInitials: input.childInitials,
    isYoungPerson: input.isYoungPerson,
    localAuthority: input.localAuthority,
    dates: { ...input.dates },
    meetingFormat: input.meetingFormat,
    ...(input.meetingJoinUrl ? { meetingJoinUrl: input.meetingJoinUrl } : {}),
    ...(input.meetingVenue ? { meetingVenue: input.meetingVenue } : {}),
  };
}

/**
 * A new case from a validated form. The person who opens it is its lead mediator
 * (docs/roles.md); the starting state follows from what the form already knows.
 */
export function createCase(
  input: NewCaseInput,
  opener: TeamsPerson,
  providerKey: string,
  now: Date,
  random?: RandomBytes,
): Case {
  const at = now.toISOString();
  return {
    id: newId(random),
    providerKey,
    caseReference: input.caseReference,
    ...caseFactsOf(input),
    state: stateFromFacts({ isDrs: CASE_TYPES[input.caseType].isDrs, ...input.dates }),
    parties: [],
    mediators: [{ aadObjectId: opener.aadObjectId, displayName: opener.displayName, lead: true, addedBy: opener.aadObjectId, addedAt: at }],
    version: 1,
    createdBy: opener.aadObjectId,
    createdAt: at,
    updatedAt: at,
  };
}
