import { card, execute, heading, text, type AdaptiveCard } from './adaptive';
import { VERBS } from './verbs';

/**
 * Asked when `start meeting` runs on another day than the planned one
 * (docs/rules.md#the-meeting-date): both days in words, and one button that starts it today.
 * Once started, today becomes the case's meeting date everywhere.
 */
export interface MeetingDayConfirmView {
  readonly caseId: string;
  readonly caseReference: string;
  /** "The meeting was planned for Thu 10 Dec 2026. Start it today, Wed 2 Dec?" */
  readonly question: string;
  /** YYYY-MM-DD: the day the button confirms; a click on a later day asks again. */
  readonly today: string;
}

export function meetingDayConfirmCard(view: MeetingDayConfirmView): AdaptiveCard {
  const title = `Start the meeting: case ${view.caseReference}`;
  return card(
    [
      heading(title),
      text(view.question, { weight: 'bolder' }),
      text("If you start it, today becomes the case's meeting date: the case card, your cases, the dashboard and every deadline counted from the meeting follow it."),
      text('If the meeting is not happening today, leave this card and change the date with "edit".', { isSubtle: true }),
    ],
    [execute('Start it today', VERBS.meetingStart, { caseId: view.caseId, confirmedDay: view.today }, { style: 'positive', associatedInputs: 'none' })],
    { fallbackText: `${title}. ${view.question} Open this in Teams to confirm.` },
  );
}
