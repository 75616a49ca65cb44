import { card, container, execute, fieldError, heading, text, type AdaptiveCard, type CardElement, type TextInput } from './adaptive';
import { guardBlock, STRUCTURE_ONLY, type GuardView } from './meetingCardParts';
import { VERBS } from './verbs';

/**
 * Shown when the mediator starts a meeting and a check has failed (docs/rules.md#case-lifecycle): what
 * failed, and a required short reason to start anyway. The reason is stored with the
 * meeting, so it asks for the arrangements, not for anything anyone said.
 */
export interface StartMeetingCardView {
  readonly caseId: string;
  readonly caseReference: string;
  /** The session that would start: 1, or the next one after an adjournment. */
  readonly session: number;
  readonly guards: readonly GuardView[];
  /** What was typed, when the card comes back with a problem. */
  readonly reason?: string;
  readonly error?: string;
  /** The day a click confirms starting on (YYYY-MM-DD): a click on a later day is asked again. */
  readonly confirmedDay?: string;
  /** "The meeting was planned for Thu 10 Dec 2026. Start it today, Wed 2 Dec?", when today is not the planned day. */
  readonly dayQuestion?: string;
}

export const START_REASON_INPUT = 'startedAnywayReason';

function startData(view: StartMeetingCardView): Readonly<Record<string, string>> {
  return { caseId: view.caseId, ...(view.confirmedDay ? { confirmedDay: view.confirmedDay } : {}) };
}

export function startMeetingCard(view: StartMeetingCardView): AdaptiveCard {
  const failing = view.guards.filter((g) => g.status === 'failed');
  const passing = view.guards.filter((g) => g.status !== 'failed');
  const title = view.session > 1 ? `Start session ${view.session}: case ${view.caseReference}` : `Start the meeting: case ${view.caseReference}`;
  const body: CardElement[] = [heading(title)];
  if (view.dayQuestion) {
    body.push(
      text(view.dayQuestion, { weight: 'bolder' }),
      text("If you start it, today becomes the case's meeting date: the case card, your cases, the dashboard and every deadline counted from the meeting follow it. If it is not happening today, leave this card and change the date with \"edit\".", { size: 'small' }),
    );
  }
  if (failing.length > 0) {
    body.push(
      container([text('Not ready yet', { weight: 'bolder' }), ...failing.map((g) => guardBlock(g, true))], { style: 'attention' }),
    );
  } else {
    body.push(text('✓ Every check before the meeting is complete.', { weight: 'bolder' }));
  }
  if (passing.length > 0) body.push(...passing.map((g) => guardBlock(g)));
  body.push(text(STRUCTURE_ONLY, { isSubtle: true, size: 'small' }));

  if (failing.length === 0) {
    return card(body, [execute(view.dayQuestion ? 'Start it today' : 'Start the meeting', VERBS.meetingStart, startData(view), { style: 'positive', associatedInputs: 'none' })], {
      fallbackText: `${title}. ${view.dayQuestion ? `${view.dayQuestion} ` : ''}Every check is complete.`,
    });
  }
  const reason: TextInput = {
    type: 'Input.Text',
    id: START_REASON_INPUT,
    label: 'Why start anyway? A short reason about the arrangements, not what anyone said',
    placeholder: 'e.g. The officer confirmed their authority by phone this morning',
    maxLength: 200,
    isRequired: true,
    errorMessage: 'Give a short reason to start anyway.',
    ...(view.reason !== undefined ? { value: view.reason } : {}),
  };
  body.push(text('You can still start. The record will show which checks were not complete and why you went ahead.'), reason, ...fieldError(view.error));
  return card(body, [execute('Start the meeting anyway', VERBS.meetingStart, startData(view))], {
    fallbackText: `${title}. ${view.dayQuestion ? `${view.dayQuestion} ` : ''}Not ready: ${failing.map((g) => g.text).join(' ')} Open this in Teams to start anyway with a reason.`,
  });
}
