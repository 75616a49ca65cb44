import { CASE_TYPES } from '../caseTypes';
import type { Case } from '../cases';
import { certificateDue, certificateTimeliness, type Certificate } from '../certificate';
import { londonDate } from '../londonTime';
import type { Meeting, MeetingClose } from '../meeting';
import { durationText, outcomeDueAt, publishTimeliness, type OutcomeRecord } from '../outcome';
import { arrangeLimit } from '../poll';
import { practiceDeadlines } from '../reminders/meetingDeadlines';
import { formatDate, isTimescaleError, type Calendar, type IsoDate } from '../timescales';
import { daysBetween } from './period';

/**
 * What one case shows against each limit, worked out with the same functions the case card and
 * the reminders use (arrangeLimit for the 30 days, certificateDue and certificateTimeliness for
 * the 3 working days, publishTimeliness for the 24 hours, practiceDeadlines for the amended
 * plan), so the service view cannot call a case late that the case card calls on time.
 */

/** Everything stored about one case that the service view counts. */
export interface CaseRecordSet {
  readonly c: Case;
  /** Every session, first to last. */
  readonly sessions: readonly Meeting[];
  readonly certificates: readonly Certificate[];
  readonly outcome?: OutcomeRecord;
}

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

/** The first session's date: when the mediation took place. */
export function heldOn(rec: CaseRecordSet): IsoDate | undefined {
  const first = rec.sessions[0];
  return first ? londonDate(new Date(first.startedAt)) : undefined;
}

/** The final close: the latest session's, unless it was adjourned (another session follows). */
export function finalClose(rec: CaseRecordSet): MeetingClose | undefined {
  const close = rec.sessions[rec.sessions.length - 1]?.close;
  return close && close.outcome !== 'adjourned' ? close : undefined;
}

function endedWithoutMeetingBy(c: Case, date: IsoDate): boolean {
  const ending = c.ending;
  return ending !== undefined && (ending.kind === 'withdraw' || ending.kind === 'cancel' || ending.previous?.kind === 'withdraw') && ending.date <= date;
}

/**
 * T3 (or T5): held within 30 days of the LA (or ICB) being told. Undefined when there is no
 * clock (DRS, no date yet), the limit has not passed and nothing is held, or the family
 * withdrew (or the case was cancelled) before the limit without a meeting.
 */
export function thirtyDays(rec: CaseRecordSet, today: IsoDate, calendar: Calendar): Measured | undefined {
  const due = arrangeLimit(rec.c, calendar);
  if (due === undefined) return undefined;
  const held = heldOn(rec);
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
export function certificateOnTime(rec: CaseRecordSet, today: IsoDate, calendar: Calendar): Measured | undefined {
  const type = CASE_TYPES[rec.c.caseType];
  if (type.isDrs || !type.certificateNeeded) return undefined;
  const first = [...rec.certificates].sort((a, b) => (a.issuedAt < b.issuedAt ? -1 : a.issuedAt > b.issuedAt ? 1 : 0))[0];
  if (first) {
    const due = dueOr(() => certificateDue(first.variant, first.due.trigger, calendar), first.due.due);
    const t = certificateTimeliness(due, first.originalIssueDate);
    const common = { countsOn: first.originalIssueDate, dueText: `by ${formatDate(due)}`, actualText: `issued ${formatDate(first.originalIssueDate)}` };
    return t.status === 'met'
      ? { ...common, status: 'on_time', lateBy: 0, lateText: '' }
      : { ...common, status: 'late', lateBy: t.days, lateText: `${plural(t.days, 'day')} late` };
  }
  const close = finalClose(rec);
  if (!close) return undefined;
  const due = dueOr(() => certificateDue('after_mediation', close.agreementDate, calendar), undefined);
  if (due === undefined || today <= due) return undefined;
  const late = daysBetween(due, today);
  return { status: 'late', countsOn: due, dueText: `by ${formatDate(due)}`, actualText: 'not issued', lateBy: late, lateText: `not issued, ${plural(late, 'day')} past its due date` };
}

function dueOr<T extends IsoDate | undefined>(compute: () => IsoDate, fallback: T): IsoDate | T {
  try {
    return compute();
  } catch (error) {
    if (isTimescaleError(error)) return fallback;
    throw error;
  }
}

/** T8: the first version of the outcome within 24 hours of the final close; late once overdue. */
export function outcomeOnTime(rec: CaseRecordSet, now: Date): Measured | undefined {
  const close = finalClose(rec);
  if (!close) return undefined;
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
 * T9: plan-content cases that reached agreement, from practiceDeadlines (the reminders' own
 * rule for when an amended plan is expected): received, or still awaited.
 */
export function amendedPlan(rec: CaseRecordSet): { readonly received: boolean; readonly countsOn: IsoDate } | undefined {
  const last = rec.sessions[rec.sessions.length - 1];
  const close = finalClose(rec);
  if (!last || !close) return undefined;
  const supplied = rec.outcome?.amendedPlans.map((p) => p.suppliedAt).sort()[0];
  const deadline = practiceDeadlines(rec.c, last, supplied ? { amendedPlanSuppliedAt: supplied } : {}).find((d) => d.scheduleKey === 'AMENDED_PLAN');
  return deadline ? { received: deadline.satisfied !== undefined, countsOn: close.agreementDate } : undefined;
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
