import { z } from 'zod';
import { PARTICIPANT_ROLES, type ParticipantRole } from '../cases';
import { isIsoDate, RULE_IDS } from '../timescales';
import { DEADLINE_KINDS, type Deadline } from './deadline';
import { EXTRA_SCHEDULE_KEYS } from './schedules';
import { REMINDER_STATUSES, type TrackedDeadline, type TrackedReminder } from './tracking';

/**
 * The stored shapes of deadlines and reminders. Storage checks every document it reads
 * against these, so a damaged document fails as a clear error at the storage edge.
 */
const instant = z.iso.datetime();
const isoDate = z.string().refine((v) => isIsoDate(v), { error: 'not a YYYY-MM-DD date' });
const id = z.string().min(1).max(300);
const text = z.string().min(1).max(2000);

export const ResponsibilitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('party'), partyId: z.string().min(1) }),
  z.object({ kind: z.literal('role'), role: z.enum(PARTICIPANT_ROLES as [ParticipantRole, ...ParticipantRole[]]) }),
  z.object({ kind: z.literal('mediators'), label: z.string().min(1).max(200).optional() }),
]);

export const DeadlineSchema = z.object({
  deadlineId: id,
  caseId: z.string().min(1),
  kind: z.enum(DEADLINE_KINDS),
  ruleId: z.enum(RULE_IDS).optional(),
  scheduleKey: z.enum([...RULE_IDS, ...EXTRA_SCHEDULE_KEYS]),
  tNumber: z.string().min(1).max(10).optional(),
  title: text,
  detail: text.optional(),
  why: text,
  due: isoDate,
  dueAt: instant.optional(),
  lastWorkingDay: isoDate,
  ideal: isoDate.optional(),
  trigger: z.object({ what: text, date: isoDate, at: instant.optional() }),
  responsible: ResponsibilitySchema,
  source: text,
  escalates: z.boolean(),
  actionId: z.string().min(1).optional(),
  /** A date or an instant. */
  satisfied: z.object({ at: z.string().min(10).max(40), reason: text }).optional(),
}) satisfies z.ZodType<Deadline>;

export const TrackedDeadlineSchema = DeadlineSchema.extend({
  done: z.object({ at: instant, by: z.string().min(1).max(100) }).optional(),
  updatedAt: instant,
}) satisfies z.ZodType<TrackedDeadline>;

export const RecipientDeliverySchema = z.object({
  conversationId: z.string().min(1),
  status: z.enum(['sent', 'gone', 'failed']),
  at: instant,
  activityId: z.string().min(1).optional(),
  error: z.string().min(1).max(500).optional(),
});

export const TrackedReminderSchema = z.object({
  reminderId: id,
  deadlineId: id,
  caseId: z.string().min(1),
  offset: z.string().min(1).max(40),
  sendAt: instant,
  kind: z.enum(['reminder', 'escalation']),
  status: z.enum(REMINDER_STATUSES),
  title: text,
  attempts: z.number().int().min(0),
  lastError: z.string().min(1).max(500).optional(),
  deliveredAt: instant.optional(),
  activityId: z.string().min(1).optional(),
  recipients: z.array(RecipientDeliverySchema).max(100),
  cancelReason: z.string().min(1).max(300).optional(),
  updatedAt: instant,
}) satisfies z.ZodType<TrackedReminder>;
