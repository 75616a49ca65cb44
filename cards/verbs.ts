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
  /** The edit form of a case, pre-filled (mediators); data {caseId}. */
  caseEditForm: 'case.editForm',
  /** Saves the edit form; data {caseId[, confirm]}: `confirm` is the token of the clock moves the mediator was shown. */
  caseEdit: 'case.edit',
  /** Starts a date poll from the `find a date` form; data {caseId}, inputs slot<n>Date, slot<n>Time, lateReason. */
  pollCreate: 'poll.create',
  /** Saves the clicker's availability; data {caseId}, inputs answer_<slotId> (yes, if_needed, no). */
  pollAnswer: 'poll.answer',
  /** The mediator picks a slot: the meeting's date and time are set, the poll closes; data {caseId, slotId}. */
  pollPick: 'poll.pick',
  termsSend: 'terms.send',
  termsAgree: 'terms.agree',
  /** A mediator picks the party whose agreement they are recording; data {caseId} + input partyId. */
  termsRecordPick: 'terms.recordPick',
  /** Begins, or resumes at the first unanswered question, a party's preparation in 1:1; data {caseId, partyId}. */
  prepStart: 'prep.start',
  /** Answers the current preparation question; data {caseId, partyId, question[, answer]}, input `answer`. Routed to the dialog. */
  prepAnswer: 'prep.answer',
  /** Stops the preparation dialog, keeping the answers; data {caseId, partyId}. Routed to the dialog. */
  prepCancel: 'prep.cancel',
  /** The mediator's preparation board; data {caseId}. */
  prepBoard: 'prep.board',
  /** A blank requested-change form; data {caseId}. */
  changesNew: 'changes.new',
  /** The form filled with a change to edit; data {caseId, changeId}. */
  changesEdit: 'changes.edit',
  /** Saves the requested-change form; data {caseId[, changeId]}. */
  changesSave: 'changes.save',
  /** Sends every draft change to the LA officer; data {caseId}. */
  changesSend: 'changes.send',
  /** Shows one change for the LA officer's review (the first without a position when no changeId); data {caseId[, changeId]}. */
  changesReview: 'changes.review',
  /** Records the LA's position; data {caseId, changeId, position}, input `note`. */
  changesPosition: 'changes.position',
  /** Counts by position, what needs discussion, and the warnings; data {caseId}. */
  changesSummary: 'changes.summary',
  /** Starts the case's meeting (or its next session); data {caseId}, input `startedAnywayReason` when a check failed. */
  meetingStart: 'meeting.start',
  /** Shows the meeting checklist again (navigation); data {caseId, meetingId}. */
  meetingChecklist: 'meeting.checklist',
  /** Ticks (on 1) or unticks (on 0) a checklist item; data {caseId, meetingId, itemId, on}. */
  meetingTick: 'meeting.tick',
  /** Starts a break; data {caseId, meetingId, kind: all|private}, input `breakParties` (comma-joined party ids) for private. */
  meetingBreakStart: 'meeting.breakStart',
  /** Ends the break the card showed; data {caseId, meetingId, breakId}. */
  meetingBreakEnd: 'meeting.breakEnd',
  /** The read-back of agreed actions and change results; data {caseId, meetingId}. */
  meetingReadBack: 'meeting.readBack',
  /** The close-meeting form; data {caseId, meetingId}. */
  meetingCloseForm: 'meeting.closeForm',
  /** Closes the meeting; data {caseId, meetingId}, inputs outcome, nextDate, endedEarlyReason, endedEarlyOther. */
  meetingClose: 'meeting.close',
  /** The agreed-action form, blank (data {caseId, meetingId}) or filled to edit (data {caseId, meetingId, actionId}). */
  actionForm: 'action.form',
  /** Saves the agreed-action form (adds the first time, edits after); data {caseId, meetingId, actionId}. */
  actionSave: 'action.save',
  /** Removes an agreed action; data {caseId, meetingId, actionId}. */
  actionRemove: 'action.remove',
  /** The meeting-result form of a requested change (the first without a result when no changeId); data {caseId, meetingId[, changeId]}. */
  changeResultForm: 'change.resultForm',
  /** Records the meeting's result for a requested change; data {caseId, meetingId, changeId}, inputs result, agreedWording. */
  changeResult: 'change.result',
  /** The outcome draft (or, after publishing, the form for a revised version) for the mediators; data {caseId}. */
  outcomeDraft: 'outcome.draft',
  /** Publishes the draft as version n; data {caseId, outcomeVersion: n}, inputs overview and issue_<issueId>. */
  outcomePublish: 'outcome.publish',
  /** A party is content with what is written in the latest version; data {caseId, outcomeVersion}. */
  outcomeContent: 'outcome.content',
  /** A party asks for a correction to the latest version; data {caseId, outcomeVersion}, input correctionReason. */
  outcomeCorrection: 'outcome.correction',
  /** Opens the draft of a revised version (n+1) for a mediator; data {caseId, outcomeVersion: n}. */
  outcomeRevise: 'outcome.revise',
  /** The latest published outcome as the clicker may see it (the case card's link); data {caseId}. */
  outcomeView: 'outcome.view',
  /** The LA officer attaches the amended plan (T9); data {caseId}, input amendedPlanUrl. */
  outcomeAmendedPlan: 'outcome.amendedPlan',
  /** The certificate form for the mediators; data {caseId}. */
  certificateForm: 'certificate.form',
  /** Issues a certificate; data {caseId[, reissue: 1]}, inputs variant, noMediationOn, laInformed, cannotMeetOn. */
  certificateIssue: 'certificate.issue',
  /** Marks a tracked deadline done and stops its reminders; data {caseId, deadlineId}. */
  reminderDone: 'reminder.done',
  /** The case's deadlines and reminders with their delivery status; data {caseId}. */
  remindersList: 'reminders.list',
  /** A page of the case's audit log, newest first; data {caseId[, before]} (before: the cursor of an older page). */
  auditPage: 'audit.page',
  /** Ends the case (close, withdraw or cancel); data {caseId, kind}, inputs reason (and withdrawnOn for a withdrawal). */
  caseEnd: 'case.end',
  /** Erases a party's name and Teams identity (provider admins); data {caseId}, inputs partyId, reason. */
  partyForget: 'party.forget',
  /** Undoes an end of the case within 14 days; data {caseId, endedAt, kind} (which end, so a repeat changes nothing). */
  caseEndUndo: 'case.endUndo',
  /** The owner marks an agreed action done; data {caseId, actionId}, input doneOn. */
  followUpDone: 'progress.done',
  /** The owner posts a short update to the family; data {caseId, actionId, updateId}, input updateText. */
  followUpUpdate: 'progress.update',
  /** The owner reports a delay; data {caseId, actionId, delayId}, inputs newDate, delayReason. */
  followUpDelay: 'progress.delay',
  /** The family agrees to the proposed new date; data {caseId, actionId, delayId}. */
  followUpDelayAgree: 'progress.delayAgree',
  /** The family declines it; data {caseId, actionId, delayId}. */
  followUpDelayDecline: 'progress.delayDecline',
  /** A party's feedback after the outcome; data {caseId}, inputs fairness, clarity, wouldUseAgain, comment. */
  feedbackSubmit: 'feedback.submit',
} as const;

export type Verb = (typeof VERBS)[keyof typeof VERBS];
