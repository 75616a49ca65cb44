import { meetingWhenText } from './caseDates';
import type { Case } from './caseSchema';
import type { EditableField } from './editCase';
import { meetingPlaceText } from './meetingPlace';

/** Audit actions that mean the parties have heard about the meeting (terms or preparation went out). */
export const PARTIES_TOLD_ACTIONS: readonly string[] = ['terms.sent', 'terms.agreed', 'terms.recorded', 'prep.started'];

/**
 * Whether a moved meeting must be announced to the parties: once the terms or the preparation
 * questions went out, each party may have planned around the old date. Before that nobody was
 * told a date, and the terms or questions they get later carry the new one.
 */
export function partiesToldOfMeeting(evidence: {
  readonly acknowledgements: number;
  readonly preparationRecords: number;
  /** The case's audit log holds one of PARTIES_TOLD_ACTIONS. */
  readonly toldInLog: boolean;
}): boolean {
  return evidence.acknowledgements > 0 || evidence.preparationRecords > 0 || evidence.toldInLog;
}

/** How each field is named in a sentence ("Saved: meeting date and venue"). */
export const EDITABLE_FIELD_LABELS: Readonly<Record<EditableField, string>> = {
  caseType: 'case type',
  childInitials: 'initials',
  isYoungPerson: 'young person',
  localAuthority: 'local authority',
  decisionNoticeSent: 'decision notice date',
  laInformed: 'date the local authority was told',
  meetingDate: 'meeting date',
  meetingTime: 'meeting time',
  meetingFormat: 'meeting format',
  meetingJoinUrl: 'Teams join link',
  meetingVenue: 'venue',
};

export interface MeetingMovedView {
  readonly caseReference: string;
  /** "Mon 11 Jan 2027 at 14:00", or "not fixed" when the date was cleared. */
  readonly when: string;
  readonly was?: string;
  readonly place: string;
  readonly joinUrl?: string;
}

/** What a party is told when the meeting moves: the new date and place, and what it was. */
export function meetingMovedView(before: Case, after: Case): MeetingMovedView {
  const when = meetingWhenText(after.dates) ?? 'not fixed at the moment: the mediator will tell you the new date';
  const was = meetingWhenText(before.dates);
  return {
    caseReference: after.caseReference,
    when,
    ...(was && was !== meetingWhenText(after.dates) ? { was } : {}),
    place: meetingPlaceText(after),
    ...(after.meetingJoinUrl ? { joinUrl: after.meetingJoinUrl } : {}),
  };
}
