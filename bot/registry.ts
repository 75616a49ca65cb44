import type { CardAction } from './actions/action';
import { caseAssignRolesAction } from './actions/caseAssignRoles';
import { caseCreateAction } from './actions/caseCreate';
import { caseEditAction } from './actions/caseEdit';
import { caseEditFormAction } from './actions/caseEditForm';
import { editCommand } from './commands/edit';
import { findDateCommand } from './commands/findDate';
import { pollAnswerAction } from './actions/pollAnswer';
import { pollCreateAction } from './actions/pollCreate';
import { pollPickAction } from './actions/pollPick';
import { caseOpenAction } from './actions/caseOpen';
import { caseRosterAction } from './actions/caseRoster';
import { datesCalculateAction } from './actions/datesCalculate';
import { termsAgreeAction } from './actions/termsAgree';
import { termsRecordPickAction } from './actions/termsRecordPick';
import { termsSendAction } from './actions/termsSend';
import {
  changesEditAction,
  changesNewAction,
  changesPositionAction,
  changesReviewAction,
  changesSaveAction,
  changesSendAction,
  changesSummaryAction,
} from './actions/changeActions';
import { prepAnswerAction, prepBoardAction, prepCancelAction, prepStartAction } from './actions/prepDialogActions';
import { addChangeCommand, changesCommand, sendChangesCommand } from './commands/changes';
import {
  actionFormAction,
  actionRemoveAction,
  actionSaveAction,
  changeResultAction,
  changeResultFormAction,
  meetingBreakEndAction,
  meetingBreakStartAction,
  meetingChecklistAction,
  meetingCloseAction,
  meetingCloseFormAction,
  meetingReadBackAction,
  meetingStartAction,
  meetingTickAction,
} from './actions/meetingActions';
import {
  outcomeAmendedPlanAction,
  outcomeContentAction,
  outcomeCorrectionAction,
  outcomeDraftAction,
  outcomePublishAction,
  outcomeViewAction,
  outcomeReviseAction,
} from './actions/outcomeActions';
import { addActionCommand } from './commands/addAction';
import { outcomeCommand } from './commands/outcome';
import { certificateCommand } from './commands/certificate';
import { certificateFormAction, certificateIssueAction } from './actions/certificateActions';
import type { Command } from './commands/command';
import { linkCommand } from './commands/link';
import { startMeetingCommand } from './commands/startMeeting';
import { prepCommand } from './commands/prep';
import { startPreparationCommand } from './commands/startPreparation';
import { datesCommand } from './commands/dates';
import { helpCommand } from './commands/help';
import { inviteCommand } from './commands/invite';
import { joinCommand } from './commands/join';
import { myCasesCommand } from './commands/myCases';
import { newCaseCommand } from './commands/newCase';
import { recordTermsCommand } from './commands/recordTerms';
import { sendTermsCommand } from './commands/sendTerms';
import { statusCommand } from './commands/status';
import { remindersCommand } from './commands/reminders';
import { reminderDoneAction, remindersListAction } from './actions/reminderActions';
import { auditCommand } from './commands/audit';
import { auditPageAction } from './actions/auditPage';
import { cancelCommand, closeCaseCommand, withdrawCommand } from './commands/endCase';
import { legalHoldCommand } from './commands/legalHold';
import { purgeCommand } from './commands/purge';
import { exportCommand } from './commands/export';
import { exportPersonCommand } from './commands/exportPerson';
import { forgetPartyCommand } from './commands/forgetParty';
import { partyForgetAction } from './actions/partyForget';
import { caseEndAction } from './actions/caseEnd';
import { caseEndUndoAction } from './actions/caseEndUndo';
import { actionsCommand } from './commands/actions';
import { feedbackCommand } from './commands/feedback';
import {
  followUpDelayAction,
  followUpDelayAgreeAction,
  followUpDelayDeclineAction,
  followUpDoneAction,
  followUpUpdateAction,
} from './actions/followUpActions';
import { feedbackSubmitAction } from './actions/feedbackSubmit';

/** Every command and card verb the bot answers. Add new ones here and in commandCatalog.ts / cards/verbs.ts. */
export const ALL_COMMANDS: readonly Command[] = [
  helpCommand,
  datesCommand,
  newCaseCommand,
  statusCommand,
  editCommand,
  findDateCommand,
  inviteCommand,
  sendTermsCommand,
  recordTermsCommand,
  myCasesCommand,
  joinCommand,
  startPreparationCommand,
  prepCommand,
  addChangeCommand,
  sendChangesCommand,
  changesCommand,
  linkCommand,
  startMeetingCommand,
  addActionCommand,
  outcomeCommand,
  certificateCommand,
  remindersCommand,
  auditCommand,
  closeCaseCommand,
  withdrawCommand,
  cancelCommand,
  legalHoldCommand,
  purgeCommand,
  exportCommand,
  exportPersonCommand,
  forgetPartyCommand,
  actionsCommand,
  feedbackCommand,
];

export const ALL_ACTIONS: readonly CardAction[] = [
  datesCalculateAction,
  caseCreateAction,
  caseOpenAction,
  caseEditFormAction,
  caseEditAction,
  pollCreateAction,
  pollAnswerAction,
  pollPickAction,
  caseRosterAction,
  caseAssignRolesAction,
  termsSendAction,
  termsAgreeAction,
  termsRecordPickAction,
  prepAnswerAction,
  prepCancelAction,
  prepStartAction,
  prepBoardAction,
  changesNewAction,
  changesEditAction,
  changesSaveAction,
  changesSendAction,
  changesReviewAction,
  changesPositionAction,
  changesSummaryAction,
  meetingStartAction,
  meetingChecklistAction,
  meetingTickAction,
  meetingBreakStartAction,
  meetingBreakEndAction,
  meetingReadBackAction,
  meetingCloseFormAction,
  meetingCloseAction,
  actionFormAction,
  actionSaveAction,
  actionRemoveAction,
  changeResultFormAction,
  changeResultAction,
  outcomeDraftAction,
  outcomeReviseAction,
  outcomePublishAction,
  outcomeContentAction,
  outcomeCorrectionAction,
  outcomeAmendedPlanAction,
  outcomeViewAction,
  certificateFormAction,
  certificateIssueAction,
  reminderDoneAction,
  remindersListAction,
  auditPageAction,
  caseEndAction,
  caseEndUndoAction,
  partyForgetAction,
  followUpDoneAction,
  followUpUpdateAction,
  followUpDelayAction,
  followUpDelayAgreeAction,
  followUpDelayDeclineAction,
  feedbackSubmitAction,
];
