/**
 * The outcome statement (docs/rules.md#outcome-statement, #timescale-rules T8-T9): the draft built from the case and its
 * concluded meeting, published versions, the parties' answers, the amended plan and its
 * chases. Pure: no I/O, no clock, no botbuilder. Structure and agreed wording only; the
 * outcome is not minutes (docs/rules.md#what-the-product-never-records).
 */
export {
  ISSUE_RESULTS,
  ISSUE_RESULT_LABELS,
  isIssueResult,
  resultOfChange,
  resultOfMeeting,
  resolvedShare,
  type IssueResult,
  type ConcludedOutcome,
  type ResolvedShare,
} from './issueResult';
export {
  OVERVIEW_MAX,
  NOT_MINUTES_REMINDER,
  CONFIDENTIALITY_NOTE,
  GUIDANCE_NOT_ADVICE,
  CORRECTION_REASON_MAX,
  ON_BEHALF_REASON_MAX,
} from './outcomeTexts';
export {
  OUTCOME_VERSIONS_MAX,
  OUTCOME_RESPONSES_MAX,
  AMENDED_PLANS_MAX,
  AMENDED_PLAN_URL_MAX,
  AMENDED_PLAN_NAME_MAX,
  ISSUE_TITLE_MAX,
  OUTCOME_ATTENDEES_MAX,
  CONCLUDED_OUTCOMES,
  ATTENDEE_ROLES,
  ISSUE_KINDS,
  DECISION_ISSUE_ID,
  CERTIFICATE_NEEDS,
  RESPONSE_KINDS,
  AMENDED_PLAN_KINDS,
  OutcomeReasonSchema,
  OutcomeMeetingSchema,
  OutcomeAttendeeSchema,
  OutcomeIssueSchema,
  OutcomeActionSchema,
  OutcomeChangeSchema,
  OutcomeNextStepsSchema,
  OutcomeContentSchema,
  OutcomeVersionSchema,
  OutcomeResponseSchema,
  AmendedPlanSchema,
  OutcomeRecordSchema,
  type OutcomeReason,
  type OutcomeMeeting,
  type AttendeeRole,
  type OutcomeAttendee,
  type IssueKind,
  type OutcomeIssue,
  type OutcomeAction,
  type OutcomeChange,
  type CertificateNeed,
  type OutcomeNextSteps,
  type OutcomeContent,
  type OutcomeVersion,
  type ResponseKind,
  type OutcomeResponse,
  type AmendedPlan,
  type OutcomeRecord,
} from './outcomeSchema';
export { youngPersonNote, outcomeAttendees } from './outcomeAttendees';
export { changeIssueTitle, decisionIssueTitle, mediatedChanges, outcomeIssues } from './outcomeIssues';
export { outcomeAction, outcomeActions } from './outcomeActions';
export { certificateNeedOf, outcomeNextSteps, nextStepsLines } from './outcomeNextSteps';
export { assertConcluded, mediationSessionDates, draftOutcome, withIssueResults, type OutcomeDraftInput } from './outcomeDraft';
export {
  OVERVIEW_INPUT,
  issueInputId,
  outcomeDraftFormValues,
  validateOutcomeDraftSubmission,
  type OutcomeDraftFormValues,
  type OutcomeDraftErrors,
  type OutcomeDraftValidation,
} from './draftInput';
export { startOutcomeRecord, latestVersion, assertRecordOfCase } from './outcomeRecord';
export { publishOutcome } from './publishOutcome';
export {
  CORRECTION_REASON_INPUT,
  ANSWER_STATUS_LABELS,
  parseResponseInput,
  respondToOutcome,
  responseOf,
  partyAnswers,
  openCorrections,
  type ResponseInput,
  type RespondOptions,
  type AnswerStatus,
  type PartyAnswer,
} from './responses';
export { OUTCOME_DUE_HOURS, outcomeDueAt, durationText, timeLeftText, publishTimeliness, type PublishTimeliness } from './outcomeDue';
export {
  AMENDED_PLAN_URL_INPUT,
  checkPlanUrl,
  parseAmendedPlanLink,
  parseAmendedPlanFile,
  attachAmendedPlan,
  type AmendedPlanInput,
} from './amendedPlan';
export { outcomeStatusLine } from './outcomeStatus';
