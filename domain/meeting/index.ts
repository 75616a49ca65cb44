/**
 * The meeting (docs/rules.md#case-lifecycle, #the-meeting-checklist, #outcome-statement): the mediator's checklist, breaks, closing,
 * SMART agreed actions with their computed due dates, and the meeting's results for the
 * requested changes. Pure: no I/O, no clock, no botbuilder. Structure only: nothing here
 * holds what anyone said (docs/rules.md#what-the-product-never-records).
 */
export {
  AGENDA_ITEM_IDS,
  CROSS_CUTTING_ITEM_IDS,
  CHECKLIST_ITEM_IDS,
  CHECKLIST,
  isChecklistItemId,
  type AgendaItemId,
  type CrossCuttingItemId,
  type ChecklistItemId,
  type ChecklistItem,
} from './agenda';
export {
  StartGuardsSchema,
  START_GUARD_IDS,
  START_GUARD_TEXT,
  guardLines,
  failingGuards,
  type StartGuards,
  type StartGuardId,
  type GuardStatus,
  type GuardLine,
} from './startGuards';
export {
  MEETING_STATES,
  START_REASON_MAX,
  ENDED_EARLY_OTHER_MAX,
  BREAK_PARTIES_MAX,
  BREAKS_MAX,
  BREAK_KINDS,
  CLOSE_OUTCOMES,
  CLOSE_OUTCOME_LABELS,
  ENDED_EARLY_REASONS,
  ENDED_EARLY_REASON_LABELS,
  TickSchema,
  MeetingBreakSchema,
  CloseDecisionSchema,
  MeetingCloseSchema,
  MeetingSchema,
  type MeetingState,
  type Tick,
  type BreakKind,
  type MeetingBreak,
  type CloseOutcome,
  type EndedEarlyReason,
  type CloseDecision,
  type MeetingClose,
  type Meeting,
} from './meetingSchema';
export { assertMayChangeMeeting } from './meetingAccess';
export { MEETING_START_STATES, startMeeting, startRefusal, type StartMeetingInput } from './startMeeting';
export { tickItem, untickedItems } from './checklist';
export {
  openBreak,
  startBreak,
  endBreak,
  endedBreak,
  privateBreakOptions,
  parseBreakRequest,
  breakWho,
  type BreakRequest,
  type PrivateBreakOption,
} from './breaks';
export {
  CLOSE_FIELDS,
  closeFormValues,
  validateCloseSubmission,
  type CloseField,
  type CloseErrors,
  type CloseFormValues,
  type CloseValidation,
  type CloseOptions,
} from './closeInput';
export {
  CASE_STATE_AFTER_CLOSE,
  closeMeeting,
  caseStateAfterClose,
  agreementDateOf,
  concludedOn,
  agreedItemCount,
} from './closeMeeting';
export {
  ACTION_CATEGORIES,
  ACTION_CATEGORY_INFO,
  categoryLabel,
  timelineCategories,
  type AgreedActionCategory,
  type ActionCategoryInfo,
  type CategoryOwner,
} from './actionCategories';
export {
  OWNER_BODIES,
  OWNER_BODY_LABELS,
  OWNER_OTHER_MAX,
  OWNER_OTHER_VALUE,
  ActionOwnerSchema,
  ownerChoiceValue,
  ownerChoices,
  ownerLabel,
  parseOwnerChoice,
  isLocalAuthority,
  isIcb,
  type OwnerBody,
  type ActionOwner,
  type OwnerChoice,
} from './actionOwner';
export { ACTION_WHAT_MAX, ACTIONS_MAX, AgreedActionSchema, type AgreedAction, type ActionInput } from './agreedAction';
export { actionDueDates, type ActionDueDates, type StatutoryDue } from './actionDueDates';
export {
  ACTION_FIELDS,
  actionFormValues,
  actionToFormValues,
  validateActionSubmission,
  type ActionField,
  type ActionErrors,
  type ActionFormValues,
  type ActionValidation,
  type ActionContext,
  categoriesFor,
} from './actionInput';
export { actionNumber, addAction, editAction, saveAction, removeAction } from './actionEdits';
export {
  CHANGE_RESULTS,
  CHANGE_RESULT_LABELS,
  WORDING_RESULTS,
  AGREED_WORDING_MAX,
  CHANGE_RESULTS_MAX,
  ChangeResultSchema,
  RecordedChangeResultSchema,
  type ChangeResultCode,
  type ChangeResult,
  type RecordedChangeResult,
} from './changeResult';
export {
  CHANGE_RESULT_FIELDS,
  changeResultFormValues,
  validateChangeResultSubmission,
  setChangeResult,
  changeResultOf,
  type ChangeResultField,
  type ChangeResultErrors,
  type ChangeResultFormValues,
  type ChangeResultValidation,
} from './changeResultInput';
export {
  dueDatesText,
  actionSentence,
  actionReadBackLine,
  changeReadBackLine,
  readBack,
  type DueDatesText,
  type ActionLineContext,
  type ReadBackContext,
} from './readBack';
