import type { Case } from '../domain/cases';
import { formatLondonDateTime } from '../domain/londonTime';
import { shorten } from '../domain/meeting/plainText';
import {
  LA_POSITIONS,
  LA_POSITION_LABELS,
  PLAN_SECTION_LABELS,
  POSITION_NOTE_MAX,
  changesClosed,
  sendTiming,
  sentDateOf,
  type LaPosition,
  type RequestedChange,
} from '../domain/preparation';
import { defaultCalendar, formatDate, type Calendar } from '../domain/timescales';
import { actionSet, card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import { VERBS } from './verbs';

/** One sent change as the LA officer reviews it, with agree / decline / discuss (docs/rules.md#preparation-and-requested-changes). */
export interface ChangeReviewView {
  readonly caseId: string;
  readonly caseReference: string;
  readonly changeId: string;
  readonly number: number;
  /** Place among the sent changes, for "2 of 7". */
  readonly ordinal: number;
  readonly count: number;
  readonly sectionText: string;
  readonly location: string;
  readonly currentWording: string;
  readonly requestedWording: string;
  readonly reason: string;
  readonly evidenceRefs: readonly string[];
  readonly requestedByName: string;
  readonly sentText?: string;
  readonly late: boolean;
  readonly position?: LaPosition;
  /** Internal: shown to the LA officer and mediators only, never to the family. */
  readonly note?: string;
  readonly lastSetText?: string;
  /** Why positions can no longer be set (the meeting has started); no buttons then. */
  readonly closedReason?: string;
  readonly previousChangeId?: string;
  readonly nextChangeId?: string;
}

export function toChangeReviewView(
  c: Case,
  change: RequestedChange,
  all: readonly RequestedChange[],
  now: Date,
  calendar: Calendar = defaultCalendar,
): ChangeReviewView {
  const sent = all.filter((x) => x.sentAt !== undefined).sort((a, b) => a.number - b.number);
  const index = sent.findIndex((x) => x.changeId === change.changeId);
  const sentDate = sentDateOf(change);
  const meeting = c.dates.meetingDate;
  const timing = sentDate && meeting ? sendTiming(meeting, sentDate, calendar) : undefined;
  const last = [...change.positionHistory].reverse().find((h) => h.reason === 'set');
  const closed = changesClosed(c, now);
  const previous = index > 0 ? sent[index - 1] : undefined;
  const next = index >= 0 ? sent[index + 1] : undefined;
  return {
    caseId: c.id,
    caseReference: c.caseReference,
    changeId: change.changeId,
    number: change.number,
    ordinal: index + 1,
    count: sent.length,
    sectionText: `${change.section}: ${PLAN_SECTION_LABELS[change.section]}`,
    location: change.location,
    currentWording: change.currentWording,
    requestedWording: change.requestedWording,
    reason: change.reason,
    evidenceRefs: change.evidenceRefs,
    requestedByName: change.requestedBy.displayName,
    ...(sentDate ? { sentText: `Sent ${formatDate(sentDate)}${timing?.status === 'late' ? `: late (the latest was ${formatDate(timing.latest)})` : ''}` } : {}),
    late: timing?.status === 'late',
    ...(change.laPosition ? { position: change.laPosition } : {}),
    ...(change.laPositionNote ? { note: change.laPositionNote } : {}),
    ...(last && change.laPosition ? { lastSetText: `Set ${formatLondonDateTime(new Date(last.at))}${last.onBehalf ? ' (recorded by a mediator)' : ''}` } : {}),
    ...(closed ? { closedReason: closed.message } : {}),
    ...(previous ? { previousChangeId: previous.changeId } : {}),
    ...(next ? { nextChangeId: next.changeId } : {}),
  };
}

function wording(label: string, value: string, empty: string): CardElement[] {
  return [text(label, { weight: 'bolder', spacing: 'medium' }), text(value === '' ? empty : value, { isSubtle: value === '', spacing: 'small' })];
}

export function changeReviewCard(view: ChangeReviewView): AdaptiveCard {
  const body: CardElement[] = [
    heading(`Change ${view.number}: section ${view.sectionText}`),
    text(`Case ${view.caseReference}${view.count > 0 ? ` · ${view.ordinal} of ${view.count} sent changes` : ''}${view.sentText ? ` · ${view.sentText}` : ''}`, {
      isSubtle: !view.late,
      color: view.late ? 'attention' : 'default',
      spacing: 'none',
    }),
    facts([
      ['Where', view.location],
      ['Asked for by', view.requestedByName],
    ]),
    ...wording('Current wording', view.currentWording, 'None: this change adds new text.'),
    ...wording('Requested wording', view.requestedWording, ''),
  ];
  if (view.reason !== '') body.push(...wording('Why', view.reason, ''));
  if (view.evidenceRefs.length > 0) body.push(...wording('Evidence', view.evidenceRefs.join('; '), ''));

  body.push(
    container(
      [
        text(view.position ? `Your position: ${LA_POSITION_LABELS[view.position]}` : 'Your position: not given yet', {
          weight: 'bolder',
        }),
        ...(view.lastSetText ? [text(view.lastSetText, { isSubtle: true, size: 'small', spacing: 'none' })] : []),
      ],
      { style: 'emphasis', spacing: 'medium' },
    ),
  );

  const nav: CardAction[] = [];
  if (view.previousChangeId) nav.push(execute('Previous change', VERBS.changesReview, { caseId: view.caseId, changeId: view.previousChangeId }, { associatedInputs: 'none' }));
  if (view.nextChangeId) nav.push(execute('Next change', VERBS.changesReview, { caseId: view.caseId, changeId: view.nextChangeId }, { associatedInputs: 'none' }));

  if (view.closedReason) {
    body.push(text(view.closedReason, { color: 'attention' }));
    if (view.note) body.push(text(`Internal note: ${view.note}`, { isSubtle: true }));
  } else {
    body.push(
      {
        type: 'Input.Text', id: 'note', label: 'Internal note (optional): for your preparation, not shared with the family',
        isMultiline: true, maxLength: POSITION_NOTE_MAX, ...(view.note ? { value: view.note } : {}),
      },
      actionSet(
        LA_POSITIONS.map((p) =>
          execute(LA_POSITION_LABELS[p], VERBS.changesPosition, { caseId: view.caseId, changeId: view.changeId, position: p }, p === 'agree' ? { style: 'positive' } : {}),
        ),
      ),
    );
  }
  body.push(text('Positions and notes are preparation for the meeting and are without prejudice.', { isSubtle: true, size: 'small' }));
  return card(body, nav, {
    fallbackText: `Change ${view.number} in case ${view.caseReference}, ${view.sectionText}, ${view.location}. Requested wording: ${shorten(view.requestedWording, 300)} Tell the mediator whether you agree, decline or want to discuss it.`,
  });
}
