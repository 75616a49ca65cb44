/**
 * Cases: the model, the new-case form's validation, who may do what, and the pure changes
 * the bot applies through storage's CaseStore.update. No I/O here.
 */
export { CaseError, isCaseError, type CaseErrorCode } from './caseError';
export {
  CaseSchema,
  PartySchema,
  MediatorSchema,
  ThreadAnchorSchema,
  CaseKeyDatesSchema,
  MEETING_FORMATS,
  MEETING_FORMAT_LABELS,
  PARTY_SOURCES,
  type Case,
  type Party,
  type Mediator,
  type ThreadAnchor,
  type CaseKeyDates,
  type MeetingFormat,
} from './caseSchema';
export {
  PARTY_ROLES,
  PARTICIPANT_ROLES,
  PARTY_ROLE_LABELS,
  isPartyRole,
  roleLabel,
  type PartyRole,
  type ParticipantRole,
} from './partyRoles';
export {
  CASE_STATES,
  CASE_STATE_LABELS,
  TERMINAL_STATES,
  MEETING_HELD_STATES,
  MEETING_RUNNING_STATES,
  meetingIsOver,
  TRANSITIONS,
  canTransition,
  stateFromFacts,
  advanceState,
  type CaseState,
  type KnownFacts,
} from './lifecycle';
export { CASE_REFERENCE_PATTERN, CASE_REFERENCE_MAX, isCaseReference, providerKeyOf, referenceKey, tenantOfProvider } from './caseReference';
export { newId, cryptoRandom, ID_PATTERN, type RandomBytes } from './ids';
export {
  NEW_CASE_FIELDS,
  validateNewCase,
  newCaseFormValues,
  type NewCaseField,
  type NewCaseErrors,
  type NewCaseFormValues,
  type NewCaseInput,
  type NewCaseOptions,
  type NewCaseValidation,
} from './newCase';
export { createCase, type TeamsPerson } from './createCase';
export { caseDatesOf, meetingWhenText } from './caseDates';
export {
  isMediator,
  isLeadMediator,
  mediatorFor,
  partyFor,
  canViewCase,
  STRANGER_REFUSAL,
  refusalText,
  sameTenant,
  memberIdsOf,
  parseMediatorAllowlist,
  mayActAsMediator,
  assertMayOpenCases,
  assertMediator,
} from './authorisation';
export {
  addParty,
  removeParty,
  setMemberRole,
  addCoMediator,
  removeCoMediator,
  joinWithInvite,
  type NewParty,
  type PartySource,
} from './parties';
export {
  ROSTER_PAGE_SIZE,
  rosterPage,
  roleInputId,
  currentRole,
  parseRoleAssignments,
  applyRoleAssignments,
  type RosterPage,
  type RosterRole,
  type RoleAssignment,
} from './roster';
export { moveCase, withAdvancedState, anchorThread } from './stateChange';
export { nextTaskFor, type CaseProgress } from './nextTask';
export { offPlanStartQuestion, withMeetingHeld, meetingHeldDetail, plannedDayShown } from './meetingHeld';
export { END_KINDS, CaseEndingSchema, type EndKind, type CaseEnding } from './caseEnding';
export {
  END_REASONS,
  END_STATE,
  CLOSABLE_STATES,
  UNDO_DAYS,
  parseEndInput,
  endRefusal,
  endCase,
  undoEnd,
  undoDeadline,
  hasEnded,
  endReasonLabel,
  type EndReason,
  type EndInput,
} from './caseEnd';
export {
  EDITABLE_FIELDS,
  MEETING_FIELDS,
  editFormValues,
  editRefusal,
  changedFields,
  validateCaseEdit,
  applyCaseEdit,
  editAuditDetail,
  type EditableField,
  type CaseEdit,
} from './editCase';
export { clockMoves, dateRangeText, type ClockMove } from './clockMoves';
export { checkJoinUrl, checkVenue, meetingPlaceText, FORMATS_WITH_LINK, FORMATS_WITH_VENUE, JOIN_URL_MAX, VENUE_MAX } from './meetingPlace';
export { PARTIES_TOLD_ACTIONS, partiesToldOfMeeting, EDITABLE_FIELD_LABELS, meetingMovedView, type MeetingMovedView } from './meetingMove';
export { forgetParty, FORMER_PARTY, FORGET_REASON_MAX } from './forgetParty';
