import type { ParticipantRole } from '../cases/partyRoles';
import { ALTERNATIVE_BASIS_LABELS, type AlternativeBasis } from './alternativePerson';

/**
 * What some roles confirm on top of the terms (docs/rules.md#terms-of-engagement). Pure data: the terms card
 * renders it and agreementInput.ts validates the answers against it.
 */
export type RoleConfirmation =
  | {
      readonly kind: 'authority';
      readonly question: string;
      readonly full: string;
      readonly limited: string;
    }
  | {
      readonly kind: 'youngPersonVoice';
      readonly question: string;
      readonly self: string;
      readonly named: string;
      readonly nameLabel: string;
      /** A young person who lacks capacity: an alternative person acts for them (reg 64). */
      readonly alternative: string;
      readonly basisLabel: string;
    }
  | {
      readonly kind: 'advocateGuidance';
      readonly guidance: readonly string[];
      readonly confirm: string;
    };

const authority = (issues: string): RoleConfirmation => ({
  kind: 'authority',
  question: `Can you settle the ${issues} at the meeting?`,
  full: `I have authority to settle the ${issues}`,
  limited: 'I do not have full authority to settle every issue (the mediator will be told before the meeting)',
});

export const ROLE_CONFIRMATIONS: Readonly<Partial<Record<ParticipantRole, RoleConfirmation>>> = {
  la_officer: authority('issues in this mediation'),
  health_icb: authority('health issues in this mediation'),
  young_person: {
    kind: 'youngPersonVoice',
    question: 'Who will speak for you at the meeting?',
    self: 'I will speak for myself',
    named: 'I have given written permission for a named person to speak for me',
    nameLabel: 'Name of the person who will speak for you',
    alternative: 'The young person lacks capacity to decide about mediation: an alternative person acts for them (deputy, attorney or parent)',
    basisLabel: 'If an alternative person acts: on which basis',
  },
  advocate: {
    kind: 'advocateGuidance',
    guidance: [
      'Support the parent or young person in the spirit of mediation: help them take part, rather than argue their case for them.',
      'Keep the child or young person at the centre of the discussion.',
    ],
    confirm: 'I have read the advocate guidance and will follow it',
  },
};

export function roleConfirmationFor(role: ParticipantRole): RoleConfirmation | undefined {
  return ROLE_CONFIRMATIONS[role];
}

/** Who speaks for a young person, as the terms acknowledgement stores it. */
export interface YoungPersonVoiceRecord {
  readonly mode: 'self' | 'named' | 'alternative';
  readonly name?: string | undefined;
  readonly basis?: AlternativeBasis | undefined;
}

/** The confirmation a young person's acknowledgement carries, in the words agreed to, with who and why. */
export function youngPersonVoiceText(voice: YoungPersonVoiceRecord): string {
  const c = ROLE_CONFIRMATIONS.young_person;
  if (c?.kind !== 'youngPersonVoice') return '';
  if (voice.mode === 'self') return c.self;
  if (voice.mode === 'named') return `${c.named}: ${voice.name ?? ''}`;
  const label = voice.basis ? ALTERNATIVE_BASIS_LABELS[voice.basis] : 'basis not recorded';
  const basis = `${label.charAt(0).toLowerCase()}${label.slice(1)}`;
  return `The young person lacks capacity to decide about mediation: ${voice.name ?? 'an alternative person'} acts for them (${basis}, SEND Regulations 2014 reg 64)`;
}
