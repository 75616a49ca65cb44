import { DELAY_REASON_MAX, UPDATE_TEXT_MAX } from '../domain/followUp';
import { card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import type { ActionProgressView } from './followUpViews';
import { VERBS } from './verbs';

/**
 * One agreed action in its owner's 1:1 chat: what, the date in force, the legal limit beside
 * it, and three forms (done, an update for the family, a delay with a proposed date).
 */
export function actionProgressCard(v: ActionProgressView): AdaptiveCard {
  const ids = { caseId: v.caseId, actionId: v.actionId };
  const pairs: [string, string][] = [
    ['Who', v.ownerText],
    ['Due', v.dueText],
    ...(v.legalLimitText ? ([['Legal limit (reg 42)', v.legalLimitText]] as [string, string][]) : []),
    ['Status', v.statusText],
  ];
  const body: CardElement[] = [
    ...(v.message ? [container([text(v.message, { weight: 'bolder' })], { style: 'emphasis' })] : []),
    heading(`Agreed action: case ${v.caseReference}`),
    text(v.what),
    facts(pairs),
  ];
  if (v.dueNote) body.push(text(v.dueNote, { size: 'small' }));
  if (v.isDrs) body.push(text('Disagreement resolution: the date was agreed at the meeting; no statutory deadline applies.', { size: 'small', isSubtle: true }));
  if (v.updates.length > 0) body.push(text('**Updates sent to the family**'), ...v.updates.map((u) => text(`- ${u}`, { spacing: 'none' })));
  if (v.delays.length > 0) body.push(text('**New dates proposed**'), ...v.delays.map((d) => text(`- ${d}`, { spacing: 'none' })));
  const actions: CardAction[] = v.done
    ? []
    : [
        {
          type: 'Action.ShowCard',
          title: 'Mark done…',
          card: {
            type: 'AdaptiveCard',
            body: [{ type: 'Input.Date', id: 'doneOn', label: 'Date it was done', value: v.today, max: v.today }],
            actions: [execute('Mark done', VERBS.followUpDone, ids, { style: 'positive' })],
          },
        },
        {
          type: 'Action.ShowCard',
          title: 'Update the family…',
          card: {
            type: 'AdaptiveCard',
            body: [
              {
                type: 'Input.Text',
                id: 'updateText',
                label: 'A short update the family will see',
                maxLength: UPDATE_TEXT_MAX,
                isMultiline: true,
                isRequired: true,
                errorMessage: 'Write the update for the family.',
              },
              text('Not a note of the meeting: only where the action has got to.', { size: 'small', isSubtle: true }),
            ],
            actions: [execute('Send the update', VERBS.followUpUpdate, { ...ids, updateId: v.updateId })],
          },
        },
        {
          type: 'Action.ShowCard',
          title: 'Report a delay…',
          card: {
            type: 'AdaptiveCard',
            body: [
              { type: 'Input.Date', id: 'newDate', label: 'The new date you propose', min: v.today, isRequired: true, errorMessage: 'Give the new date.' },
              { type: 'Input.Text', id: 'delayReason', label: 'Why the action is delayed', maxLength: DELAY_REASON_MAX, isRequired: true, errorMessage: 'Say why.' },
              text('The family is asked to agree. Until they do, the date above stands.', { size: 'small', isSubtle: true }),
            ],
            actions: [execute('Propose the new date', VERBS.followUpDelay, { ...ids, delayId: v.delayId })],
          },
        },
      ];
  return card(body, actions, { fallbackText: `Agreed action for case ${v.caseReference}, due ${v.dueText}: open this in Teams.` });
}
