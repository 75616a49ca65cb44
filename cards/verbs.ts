/**
 * Every Action.Execute verb the cards emit, in one place, so the bot's handler registry and
 * the card builders cannot disagree about a spelling.
 */
export const VERBS = {
  datesCalculate: 'dates.calculate',
  caseCreate: 'case.create',
  /** Shows a page of the team roster; data {caseId, page}. "Add parties" opens page 0. */
  caseRoster: 'case.roster',
  caseAssignRoles: 'case.assignRoles',
  /** Re-renders a case card for the person who clicked (also the Universal Actions refresh). */
  caseOpen: 'case.open',
  termsSend: 'terms.send',
  termsAgree: 'terms.agree',
  /** A mediator picks the party whose agreement they are recording; data {caseId} + input partyId. */
  termsRecordPick: 'terms.recordPick',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
