import { CASE_TYPES } from '../caseTypes';
import { certificateDue, certificateTimeliness, type CertificateFacts } from '../certificate';
import type { ServiceCase, ServiceClose, ServiceRecord } from './serviceRecord';
import { CaseKeyDatesSchema } from '../cases';
import { londonDate } from '../londonTime';
import { durationText, outcomeDueAt, publishTimeliness } from '../outcome';
import { arrangeLimit } from '../poll';
import { amendedPlanExpected } from '../reminders/meetingDeadlines';
import { formatDate, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import { daysBetween, inPeriod, shiftDays } from './period';

/** The days counted; each measure returns nothing for a case with nothing in them, before any clock is worked out. */
export interface Window {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/** Longest a limit runs past its trigger among the limits here: the 30 days (+1), or 3 working days over Christmas and New Year. */
export const REACH_DAYS = 31;

/**
 * What one case shows against each limit, worked out with the same functions the case card and
 * the reminders use (arrangeLimit for the 30 days, certificateDue and certificateTimeliness for
 * the 3 working days, publishTimeliness for the 24 hours, amendedPlanExpected for the
 * amended plan), so the service view cannot call a case late that the case card calls on time.
 */

/** Everything stored about one case that the service view counts (sessions first to last). */
export type CaseRecordSet = ServiceRecord;

export type Timeliness = 'on_time' | 'late';

/** One case against one limit, dated by the day it counts in. */
export interface Measured {
  readonly status: Timeliness;
  /** The day that puts it in a period (held, issued, closed, or the due date when still not done). */
  readonly countsOn: IsoDate;
  readonly dueText: string;
  readonly actualText: string;
  /** Late only: how late, in `lateUnit`. */
  readonly lateBy: number;
  readonly lateText: string;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * londonDate of a stored instant, remembered: Intl's time-zone lookup is the slowest step of
 * counting 10,000 cases, and many share a day (bounded: cleared when full).
 */
const DAYS = new Map<string, IsoDate>();
const DAYS_MAX = 50_000;

export function londonDay(instant: string): IsoDate {
  let day = DAYS.get(instant);
  if (day === undefined) {
    if (DAYS.size >= DAYS_MAX) DAYS.clear();
    day = londonDate(new Date(instant));
    DAYS.set(instant, day);
  }
  return day;
}

/** The first session's date: when the mediation took place. */
export function heldOn(rec: CaseRecordSet): IsoDate | undefined {
  const first = rec.sessions[0];
  return first ? londonDay(first.startedAt) : undefined;
}

/** The day a case was referred: the LA being told mediation is wanted, or, without that date, the day the case was opened. */
export function referredOn(c: ServiceCase): IsoDate {
  return c.dates.laInformed ?? londonDay(c.createdAt);
}

/** The final close: the latest session's, unless it was adjourned (another session follows). */
export function finalClose(rec: CaseRecordSet): ServiceClose | undefined {
  const close = rec.sessions[rec.sessions.length - 1]?.close;
  return close && close.outcome !== 'adjourned' ? close : undefined;
}

function endedWithoutMeetingBy(c: ServiceCase, date: IsoDate): boolean {
  const ending = c.ending;
  return ending !== undefined && (ending.kind === 'withdraw' || ending.kind === 'cancel' || ending.previous?.kind === 'withdraw') && ending.date <= date;
}

const DATE_KEYS = Object.keys(CaseKeyDatesSchema.shape) as (keyof ServiceCase['dates'])[];
const REMEMBERED_MAX = 20_000;

/**
 * `compute()`, remembered under `key` per calendar (bounded: cleared when full): a service's
 * cases share a few hundred sets of dates, and each clock works out a whole timeline.
 */
function remembered<T>(cache: WeakMap<Calendar, Map<string, T>>, calendar: Calendar, key: string, compute: () => T): T {
  let known = cache.get(calendar);
  if (!known) cache.set(calendar, (known = new Map()));
  if (known.has(key)) return known.get(key) as T;
  const value = compute();
  if (known.size >= REMEMBERED_MAX) known.clear();
  known.set(key, value);
  return value;
}

const ARRANGE_LIMITS = new WeakMap<Calendar, Map<string, IsoDate | undefined>>();

function arrangeLimitOf(c: ServiceCase, calendar: Calendar): IsoDate | undefined {
  let key: string = c.caseType;
  for (const k of DATE_KEYS) key += `|${c.dates[k] ?? ''}`;
  return remembered(ARRANGE_LIMITS, calendar, key, () => arrangeLimit(c, calendar));
}

/**
 * T3 (or T5): held within 30 days of the LA (or ICB) being told. Undefined when there is no
 * clock (DRS, no date yet), the limit has not passed and nothing is held, or the family
 * withdrew (or the case was cancelled) before the limit without a meeting.
 */
export function thirtyDays(rec: CaseRecordSet, today: IsoDate, calendar: Calendar, window: Window): Measured | undefined {
  const held = heldOn(rec);
  const informed = rec.c.dates.laInformed;
  // Neither held in the period nor told in reach of it: its limit cannot fall in the period.
  if (!inPeriod(held, window) && (informed === undefined || !inPeriod(informed, { from: shiftDays(window.from, -REACH_DAYS), to: window.to }))) return undefined;
  const due = arrangeLimitOf(rec.c, calendar);
  if (due === undefined) return undefined;
  const dueText = `by ${formatDate(due)}`;
  if (held !== undefined) {
    const late = daysBetween(due, held);
    return late <= 0
      ? { status: 'on_time', countsOn: held, dueText, actualText: `held ${formatDate(held)}`, lateBy: 0, lateText: '' }
      : { status: 'late', countsOn: held, dueText, actualText: `held ${formatDate(held)}`, lateBy: late, lateText: `${plural(late, 'day')} late` };
  }
  if (today <= due || endedWithoutMeetingBy(rec.c, due)) return undefined;
  // Not held: late until it is, or until the case ended.
  const until = rec.c.ending && rec.c.ending.date < today ? rec.c.ending.date : today;
  const late = daysBetween(due, until);
  return { status: 'late', countsOn: due, dueText, actualText: 'not held', lateBy: late, lateText: `not held, ${plural(late, 'day')} past the limit` };
}

/**
 * T2, T6(b), T7: the case's first certificate against its 3-working-day due date, counted in
 * the period of its issue. A mediation that concluded without one is late once its due date has
 * passed, counted in the period of that due date. DRS and the types that need no certificate: none.
 */
export function certificateOnTime(rec: CaseRecordSet, today: IsoDate, calendar: Calendar, window: Window): Measured | undefined {
  const type = CASE_TYPES[rec.c.caseType];
  if (type.isDrs || !type.certificateNeeded) return undefined;
  const first = rec.certificates.length < 2 ? rec.certificates[0] : [...rec.certificates].sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0))[0];
  if (first) {
    if (!inPeriod(first.originalIssueDate, window)) return undefined;
    const due = certificateDueOf(first.variant, first.due.trigger, calendar) ?? first.due.due;
    const t = certificateTimeliness(due, first.originalIssueDate);
    const common = { countsOn: first.originalIssueDate, dueText: `by ${formatDate(due)}`, actualText: `issued ${formatDate(first.originalIssueDate)}` };
    return t.status === 'met'
      ? { ...common, status: 'on_time', lateBy: 0, lateText: '' }
      : { ...common, status: 'late', lateBy: t.days, lateText: `${plural(t.days, 'day')} late` };
  }
  const close = finalClose(rec);
  if (!close || !inPeriod(close.agreementDate, { from: shiftDays(window.from, -REACH_DAYS), to: window.to })) return undefined;
  const due = certificateDueOf('after_mediation', close.agreementDate, calendar);
  if (due === undefined || today <= due) return undefined;
  const late = daysBetween(due, today);
  return { status: 'late', countsOn: due, dueText: `by ${formatDate(due)}`, actualText: 'not issued', lateBy: late, lateText: `not issued, ${plural(late, 'day')} past its due date` };
}

const CERTIFICATE_DUES = new WeakMap<Calendar, Map<string, IsoDate | undefined>>();

/** certificateDue, remembered per day like arrangeLimitOf; undefined when the calendar cannot count it. */
function certificateDueOf(variant: CertificateFacts['variant'], trigger: IsoDate, calendar: Calendar): IsoDate | undefined {
  return remembered(CERTIFICATE_DUES, calendar, `${variant}|${trigger}`, () => {
    try {
      return certificateDue(variant, trigger, calendar);
    } catch (error) {
      if (!isTimescaleError(error)) throw error;
      return undefined;
    }
  });
}

/** T8: the first version of the outcome within 24 hours of the final close; late once overdue. */
export function outcomeOnTime(rec: CaseRecordSet, now: Date, window: Window): Measured | undefined {
  const close = finalClose(rec);
  if (!close || !inPeriod(close.agreementDate, window)) return undefined;
  const dueAt = outcomeDueAt(close.closedAt);
  const dueText = `by ${dueAt.toISOString()}`;
  const published = rec.outcome?.versions[0]?.publishedAt;
  if (published) {
    const t = publishTimeliness(close.closedAt, published);
    const hours = Math.max(0, Math.ceil((new Date(published).getTime() - dueAt.getTime()) / 3_600_000));
    return { status: t.onTime ? 'on_time' : 'late', countsOn: close.agreementDate, dueText, actualText: `published ${published}`, lateBy: t.onTime ? 0 : hours, lateText: t.onTime ? '' : t.text };
  }
  if (now.getTime() <= dueAt.getTime()) return undefined;
  const overdue = now.getTime() - dueAt.getTime();
  return { status: 'late', countsOn: close.agreementDate, dueText, actualText: 'not published', lateBy: Math.ceil(overdue / 3_600_000), lateText: `not published, ${durationText(overdue)} past the target` };
}

/**
 * T9: plan-content cases that reached agreement, by the reminders' own rule for when an amended
 * plan is expected (amendedPlanExpected, which practiceDeadlines uses): received, or still awaited.
 */
export function amendedPlan(rec: CaseRecordSet, window: Window): { readonly received: boolean; readonly countsOn: IsoDate } | undefined {
  const close = finalClose(rec);
  if (!close || !inPeriod(close.agreementDate, window) || !amendedPlanExpected(rec.c, close)) return undefined;
  return { received: (rec.outcome?.amendedPlans.length ?? 0) > 0, countsOn: close.agreementDate };
}

export const RESULT_IDS = ['full', 'partial', 'none', 'ended_early', 'adjourned', 'withdrawn'] as const;
export type ResultId = (typeof RESULT_IDS)[number];

/** The results a case had in the period: the latest close in it, and a withdrawal in it. */
export function resultsIn(rec: CaseRecordSet, inPeriod: (date: IsoDate) => boolean): ResultId[] {
  const out: ResultId[] = [];
  for (let i = rec.sessions.length - 1; i >= 0; i--) {
    const close = rec.sessions[i]?.close;
    if (close && inPeriod(close.agreementDate)) {
      out.push(close.outcome);
      break;
    }
  }
  const ending = rec.c.ending;
  const withdrawal = ending?.kind === 'withdraw' ? ending : ending?.previous?.kind === 'withdraw' ? ending.previous : undefined;
  if (withdrawal && inPeriod(withdrawal.date)) out.push('withdrawn');
  return out;
}

/** Calendar days from the LA being told to the first session, for mediations with a statutory clock. */
export function leadTimeDays(rec: CaseRecordSet): number | undefined {
  const held = heldOn(rec);
  const informed = rec.c.dates.laInformed;
  if (held === undefined || informed === undefined || CASE_TYPES[rec.c.caseType].isDrs) return undefined;
  return daysBetween(informed, held);
}
