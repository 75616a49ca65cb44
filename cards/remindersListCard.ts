import type { Case } from '../domain/cases';
import { formatLondonDateTime } from '../domain/londonTime';
import {
  deliveryStatusText,
  dueText,
  isDeadlineOpen,
  markDoneAllowed,
  responsibleLabel,
  timeLeftText,
  type TrackedDeadline,
  type TrackedReminder,
} from '../domain/reminders';
import { defaultCalendar, type Calendar } from '../domain/timescales';
import { actionSet, card, CARD_BYTES_MAX, cardBytes, container, execute, heading, text, type AdaptiveCard, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * The `reminders` list of a case: its deadlines (open ones first, with a "Mark done" button
 * where one makes sense), the reminders still to go out, and the ones already handled with
 * their delivery status in words ("Delivered Thu 3 Dec 2026 at 09:00", "Not delivered after 5
 * attempts: …"). Long lists are cut to keep the card inside Teams' size limit, with a note.
 */
export interface DeadlineRowView {
  readonly deadlineId: string;
  readonly title: string;
  /** "Thu 24 Dec 2026, in 9 days (7 working days)". */
  readonly dueText: string;
  readonly whoText: string;
  /** "Open", "Overdue by 2 days", "Done: the certificate was issued …", "Marked done …". */
  readonly statusText: string;
  readonly open: boolean;
  readonly canMarkDone: boolean;
}

export interface ReminderRowView {
  readonly title: string;
  /** "Reminder" or "Escalation". */
  readonly kindText: string;
  /** "Thu 3 Dec 2026 at 09:00". */
  readonly sendAtText: string;
  readonly statusText: string;
}

export interface RemindersListCardView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly deadlines: readonly DeadlineRowView[];
  /** Pending and being sent, soonest first. */
  readonly upcoming: readonly ReminderRowView[];
  /** Sent, failed and cancelled, latest first. */
  readonly history: readonly ReminderRowView[];
}

/** Rows per section before the rest is summarised. */
export const ROWS_SHOWN = 12;
/** Deadlines with their own button; more would crowd the card. */
export const DONE_BUTTONS_MAX = 6;

function deadlineRow(c: Pick<Case, 'parties'>, d: TrackedDeadline, now: Date, calendar: Calendar): DeadlineRowView {
  const open = isDeadlineOpen(d);
  const left = timeLeftText(d, now, calendar);
  const statusText = d.done
    ? `Marked done ${formatLondonDateTime(new Date(d.done.at))}`
    : d.satisfied
      ? `Done: ${d.satisfied.reason}`
      : left.startsWith('overdue')
        ? left.charAt(0).toUpperCase() + left.slice(1)
        : 'Open';
  return {
    deadlineId: d.deadlineId,
    title: d.title,
    dueText: open ? `${dueText(d)}, ${left}` : dueText(d),
    whoText: responsibleLabel(d.responsible, c.parties),
    statusText,
    open,
    canMarkDone: open && markDoneAllowed(d),
  };
}

function reminderRow(r: TrackedReminder): ReminderRowView {
  return {
    title: r.title,
    kindText: r.kind === 'escalation' ? 'Escalation' : 'Reminder',
    sendAtText: formatLondonDateTime(new Date(r.sendAt)),
    statusText: deliveryStatusText(r),
  };
}

/** The list view of a case's stored deadlines and reminders at `now`. */
export function remindersListView(
  c: Pick<Case, 'id' | 'caseReference' | 'parties'>,
  list: { readonly deadlines: readonly TrackedDeadline[]; readonly reminders: readonly TrackedReminder[] },
  now: Date,
  calendar: Calendar = defaultCalendar,
): RemindersListCardView {
  const rows = list.deadlines.map((d) => deadlineRow(c, d, now, calendar));
  const upcoming = list.reminders.filter((r) => r.status === 'pending' || r.status === 'claimed');
  const history = list.reminders.filter((r) => r.status !== 'pending' && r.status !== 'claimed');
  const bySendAt = (a: TrackedReminder, b: TrackedReminder): number => (a.sendAt < b.sendAt ? -1 : a.sendAt > b.sendAt ? 1 : 0);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    // Open deadlines first (in due order), then the finished ones.
    deadlines: [...rows.filter((r) => r.open), ...rows.filter((r) => !r.open)],
    upcoming: [...upcoming].sort(bySendAt).map(reminderRow),
    history: [...history].sort((a, b) => bySendAt(b, a)).map(reminderRow),
  };
}

function more(hidden: number, what: string): CardElement[] {
  return hidden > 0 ? [text(`…and ${hidden} more ${what}, not shown to keep this card small.`, { isSubtle: true, size: 'small' })] : [];
}

function reminderBlock(r: ReminderRowView): CardElement {
  return container(
    [text(`**${r.kindText}: ${r.title}**`), text(`${r.sendAtText}: ${r.statusText}`, { size: 'small', spacing: 'none' })],
    { separator: true },
  );
}

function build(view: RemindersListCardView, shown: number): AdaptiveCard {
  const body: CardElement[] = [heading(`Reminders: case ${view.caseReference}`), heading('Deadlines', 'default')];
  if (view.deadlines.length === 0) body.push(text('No deadlines are being tracked for this case yet.', { isSubtle: true }));
  let buttons = 0;
  for (const d of view.deadlines.slice(0, shown)) {
    const items: CardElement[] = [
      text(`**${d.title}**: ${d.statusText}`),
      text(`Due ${d.dueText}. Who: ${d.whoText}.`, { size: 'small', spacing: 'none' }),
    ];
    if (d.canMarkDone && buttons < DONE_BUTTONS_MAX) {
      buttons += 1;
      items.push(actionSet([execute('Mark done', VERBS.reminderDone, { caseId: view.caseId, deadlineId: d.deadlineId, view: 'list' })], { spacing: 'small' }));
    }
    body.push(container(items, { separator: true }));
  }
  body.push(...more(view.deadlines.length - Math.min(shown, view.deadlines.length), 'deadlines'));

  body.push(heading('Coming up', 'default'));
  if (view.upcoming.length === 0) body.push(text('No reminders are waiting to go out.', { isSubtle: true }));
  body.push(...view.upcoming.slice(0, shown).map(reminderBlock), ...more(view.upcoming.length - Math.min(shown, view.upcoming.length), 'reminders'));

  body.push(heading('Sent and stopped', 'default'));
  if (view.history.length === 0) body.push(text('Nothing has been sent yet.', { isSubtle: true }));
  body.push(...view.history.slice(0, shown).map(reminderBlock), ...more(view.history.length - Math.min(shown, view.history.length), 'earlier reminders'));
  body.push(text('Reminders go out at 09:00 UK time on working days. Dates are guidance, not legal advice.', { isSubtle: true, size: 'small' }));

  const fallback = `Reminders for case ${view.caseReference}: ${view.deadlines.filter((d) => d.open).length} open deadlines, ${view.upcoming.length} reminders to come, ${view.history.length} sent or stopped.`;
  return card(body, [execute('Refresh', VERBS.remindersList, { caseId: view.caseId })], { fallbackText: fallback });
}

/** The list card; rows per section shrink until it fits the size budget. */
export function remindersListCard(view: RemindersListCardView): AdaptiveCard {
  let shown = ROWS_SHOWN;
  let built = build(view, shown);
  while (cardBytes(built) > CARD_BYTES_MAX && shown > 1) built = build(view, --shown);
  return built;
}
