/**
 * Every action the audit log records, in one list, each with the words the `audit` card
 * uses ("Priya Shah (Local authority officer) viewed the outcome"). Reads end in `.viewed`
 * (or `.exported`); everything else is a change. A log entry whose action is not in this list
 * is refused by the schema, so an entry cannot be written that the card could not explain.
 */
export const AUDIT_ACTIONS = {
  // The case
  'case.created': 'opened the case',
  'case.viewed': 'viewed the case card',
  'cases.listed': 'saw the case in their list of cases',
  'case.edited': "edited the case's facts",
  'case.closed': 'closed the case',
  'case.withdrawn': 'recorded that the family withdrew',
  'case.cancelled': 'cancelled the case',
  'case.reopened': 'undid the end of the case',
  'party.forgotten': "erased a party's name and Teams identity",
  'case.purged': 'deleted the case at the end of its retention period',
  'case.held': 'put the case on legal hold',
  'case.holdReleased': 'released the legal hold',
  'parties.assigned': 'changed who is in the case',
  'party.joined': 'joined the case with an invitation code',
  'invite.created': 'made an invitation code',
  'terms.sent': 'sent the Terms of Engagement',
  'terms.agreed': 'agreed to the Terms of Engagement',
  'terms.recorded': "recorded a party's agreement to the terms",
  // Preparation and requested changes
  'prep.started': 'sent the preparation questions',
  'prep.viewed': 'viewed the preparation board',
  'prep.answered': 'answered a preparation question',
  'changes.saved': 'saved a requested change',
  'changes.sent': 'sent the requested changes to the LA officer',
  'changes.position': "recorded the LA's position on a requested change",
  'changes.viewed': 'viewed the requested changes',
  // The meeting
  'meeting.chatLinked': 'linked the meeting chat',
  'meeting.started': 'started the meeting',
  'meeting.ticked': 'ticked a checklist item',
  'meeting.unticked': 'unticked a checklist item',
  'meeting.breakStarted': 'started a break',
  'meeting.breakEnded': 'ended a break',
  'meeting.closed': 'closed the meeting',
  'meeting.dateHeld': 'recorded the day the meeting really happened',
  'action.saved': 'saved an agreed action',
  'action.removed': 'removed an agreed action',
  'change.result': "recorded the meeting's result for a requested change",
  // The outcome and the certificate
  'outcome.opened': 'opened the outcome record',
  'outcome.published': 'published the outcome',
  'outcome.issued': 'issued the outcome',
  'outcome.content': 'said they are content with the outcome',
  'outcome.correction': 'asked for a correction to the outcome',
  'outcome.amendedPlan': 'attached the amended plan',
  'outcome.viewed': 'viewed the outcome',
  'certificate.issued': 'issued the certificate',
  'certificate.viewed': 'viewed the certificate page',
  // After the meeting: agreed actions followed through (docs/after-the-meeting.md)
  'action.done': 'marked an agreed action done',
  'action.updated': 'sent the family an update on an agreed action',
  'action.delayProposed': 'proposed a new date for an agreed action',
  'action.delayAgreed': 'agreed to a new date for an agreed action',
  'action.delayDeclined': 'declined a new date for an agreed action',
  'actions.viewed': "viewed the agreed actions' progress",
  'case.followUpMoved': 'moved the case on as its agreed actions progressed',
  // Deadlines
  'reminder.done': 'marked a deadline done',
  'reminders.viewed': "viewed the case's deadlines and reminders",
  // The records layer itself
  'dashboard.viewed': 'viewed the case in the dashboard tab',
  'audit.viewed': 'viewed the audit log',
  'export.created': 'made one-time links to an export of the case',
  'export.viewed': 'opened an export of the case',
  /** An entry of the old in-document trails whose action code is no longer in this list (the code is in `detail`). */
  'legacy.change': 'made a change (recorded before the audit log existed)',
  /** Written once by the start-up migration when the old capped trail had dropped entries. */
  'audit.entriesLost': 'noted audit entries dropped before the audit log existed',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as AuditAction[];

export function isAuditAction(value: string): value is AuditAction {
  return Object.prototype.hasOwnProperty.call(AUDIT_ACTIONS, value);
}

/** Where the person was: the case thread, a 1:1 chat, the meeting's group chat, the tab, a printable page. */
export const AUDIT_PLACES = {
  thread: 'in the case thread',
  personal: 'in a 1:1 chat',
  meeting_chat: 'in the meeting chat',
  tab: 'in the dashboard tab',
  page: 'on a printable page',
  system: 'by the scheduler',
  /** Entries moved from the old in-document trails, which did not record a place. */
  unknown: '',
} as const;

export type AuditPlace = keyof typeof AUDIT_PLACES;
export const AUDIT_PLACE_NAMES = Object.keys(AUDIT_PLACES) as AuditPlace[];

/** The actor of the scheduler's own entries. */
export const SYSTEM_ACTOR = 'system';

/** The actor of a page opened with a one-time link (the certificate page): whoever holds the link. */
export const LINK_ACTOR = 'link';
