import { defaultCalendar, isoFromDayNumber, parseIsoDate, type Calendar, type IsoDate } from '../timescales';
import type { Deadline } from './deadline';
import { DEFAULT_SEND_TIME, londonInstant, type WallTime } from '../londonTime';
import { offsetCode, type ReminderKind, type ReminderOffset, type ReminderSchedules } from './schedules';

/** One message the bot will send about a deadline. */
export interface Reminder {
  /** `deadlineId|offsetCode`: stable across recomputations, so a stored reminder is found again. */
  readonly reminderId: string;
  readonly deadlineId: string;
  readonly caseId: string;
  /** The offset's code, e.g. `due-3wd`. */
  readonly offset: string;
  /** ISO instant (UTC). */
  readonly sendAt: string;
  readonly kind: ReminderKind;
}

export interface ReminderOptions {
  /**
   * Computation time. Reminders whose time has passed are left out, except an escalation
   * that is due (its deadline is still open, so it is sent straight away). Without `now`
   * every reminder comes back, which is what storage needs to reconcile (reconcile.ts).
   */
  readonly now?: Date;
  /** When day-based reminders go out, Europe/London; 09:00 by default. */
  readonly sendTime?: WallTime;
}

const HOUR = 60 * 60 * 1000;

function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(parseIsoDate(date) + days);
}

function dayOf(deadline: Deadline, offset: ReminderOffset, calendar: Calendar): IsoDate | undefined {
  const base = offset.from === 'trigger' ? deadline.trigger.date : offset.from === 'due' ? deadline.due : deadline.ideal;
  if (base === undefined) return undefined;
  let day: IsoDate;
  switch (offset.unit) {
    case 'calendarDays':
      day = addDays(base, offset.amount);
      break;
    case 'weeks':
      day = addDays(base, 7 * offset.amount);
      break;
    case 'workingDays':
      day = offset.amount < 0 ? calendar.subtractWorkingDays(base, -offset.amount) : calendar.addWorkingDays(base, offset.amount);
      break;
    case 'hours':
      return undefined;
  }
  // Nobody reads a reminder on a Sunday or a bank holiday: send it on the working day before.
  return calendar.lastWorkingDayOnOrBefore(day);
}

function instantOf(deadline: Deadline, offset: ReminderOffset, calendar: Calendar, sendTime: WallTime): Date | undefined {
  if (offset.unit === 'hours') {
    const base = offset.from === 'trigger' ? deadline.trigger.at : offset.from === 'due' ? deadline.dueAt : undefined;
    return base === undefined ? undefined : new Date(new Date(base).getTime() + offset.amount * HOUR);
  }
  const day = dayOf(deadline, offset, calendar);
  return day === undefined ? undefined : londonInstant(day, sendTime);
}

/**
 * The reminders of one deadline under its schedule, in time order. A done (satisfied)
 * deadline has none, and only deadlines that escalate get escalations. Two offsets that land
 * on the same instant give one reminder. Throws TimescaleError if a working-day count leaves
 * the calendar's trusted years.
 */
export function remindersFor(
  deadline: Deadline,
  schedules: ReminderSchedules,
  calendar: Calendar = defaultCalendar,
  options: ReminderOptions = {},
): Reminder[] {
  if (deadline.satisfied) return [];
  const sendTime = options.sendTime ?? DEFAULT_SEND_TIME;
  const byInstant = new Map<number, Reminder>();
  for (const offset of schedules[deadline.scheduleKey]) {
    if (offset.kind === 'escalation' && !deadline.escalates) continue;
    const at = instantOf(deadline, offset, calendar, sendTime);
    if (at === undefined) continue;
    const keep = options.now === undefined || at.getTime() > options.now.getTime() || offset.kind === 'escalation';
    if (!keep) continue;
    const existing = byInstant.get(at.getTime());
    if (existing && (existing.kind === 'escalation' || offset.kind !== 'escalation')) continue;
    const code = offsetCode(offset);
    byInstant.set(at.getTime(), {
      reminderId: `${deadline.deadlineId}|${code}`,
      deadlineId: deadline.deadlineId,
      caseId: deadline.caseId,
      offset: code,
      sendAt: at.toISOString(),
      kind: offset.kind,
    });
  }
  return [...byInstant.values()].sort((a, b) => (a.sendAt < b.sendAt ? -1 : a.sendAt > b.sendAt ? 1 : 0));
}
