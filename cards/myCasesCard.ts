import { actionSet, card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import type { MyCaseRow } from './caseView';
import { VERBS } from './verbs';

export type { MyCaseRow } from './caseView';

export interface MyCasesView {
  readonly rows: readonly MyCaseRow[];
}

/** More rows would pass the card size limit and are unreadable on a phone. */
export const MY_CASES_SHOWN = 15;
/** Per case; the reminders list has the rest. */
export const TASKS_SHOWN = 5;

function caseBlock(row: MyCaseRow): CardElement {
  const rows: [string, string][] = [
    ['About', row.caseTypeLabel],
    ['Stage', row.stateLabel],
  ];
  if (row.meeting) rows.push([row.meeting.label, row.meeting.when], ['Where', row.meeting.place]);
  rows.push(['Next', row.nextTask]);
  const actions: CardAction[] = [execute(`Open ${row.caseReference}`, VERBS.caseOpen, { caseId: row.caseId })];
  if (row.meeting?.joinUrl) actions.push({ type: 'Action.OpenUrl', title: 'Join the Teams meeting', url: row.meeting.joinUrl });
  if (row.meeting?.calendarUrl) actions.push({ type: 'Action.OpenUrl', title: 'Add to calendar', url: row.meeting.calendarUrl });
  return container(
    [
      text(`**${row.caseReference}**: ${row.roleLabel}`),
      facts(rows),
      ...(row.tasks && row.tasks.length > 0
        ? [
            text('**Your deadlines**', { spacing: 'small' }),
            ...row.tasks.slice(0, TASKS_SHOWN).map((t) => text(`${t.dueText}: ${t.title}`, { size: 'small', spacing: 'none' })),
          ]
        : []),
      actionSet(actions),
    ],
    { separator: true, spacing: 'medium' },
  );
}

/** The caller's cases, each with their role and the next thing to do. */
export function myCasesCard(view: MyCasesView): AdaptiveCard {
  const body: CardElement[] = [heading('Your cases')];
  if (view.rows.length === 0) {
    body.push(text('You are not in any cases yet. If a mediator gave you an invitation code, send "join" and the code.'));
  }
  body.push(...view.rows.slice(0, MY_CASES_SHOWN).map(caseBlock));
  const hidden = view.rows.length - MY_CASES_SHOWN;
  if (hidden > 0) body.push(text(`…and ${hidden} more, not shown. The most recently changed are listed first.`, { isSubtle: true }));
  return card(body);
}
