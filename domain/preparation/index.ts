/**
 * Preparation for the meeting: the LA officer's, ICB's and family's preparation questions
 * and records, the requested changes to the plan and the LA's position on each (docs/rules.md
 * #preparation-and-requested-changes), and the mediator's board. Pure: no I/O, no clock, no botbuilder.
 */
export * from './answers';
export { preparationKindFor, preparationSubject, assertMayPrepare, type QuestionContext, type PreparationSubject } from './subject';
export {
  matchChoice,
  normaliseReply,
  parseText,
  choiceHint,
  YES_NO,
  type QuestionChoice,
  type QuestionInput,
  type QuestionDef,
  type ParseResult,
} from './questions';
export { LA_QUESTIONS } from './laQuestions';
export { FAMILY_QUESTIONS } from './familyQuestions';
export {
  questionsFor,
  questionById,
  emptyAnswers,
  applicableQuestions,
  nextQuestion,
  preparationProgress,
  describeAnswers,
  type PreparationQuestion,
  type PreparationProgress,
  type AnswerLine,
} from './preparationQuestions';
export {
  PREPARATION_STATUSES,
  PreparationRecordSchema,
  applyPreparationPatch,
  type PreparationStatus,
  type PreparationRecord,
} from './preparationRecord';
export {
  PLAN_SECTIONS,
  PLAN_SECTION_LABELS,
  APPEALABLE_SECTIONS,
  LA_POSITIONS,
  LA_POSITION_LABELS,
  LOCATION_MAX,
  WORDING_MAX,
  REASON_MAX,
  EVIDENCE_REF_MAX,
  EVIDENCE_REFS_MAX,
  POSITION_NOTE_MAX,
  POSITION_HISTORY_MAX,
  PositionEntrySchema,
  RequestedChangeSchema,
  type PlanSection,
  type LaPosition,
  type PositionEntry,
  type RequestedChange,
  type NewRequestedChange,
} from './requestedChange';
export {
  CHANGE_FIELDS,
  changeFormValues,
  validateChangeSubmission,
  type ChangeField,
  type ChangeErrors,
  type ChangeFormValues,
  type ChangeInput,
  type ChangeValidation,
} from './changeInput';
export { meetingStarted, changesClosed } from './meetingStart';
export { REQUESTER_ROLES, requesterParties, assertMayEditChanges, createChange, editChange, sendChange } from './changeEdits';
export { parsePositionInput, setLaPosition, type PositionInput } from './changePosition';
export { changeDates, sendTiming, sentDateOf, unsetWarningDue, type ChangeDates, type SendTiming } from './changeTiming';
export { summariseChanges, positionCountsText, type ChangesSummary, type PositionCounts } from './changesSummary';
export {
  REQUIRED_ATTENDEE_ROLES,
  REQUIRED_ATTENDEE_LABELS,
  requiredAttendees,
  missingAttendees,
  type RequiredAttendee,
} from './requiredAttendees';
export {
  preparationBoard,
  preparationStatusLine,
  limitedAuthorityText,
  type PreparationBoard,
  type BoardRow,
  type BoardIssue,
  type BlockerCode,
  type WarningCode,
  type Authority,
  type PreparationState,
} from './board';
