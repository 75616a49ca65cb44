import { CASE_TYPES, type CaseTypeCode } from '../caseTypes';
import type { ParticipantRole } from '../cases/partyRoles';

/**
 * Who must be at the meeting for a case type (docs/rules.md#case-types-and-who-attends): the parent or young person
 * always; an LA officer (with authority) whenever the LA arranges the mediation; an ICB
 * representative when health care is in issue. DRS is voluntary for everyone (docs/rules.md#case-types-and-who-attends), so it
 * requires nobody.
 */
export type RequiredAttendee = 'family' | 'la_officer' | 'health_icb';

export const REQUIRED_ATTENDEE_ROLES: Readonly<Record<RequiredAttendee, readonly ParticipantRole[]>> = {
  // Where a young person lacks capacity a parent acts for them (reg 64), so either counts.
  family: ['parent_carer', 'young_person'],
  la_officer: ['la_officer'],
  health_icb: ['health_icb'],
};

export const REQUIRED_ATTENDEE_LABELS: Readonly<Record<RequiredAttendee, string>> = {
  family: 'parent or young person',
  la_officer: 'local authority officer',
  health_icb: 'ICB representative',
};

export function requiredAttendees(caseType: CaseTypeCode): RequiredAttendee[] {
  const info = CASE_TYPES[caseType];
  if (info.isDrs) return [];
  const out: RequiredAttendee[] = ['family'];
  if (info.arrangedBy === 'Local authority') out.push('la_officer');
  if (info.involvesHealth) out.push('health_icb');
  return out;
}

/** The required attendees no party of the case can fill. */
export function missingAttendees(caseType: CaseTypeCode, roles: readonly ParticipantRole[]): RequiredAttendee[] {
  return requiredAttendees(caseType).filter((r) => !REQUIRED_ATTENDEE_ROLES[r].some((role) => roles.includes(role)));
}
