import { PARTICIPANT_ROLES, PARTY_ROLE_LABELS, type ParticipantRole } from '../../domain/cases';

/** Words people type for each role in `invite <role>`; the stored code stays the source of truth. */
const ALIASES: Readonly<Record<string, ParticipantRole>> = {
  parent: 'parent_carer',
  carer: 'parent_carer',
  'parent or carer': 'parent_carer',
  'young person': 'young_person',
  yp: 'young_person',
  advocate: 'advocate',
  supporter: 'advocate',
  la: 'la_officer',
  'la officer': 'la_officer',
  'local authority': 'la_officer',
  'local authority officer': 'la_officer',
  school: 'school',
  college: 'school',
  senco: 'school',
  health: 'health_icb',
  icb: 'health_icb',
  'social care': 'social_care',
  'social worker': 'social_care',
  professional: 'other_professional',
  'other professional': 'other_professional',
};

export function parseRoleWords(text: string): ParticipantRole | undefined {
  const t = text.trim().toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ');
  if (ALIASES[t]) return ALIASES[t];
  return PARTICIPANT_ROLES.find((r) => r.replace(/_/g, ' ') === t || PARTY_ROLE_LABELS[r].toLowerCase() === t);
}

export const ROLE_WORDS_HINT = 'parent, young person, advocate, LA officer, school, health, social care or professional';
