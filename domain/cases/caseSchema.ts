import { z } from 'zod';
import { CASE_TYPE_CODES } from '../caseTypes';
import { isIsoDate } from '../timescales';
import { CASE_STATES } from './lifecycle';
import { CaseEndingSchema } from './caseEnding';
import { PARTICIPANT_ROLES, type ParticipantRole } from './partyRoles';

/**
 * The stored shape of a case. Storage validates every document it reads against this, so
 * a damaged document fails as a clear error at the storage edge instead of as `undefined`
 * deep inside a card builder. It checks structure and enumerations, not the stricter input
 * rules of the new-case form: tightening a form rule later must not make old cases unreadable.
 */

const aadObjectId = z.string().min(1).max(100);
/** Instants are ISO strings (UTC); statutory dates are separate `YYYY-MM-DD` strings. */
const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });

export const MEETING_FORMATS = ['online', 'in_person', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];
export const MEETING_FORMAT_LABELS: Readonly<Record<MeetingFormat, string>> = { online: 'Online', in_person: 'In person', hybrid: 'Hybrid' };

export const PARTY_SOURCES = ['roster', 'invite', 'mediator'] as const;

export const PartySchema = z.object({
  partyId: z.string().min(1),
  role: z.enum(PARTICIPANT_ROLES as [ParticipantRole, ...ParticipantRole[]]),
  /** As Teams gives it; needed to show who has agreed. Kept only inside the case. */
  displayName: z.string().min(1).max(256),
  /** Set once the person is known to Teams (roster) or has joined with an invitation. */
  aadObjectId: aadObjectId.optional(),
  /** Teams user id (29:…): what opening a 1:1 chat with someone who never wrote to the bot needs. */
  teamsUserId: z.string().min(1).max(200).optional(),
  addedBy: aadObjectId,
  addedAt: instant,
  how: z.enum(PARTY_SOURCES),
  /** Set when a provider admin erased the party's identity (forgetParty): who, when and why. */
  forgotten: z.object({ by: aadObjectId, at: instant, reason: z.string().min(1).max(300) }).optional(),
});
export type Party = z.infer<typeof PartySchema>;

export const MediatorSchema = z.object({
  aadObjectId,
  displayName: z.string().min(1).max(256),
  /** The person who opened the case. */
  lead: z.boolean(),
  addedBy: aadObjectId,
  addedAt: instant,
});
export type Mediator = z.infer<typeof MediatorSchema>;

export const ThreadAnchorSchema = z.object({
  conversationId: z.string().min(1),
  rootActivityId: z.string().min(1),
});
export type ThreadAnchor = z.infer<typeof ThreadAnchorSchema>;

export const CaseKeyDatesSchema = z.object({
  decisionNoticeSent: isoDate.optional(),
  laInformed: isoDate.optional(),
  meetingDate: isoDate.optional(),
  /** HH:mm, Europe/London. */
  meetingTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/).optional(),
  /**
   * The day the meeting was planned for, kept once it was held on another day
   * (meetingHeld.ts): `meetingDate` is then the day it really happened.
   */
  plannedMeetingDate: isoDate.optional(),
});
export type CaseKeyDates = z.infer<typeof CaseKeyDatesSchema>;

export const CaseSchema = z.object({
  id: z.string().min(1),
  providerKey: z.string().min(1),
  caseReference: z.string().min(1).max(100),
  caseType: z.enum(CASE_TYPE_CODES),
  childInitials: z.string().min(1).max(10),
  isYoungPerson: z.boolean(),
  localAuthority: z.string().min(1).max(200),
  dates: CaseKeyDatesSchema,
  meetingFormat: z.enum(MEETING_FORMATS),
  /** Online and hybrid meetings: the Teams join link (checked as a Teams meeting link when entered). */
  meetingJoinUrl: z.url({ protocol: /^https$/ }).max(2000).optional(),
  /** In-person and hybrid meetings: a venue's name, never a street address (meetingPlace.ts). */
  meetingVenue: z.string().min(1).max(120).optional(),
  /**
   * How many times the meeting's date, time or place changed after it was first set: the
   * calendar invitation's SEQUENCE, so a calendar replaces the old event instead of adding one.
   */
  meetingSequence: z.number().int().min(0).optional(),
  state: z.enum(CASE_STATES),
  thread: ThreadAnchorSchema.optional(),
  /** The meeting's group chat, once a mediator has linked it (`link <reference>`). */
  meetingChatId: z.string().min(1).max(512).optional(),
  parties: z.array(PartySchema),
  mediators: z.array(MediatorSchema).min(1),
  /** How the case ended (closed, withdrawn, cancelled); absent while it runs or after an undo. */
  ending: CaseEndingSchema.optional(),
  /** Set by a provider admin: the purge leaves the case alone while it is held. */
  legalHold: z.object({ reason: z.string().min(1).max(300), by: aadObjectId, at: instant }).optional(),
  /** Incremented by every stored change; writes are conditional on it. */
  version: z.number().int().min(1),
  createdBy: aadObjectId,
  createdAt: instant,
  updatedAt: instant,
});
export type Case = z.infer<typeof CaseSchema>;
