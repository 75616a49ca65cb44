import type { MeetingMovedView } from '../domain/cases';
import { card, container, facts, heading, text, type AdaptiveCard, type CardAction } from './adaptive';

export interface MeetingMovedCardView extends MeetingMovedView {
  /** This party's own calendar invitation, when the bot can serve one. */
  readonly calendarUrl?: string;
}

/** Sent to each party's 1:1 chat when the meeting's date, time or place changes. */
export function meetingMovedCard(view: MeetingMovedCardView): AdaptiveCard {
  const rows: [string, string][] = [['Now', view.when]];
  if (view.was) rows.push(['Was', view.was]);
  rows.push(['Where', view.place]);
  const actions: CardAction[] = [];
  if (view.joinUrl) actions.push({ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: view.joinUrl });
  if (view.calendarUrl) actions.push({ type: 'Action.OpenUrl', title: 'Add to calendar', url: view.calendarUrl });
  return card(
    [
      container([heading(`The mediation meeting has changed (case ${view.caseReference})`, 'default'), facts(rows)], { style: 'warning' }),
      text(view.calendarUrl ? 'If you added the meeting to your calendar, open the invitation again: it replaces the old one.' : 'Please update your own calendar.', {
        isSubtle: true,
      }),
    ],
    actions,
    { fallbackText: `The mediation meeting for case ${view.caseReference} is now ${view.when}${view.was ? ` (was ${view.was})` : ''}. Where: ${view.place}.` },
  );
}
