import type { RandomBytes } from '../cases/ids';
import type { ParticipantRole } from '../cases/partyRoles';
import { generateInviteCode, hashInviteCode, normaliseInviteCode } from './inviteCode';

export const INVITE_VALID_DAYS = 14;

/** A stored invitation. Dates are Date objects so storage can expire old ones by TTL. */
export interface Invite {
  readonly codeHash: string;
  readonly caseId: string;
  readonly role: ParticipantRole;
  readonly createdBy: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  readonly usedAt?: Date;
  readonly usedBy?: string;
}

export interface CreatedInvite {
  /** Shown once to the mediator; never stored. */
  readonly code: string;
  readonly invite: Invite;
}

export function createInvite(
  caseId: string,
  role: ParticipantRole,
  now: Date,
  createdBy: string,
  random?: RandomBytes,
): CreatedInvite {
  const code = generateInviteCode(random);
  const normalised = normaliseInviteCode(code);
  if (normalised === undefined) throw new Error('generated an invitation code that does not read back');
  return {
    code,
    invite: {
      codeHash: hashInviteCode(normalised),
      caseId,
      role,
      createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + INVITE_VALID_DAYS * 24 * 60 * 60 * 1000),
    },
  };
}
