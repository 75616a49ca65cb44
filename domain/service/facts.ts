/**
 * What the service view reads besides cases, meetings and outcomes: the follow-through of agreed
 * actions and the parties' feedback. Both are written by the after-the-meeting features; the
 * service view only counts them.
 */

/** One agreed action as it stands now. */
export interface ActionProgressFact {
  readonly caseId: string;
  readonly actionId: string;
  /** The date in force: a new date the family agreed, else the agreed or statutory one. YYYY-MM-DD. */
  readonly dueDate: string;
  /** Set once the owner marked it done. YYYY-MM-DD. */
  readonly doneOn?: string;
}

/** One feedback answer; deliberately without the person or the case (docs/rules.md). */
export interface FeedbackFact {
  /** caseTypes.ts id. */
  readonly caseType: string;
  /** partyRoles.ts role id of whoever answered. */
  readonly role: string;
  /** 1-5: how fair the process was. */
  readonly fairness: number;
  /** 1-5: how clear the process was. */
  readonly clarity: number;
  readonly wouldUseAgain: boolean;
  /** YYYY-MM-DD the answer was given. */
  readonly givenOn: string;
}
