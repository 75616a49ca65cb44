import type { Case } from '../domain/cases';
import { formatLondonDateTime } from '../domain/londonTime';
import {
  dueText,
  isDeadlineOpen,
  lastWorkingDayNote,
  markDoneAllowed,
  responsibleLabel,
  timeLeftText,
  type ReminderKind,
  type TrackedDeadline,
} from '../domain/reminders';
import { defaultCalendar, type Calendar } from '../domain/timescales';
import { card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * One reminder or escalation about one deadline: what is due, by when (with the weekday and
 * how far off), why (the rule in plain words), who, and a "Mark done" button where that makes
 * sense (markDone.ts decides which deadlines: not the family's own time limits, nor the
 * clocks the bot closes itself). The bot checks who clicked; the card only offers.
 */
export interface ReminderCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly deadlineId: string;
  readonly kind: ReminderKind;
  readonly title: string;
  /** An agreed action's wording. */
  readonly detail?: string;
  /** "Thu 24 Dec 2026", or "Fri 18 Dec 2026 at 14:05". */
  readonly dueText: string;
  /** "in 9 days (7 working days)", "overdue by 2 days". */
  readonly timeLeftText: string;
  readonly lastWorkingDayText?: string;
  readonly why: string;
  /** "Local authority officer", "The mediators". */
  readonly whoText: string;
  /** "T13d · SEND Regulations 2014 reg 42(2) with reg 44(2)(e)". */
  readonly ruleText: string;
  readonly canMarkDone: boolean;
  /** "Marked done on Thu 3 Dec 2026 at 09:12" or the reason the case shows it done. */
  readonly doneText?: string;
}

/** The view of a deadline at `now` (Europe/London dates and times). */
export function reminderCardView(
  c: Pick<Case, 'id' | 'caseReference' | 'parties'>,
  deadline: TrackedDeadline,
  kind: ReminderKind,
  now: Date,
  calendar: Calendar = defaultCalendar,
): ReminderCardView {
  const lastWorkingDayText = lastWorkingDayNote(deadline);
  const doneText = deadline.done
    ? `Marked done on ${formatLondonDateTime(new Date(deadline.done.at))}.`
    : deadline.satisfied
      ? `Done: ${deadline.satisfied.reason}.`
      : undefined;
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    deadlineId: deadline.deadlineId,
    kind,
    title: deadline.title,
    ...(deadline.detail ? { detail: deadline.detail } : {}),
    dueText: dueText(deadline),
    timeLeftText: timeLeftText(deadline, now, calendar),
    ...(lastWorkingDayText ? { lastWorkingDayText } : {}),
    why: deadline.why,
    whoText: responsibleLabel(deadline.responsible, c.parties),
    ruleText: deadline.tNumber ? `${deadline.tNumber} · ${deadline.source}` : deadline.source,
    canMarkDone: isDeadlineOpen(deadline) && markDoneAllowed(deadline),
    ...(doneText ? { doneText } : {}),
  };
}

/** Shown by clients that cannot render the card, and in notifications. */
export function reminderFallback(view: ReminderCardView): string {
  const lead = view.kind === 'escalation' ? 'Overdue' : 'Reminder';
  return `${lead} (case ${view.caseReference}): ${view.title}, due ${view.dueText}, ${view.timeLeftText}. Who: ${view.whoText}.`;
}

export function reminderCard(view: ReminderCardView): AdaptiveCard {
  const escalation = view.kind === 'escalation';
  const top: CardElement[] = [
    heading(escalation ? `Overdue: ${view.title}` : `Reminder: ${view.title}`),
    text(`Case ${view.caseReference}`, { isSubtle: true, spacing: 'none' }),
  ];
  if (escalation) {
    top.push(text(`This was due ${view.dueText} and has not been marked done. Please check with the person responsible.`, { weight: 'bolder' }));
  }
  const body: CardElement[] = [
    container(top, escalation ? { style: 'attention' } : {}),
    ...(view.detail ? [text(`Agreed: ${view.detail}`)] : []),
    facts([
      ['Due', `${view.dueText}, ${view.timeLeftText}`],
      ['Who', view.whoText],
      ['Rule', view.ruleText],
    ]),
  ];
  if (view.lastWorkingDayText) body.push(text(view.lastWorkingDayText, { size: 'small' }));
  body.push(text(`Why: ${view.why}`, { spacing: 'medium' }));
  if (view.doneText) body.push(text(view.doneText, { weight: 'bolder' }));
  body.push(text('Dates are worked out from the case dates the bot holds. They are guidance, not legal advice.', { isSubtle: true, size: 'small' }));

  const ids = { caseId: view.caseId };
  const actions: CardAction[] = [];
  if (view.canMarkDone) actions.push(execute('Mark done', VERBS.reminderDone, { ...ids, deadlineId: view.deadlineId }, { style: 'positive' }));
  actions.push(execute('All reminders for this case', VERBS.remindersList, ids));
  return card(body, actions, { fallbackText: reminderFallback(view) });
}
