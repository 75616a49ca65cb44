import { card, container, execute, facts, heading, text, type AdaptiveCard, type CardAction, type CardElement } from './adaptive';
import type { DelayProposalView } from './followUpViews';
import { VERBS } from './verbs';

/** A proposed new date for an agreed action, in the parent's or young person's 1:1 chat: agree or decline. */
export function delayProposalCard(v: DelayProposalView): AdaptiveCard {
  const pairs: [string, string][] = [
    ['Who', v.ownerText],
    ['Date now', v.fromText],
    ['New date proposed', v.proposedText],
    ...(v.legalLimitText ? ([['Legal limit (reg 42)', v.legalLimitText]] as [string, string][]) : []),
  ];
  const body: CardElement[] = [
    heading(`A new date is proposed: case ${v.caseReference}`),
    text(v.what),
    facts(pairs),
    text(`Why: ${v.reason}`),
    text('The date only changes if you agree. If you decline, the date now stands and the mediators are told.', { size: 'small' }),
  ];
  if (v.answerText) body.unshift(container([text(v.answerText, { weight: 'bolder' })], { style: 'emphasis' }));
  const ids = { caseId: v.caseId, actionId: v.actionId, delayId: v.delayId };
  const actions: CardAction[] = v.answerText
    ? []
    : [execute('I agree to the new date', VERBS.followUpDelayAgree, ids, { style: 'positive' }), execute('I decline', VERBS.followUpDelayDecline, ids)];
  return card(body, actions, { fallbackText: `A new date is proposed for an agreed action in case ${v.caseReference}: open this in Teams to answer.` });
}
