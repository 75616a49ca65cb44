import type { Case } from '../domain/cases';
import { LA_POSITION_LABELS, PLAN_SECTION_LABELS, summariseChanges, type ChangesSummary, type RequestedChange } from '../domain/preparation';
import { defaultCalendar, formatDate, type Calendar, type IsoDate } from '../domain/timescales';
import { card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/**
 * Where the requested changes stand: counts by LA position, what needs discussing, and the
 * timing warnings. Seen by everyone in the case, so it never shows the LA's internal notes.
 */
export interface ChangeLine {
  readonly changeId: string;
  readonly text: string;
}

export interface ChangesSummaryView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly total: number;
  readonly drafts: number;
  readonly sent: number;
  readonly counts: ChangesSummary['counts'];
  readonly toDiscuss: readonly ChangeLine[];
  readonly unset: readonly ChangeLine[];
  /** "Ideally by …, and at the latest by …" when the meeting date is known. */
  readonly datesText?: string;
  readonly lateText?: string;
  /** From WD-1: sent changes still without a position. */
  readonly unsetWarning?: string;
  readonly showReview: boolean;
  readonly showAdd: boolean;
}

function line(c: RequestedChange): ChangeLine {
  return { changeId: c.changeId, text: `Change ${c.number}: section ${c.section} (${PLAN_SECTION_LABELS[c.section]}), ${c.location}` };
}

export function toChangesSummaryView(
  c: Case,
  changes: readonly RequestedChange[],
  today: IsoDate,
  options: { readonly showReview: boolean; readonly showAdd: boolean; readonly calendar?: Calendar },
): ChangesSummaryView {
  const s = summariseChanges(changes, c.dates.meetingDate, today, options.calendar ?? defaultCalendar);
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    total: s.total,
    drafts: s.drafts.length,
    sent: s.sent.length,
    counts: s.counts,
    toDiscuss: s.toDiscuss.map(line),
    unset: s.unset.map(line),
    ...(s.dates
      ? { datesText: `Changes should reach the local authority ideally by ${formatDate(s.dates.ideal)}, and at the latest by ${formatDate(s.dates.latest)} (3 working days before the meeting).` }
      : {}),
    ...(s.late.length > 0 && s.dates
      ? { lateText: `Late: ${s.late.map((x) => `change ${x.number}`).join(', ')} reached the local authority after ${formatDate(s.dates.latest)}. The mediator will flag this.` }
      : {}),
    ...(s.unsetWarning && s.unsetWarningFrom
      ? { unsetWarning: `Warning: the meeting is close and ${s.unset.length === 1 ? '1 change has' : `${s.unset.length} changes have`} no local authority position yet.` }
      : {}),
    showReview: options.showReview && s.sent.length > 0,
    showAdd: options.showAdd,
  };
}

function list(title: string, lines: readonly ChangeLine[]): CardElement[] {
  if (lines.length === 0) return [];
  return [text(title, { weight: 'bolder', spacing: 'medium' }), ...lines.map((l) => text(`• ${l.text}`, { spacing: 'small' }))];
}

export function changesSummaryText(view: ChangesSummaryView): string {
  const c = view.counts;
  return [
    `Requested changes for case ${view.caseReference}: ${view.total} in all, ${view.sent} sent to the local authority, ${view.drafts} draft.`,
    `Agree ${c.agree}; decline ${c.decline}; discuss ${c.discuss}; no position yet ${c.unset}.`,
    ...(view.unsetWarning ? [view.unsetWarning] : []),
    ...(view.lateText ? [view.lateText] : []),
    ...(view.datesText ? [view.datesText] : []),
  ].join('\n');
}

export function changesSummaryCard(view: ChangesSummaryView): AdaptiveCard {
  const body: CardElement[] = [heading(`Requested changes: case ${view.caseReference}`)];
  const alerts = [view.unsetWarning, view.lateText].filter((t): t is string => t !== undefined);
  if (alerts.length > 0) body.push(container(alerts.map((a) => text(a, { weight: 'bolder' })), { style: 'attention' }));
  if (view.total === 0) body.push(text('No requested changes yet.', { isSubtle: true }));
  else {
    body.push(
      facts([
        [LA_POSITION_LABELS.agree, String(view.counts.agree)],
        [LA_POSITION_LABELS.decline, String(view.counts.decline)],
        [LA_POSITION_LABELS.discuss, String(view.counts.discuss)],
        ['No position yet', String(view.counts.unset)],
        ['Drafts not yet sent', String(view.drafts)],
      ]),
    );
  }
  body.push(...list('To discuss at the meeting', view.toDiscuss), ...list('No local authority position yet', view.unset));
  if (view.datesText) body.push(text(view.datesText, { isSubtle: true, spacing: 'medium' }));

  const actions: CardAction[] = [];
  if (view.showReview) actions.push(execute('Review changes', VERBS.changesReview, { caseId: view.caseId }));
  if (view.showAdd) actions.push(execute('Add a change', VERBS.changesNew, { caseId: view.caseId }));
  if (view.showAdd && view.drafts > 0) actions.push(execute(`Send ${view.drafts === 1 ? 'the draft' : `${view.drafts} drafts`} to the LA`, VERBS.changesSend, { caseId: view.caseId }, { style: 'positive' }));
  return card(body, actions, { fallbackText: changesSummaryText(view) });
}
