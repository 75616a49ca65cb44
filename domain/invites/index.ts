/** Invitation codes for people outside the team roster (guests, external parties). */
export { CROCKFORD, CODE_LENGTH, generateInviteCode, formatInviteCode, normaliseInviteCode, hashInviteCode } from './inviteCode';
export { INVITE_VALID_DAYS, createInvite, type Invite, type CreatedInvite } from './invite';
export {
  INVITE_MAX_FAILURES,
  INVITE_FAILURE_WINDOW_MS,
  redeemInvite,
  type InvitePort,
  type AttemptLimiter,
  type RedeemOutcome,
} from './redeemInvite';
