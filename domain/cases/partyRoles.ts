import { isOneOf } from '../oneOf';

/**
 * The roles a person can hold in a case (docs/rules.md#people-and-documents, #case-types-and-who-attends). `co_mediator` is offered
 * alongside the others in the roster so one picker serves both, but a co-mediator is
 * stored as a mediator, not as a party: mediators do not sign the Terms of Engagement,
 * they confirm at the opening that everyone else has (docs/rules.md#terms-of-engagement).
 */
export const PARTY_ROLES = [
  'parent_carer',
  'young_person',
  'advocate',
  'la_officer',
  'school',
  'health_icb',
  'social_care',
  'other_professional',
  'co_mediator',
] as const;

export type PartyRole = (typeof PARTY_ROLES)[number];

/** Roles that make someone a party (everything but co_mediator). */
export type ParticipantRole = Exclude<PartyRole, 'co_mediator'>;

export const PARTICIPANT_ROLES: readonly ParticipantRole[] = PARTY_ROLES.filter(
  (r): r is ParticipantRole => r !== 'co_mediator',
);

export const PARTY_ROLE_LABELS: Readonly<Record<PartyRole, string>> = {
  parent_carer: 'Parent or carer',
  young_person: 'Young person',
  advocate: 'Advocate or supporter',
  la_officer: 'Local authority officer',
  school: 'School or college',
  health_icb: 'Health (ICB) representative',
  social_care: 'Social care',
  other_professional: 'Other professional',
  co_mediator: 'Co-mediator',
};

export const isPartyRole = isOneOf(PARTY_ROLES);

export function roleLabel(role: PartyRole): string {
  return PARTY_ROLE_LABELS[role];
}
