/**
 * Reminders (docs/rules.md#reminder-schedules): the deadlines a case has, the reminders each
 * one gets under a configurable schedule, what a recomputation changes, and who may mark a
 * deadline done. Pure: no I/O, no clock (time is passed in), no botbuilder.
 */
export {
  DEADLINE_KINDS,
  ruleDeadlineId,
  actionDeadlineId,
  caseIdOf,
  type Deadline,
  type DeadlineFacts,
  type DeadlineKind,
  type DeadlineTrigger,
  type Responsibility,
  type Satisfied,
} from './deadline';
export {
  DEFAULT_REMINDER_SCHEDULES,
  EXTRA_SCHEDULE_KEYS,
  offsetCode,
  reminderSchedules,
  type ReminderKind,
  type ReminderOffset,
  type ReminderSchedules,
  type ScheduleKey,
} from './schedules';
export { DEFAULT_SEND_TIME, londonInstant, type WallTime } from '../londonTime';
export { deadlinesForCase, type DeadlineOptions } from './deadlinesForCase';
export { timelineEntries, type OnSkipped } from './ruleDeadlines';
export { remindersFor, type Reminder, type ReminderOptions } from './remindersFor';
export { planReminderChanges, CANCEL_REASONS, type ReminderChanges, type StoredReminderState } from './reconcile';
export {
  REMINDER_STATUSES,
  deliveryStatusText,
  isDeadlineOpen,
  type DoneMark,
  type RecipientDelivery,
  type ReminderStatus,
  type TrackedDeadline,
  type TrackedReminder,
} from './tracking';
export { checkMarkDone, markDoneAllowed, mayMarkDone } from './markDone';
export { deliveryTargets, type DeliveryTarget } from './deliveryTargets';
export { familyRole, isResponsibleFor, responsibleForOwner, responsibleForRule, responsibleLabel, responsibleParties } from './responsibility';
export { NOT_LEGAL_ADVICE, PRACTICE_NOTE, ruleWhy } from './whyText';
export { DeadlineSchema, TrackedDeadlineSchema, TrackedReminderSchema, RecipientDeliverySchema, ResponsibilitySchema } from './schemas';
export { dueText, lastWorkingDayNote, timeLeftText } from './dueWords';
export { openActionSteps } from './actionSteps';
