import { londonDate, londonTime } from '../londonTime';
import { defaultCalendar, type Calendar, type IsoDate } from '../timescales';
import type { ChaseId, OutcomeRecord } from './outcomeSchema';

/**
 * Chasing the LA officer for the amended plan (domain.md §5 T9): 2 hours after the meeting
 * closes, then on the next working day. The second chase goes at 09:00 Europe/London, when
 * the product's reminders go out (§5 legend), on the first working day after the day of the
 * close, so a Friday meeting is chased on Monday (Tuesday after a bank holiday).
 */
export const CHASE_HOURS = 2;
export const CHASE_TIME = '09:00';

export const CHASE_LABELS: Readonly<Record<ChaseId, string>> = {
  plus2h: '2 hours after the meeting',
  plus1wd: 'the next working day',
};

/**
 * The instant a London wall-clock time happens on a date. London is UTC or UTC+1, so one of
 * the two candidates reads back as that date and time; 09:00 is never inside a clock change.
 */
export function londonInstant(date: IsoDate, time: string): Date {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  const utc = Date.UTC(y, m - 1, d, hh, mm);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(utc - offsetHours * 3_600_000);
    if (londonDate(candidate) === date && londonTime(candidate) === time) return candidate;
  }
  throw new RangeError(`${date} ${time} does not exist in Europe/London`);
}

export interface ChaseStatus {
  readonly chaseId: ChaseId;
  readonly label: string;
  readonly dueAt: Date;
  /** The time has come. */
  readonly due: boolean;
  /** When it was sent, if it was. */
  readonly sentAt?: string;
  /**
   * Send it now: due, not sent, the plan has not arrived, and no later chase is due (after a
   * pause, the officer gets one reminder, not two at once).
   */
  readonly send: boolean;
}

export interface ChaseState {
  readonly sent?: Partial<Readonly<Record<ChaseId, string>>>;
  readonly planReceived?: boolean;
}

export function amendedPlanChase(closedAt: Date | string, now: Date, calendar: Calendar = defaultCalendar, state: ChaseState = {}): ChaseStatus[] {
  const closed = new Date(closedAt);
  const nextWorkingDay = calendar.addWorkingDays(londonDate(closed), 1);
  const schedule: readonly (readonly [ChaseId, Date])[] = [
    ['plus2h', new Date(closed.getTime() + CHASE_HOURS * 3_600_000)],
    ['plus1wd', londonInstant(nextWorkingDay, CHASE_TIME)],
  ];
  const latestDue = [...schedule].reverse().find(([, at]) => now.getTime() >= at.getTime())?.[0];
  return schedule.map(([chaseId, dueAt]) => {
    const sentAt = state.sent?.[chaseId];
    const due = now.getTime() >= dueAt.getTime();
    return {
      chaseId,
      label: CHASE_LABELS[chaseId],
      dueAt,
      due,
      ...(sentAt !== undefined ? { sentAt } : {}),
      send: due && sentAt === undefined && state.planReceived !== true && chaseId === latestDue,
    };
  });
}

/** The chases of an outcome record: none for a case with no amended plan to send. */
export function chasesFor(record: OutcomeRecord, now: Date, calendar: Calendar = defaultCalendar): ChaseStatus[] {
  if (!record.planContent) return [];
  return amendedPlanChase(record.closedAt, now, calendar, { sent: record.chasesSent, planReceived: record.amendedPlans.length > 0 });
}

/** Notes that a chase went out; the first time stands (a retried send changes nothing). */
export function recordChaseSent(record: OutcomeRecord, chaseId: ChaseId, now: Date): OutcomeRecord {
  if (record.chasesSent[chaseId] !== undefined) return record;
  return { ...record, chasesSent: { ...record.chasesSent, [chaseId]: now.toISOString() } };
}
