import { RULES, type RuleId } from '../timescales';

/**
 * The "why" line of a reminder: the rule in plain words and where it comes from. People act
 * on a reminder more readily when they can see it is the law (or, for practice targets, that
 * it is not), so every deadline carries one.
 */

export const NOT_LEGAL_ADVICE = 'This is guidance, not legal advice.';
export const PRACTICE_NOTE = "This is the mediation provider's practice, not a legal deadline.";

/** "Mediator issues the certificate: 3 working days after the mediation concludes. Source: …". */
export function ruleWhy(ruleId: RuleId): string {
  const rule = RULES[ruleId];
  if (rule.confidence === 'P') return `${rule.description} ${PRACTICE_NOTE}`;
  const advice = ruleId === 'APPEAL' ? ` ${NOT_LEGAL_ADVICE}` : '';
  return `${rule.description} Source: ${rule.source}.${advice}`;
}

export const OUTCOME_WHY = `The mediator sends the outcome statement to everyone within about 24 hours of the end of the meeting. ${PRACTICE_NOTE}`;

export const AMENDED_PLAN_WHY =
  `The local authority officer sends the amended plan wording to the mediator straight after the meeting, so it can be attached to the outcome statement: it is due with the outcome, 24 hours after the close, and chased 2 hours after the close. ${PRACTICE_NOTE}`;

/** Why an at-once action is due on the agreement date, by what was agreed. */
export function atOnceWhy(continues: boolean, source: string): string {
  return continues
    ? `The local authority agreed at the mediation to continue to maintain the plan, which takes effect at once; any amendment agreed with it is its own action, due within 5 weeks. Source: ${source}.`
    : `The local authority agreed at the mediation to stop maintaining the plan, which takes effect at once. Source: ${source}.`;
}

export function agreedDateWhy(statutory: boolean): string {
  return statutory
    ? 'The parties agreed this date in writing at the mediation, and it replaces the statutory timescale. Source: SEND Regulations 2014 reg 42(5).'
    : 'The parties agreed this action and its date at the mediation. No statutory timescale applies to it.';
}

/** An agreed action's step: the rule, said to be counted from the agreement. */
export function actionStepWhy(ruleId: RuleId): string {
  return `Agreed at the mediation. ${ruleWhy(ruleId)}`;
}
