import { roleLabel, type ParticipantRole } from '../cases/partyRoles';
import { formatLondonDateTime } from '../londonTime';
import type { Invite } from './invite';
import { hashInviteCode, normaliseInviteCode } from './inviteCode';

/** Guessing limit per person: 5 codes that do not exist, per 15 minutes. */
export const INVITE_MAX_FAILURES = 5;
export const INVITE_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface InvitePort {
  find(codeHash: string): Promise<Invite | null>;
  /** Atomically marks the invite used, only if nobody has: true for the one caller that wins. */
  claim(codeHash: string, usedBy: string, now: Date): Promise<boolean>;
}

export interface AttemptLimiter {
  /**
   * Counts this attempt and says whether it is within `limit` in the window. A refused
   * attempt is not counted, so waiting out the window always works.
   */
  acquire(key: string, limit: number, windowMs: number, now: Date): Promise<{ allowed: boolean; attemptId: string }>;
  /** Un-counts an attempt that turned out not to be a guess. */
  forgive(attemptId: string): Promise<void>;
}

export type RedeemOutcome =
  | { readonly outcome: 'joined'; readonly caseId: string; readonly role: ParticipantRole; readonly message: string }
  | { readonly outcome: 'unknown' | 'used' | 'expired' | 'rate_limited'; readonly message: string };

const MESSAGES = {
  unknown:
    'That code was not recognised. Check it against your invitation (16 letters and numbers, like ABCD-EFGH-JKMN-PQRS) and try again.',
  used: 'That invitation code has already been used. Each code works once: please ask the mediator for a new one.',
  rate_limited:
    'Too many codes did not work. To keep cases safe, please wait 15 minutes before trying again, or ask the mediator to add you.',
} as const;

function joined(invite: Invite): RedeemOutcome {
  return {
    outcome: 'joined',
    caseId: invite.caseId,
    role: invite.role,
    message: `Your invitation worked: you are in the case as ${roleLabel(invite.role)}.`,
  };
}

/**
 * Redeems an invitation code for a Teams user. Only codes that do not exist count towards
 * the guessing limit: a used or expired code proves the person holds a real invitation.
 * A repeat by the person who already used the code (a redelivered message) joins again,
 * so the caller's "add the party" step stays idempotent. The caller adds the party to the
 * case after 'joined' (domain/cases/parties.ts joinWithInvite).
 */
export async function redeemInvite(
  ports: { readonly invites: InvitePort; readonly limiter: AttemptLimiter },
  codeText: string,
  user: string,
  now: Date,
): Promise<RedeemOutcome> {
  const attempt = await ports.limiter.acquire(`invite|${user.toLowerCase()}`, INVITE_MAX_FAILURES, INVITE_FAILURE_WINDOW_MS, now);
  if (!attempt.allowed) return { outcome: 'rate_limited', message: MESSAGES.rate_limited };

  const normalised = normaliseInviteCode(codeText);
  const hash = normalised === undefined ? undefined : hashInviteCode(normalised);
  const invite = hash === undefined ? null : await ports.invites.find(hash);
  if (!invite || hash === undefined) return { outcome: 'unknown', message: MESSAGES.unknown };
  await ports.limiter.forgive(attempt.attemptId);

  const usedByMe = (i: Invite): boolean => i.usedBy !== undefined && i.usedBy.toLowerCase() === user.toLowerCase();
  if (invite.usedAt !== undefined) return usedByMe(invite) ? joined(invite) : { outcome: 'used', message: MESSAGES.used };
  if (invite.expiresAt.getTime() <= now.getTime()) {
    return {
      outcome: 'expired',
      message: `That invitation code expired on ${formatLondonDateTime(invite.expiresAt)}. Please ask the mediator for a new one.`,
    };
  }
  if (await ports.invites.claim(hash, user, now)) return joined(invite);
  const after = await ports.invites.find(hash);
  return after && usedByMe(after) ? joined(invite) : { outcome: 'used', message: MESSAGES.used };
}
