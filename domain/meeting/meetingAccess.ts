import { assertMediator, CaseError, type Case } from '../cases';
import type { Meeting } from './meetingSchema';

/**
 * The checks every change to a running meeting makes: only the case's mediators run the
 * meeting, the meeting must belong to the case the card named, and a closed meeting is
 * final (its agreement date has started the statutory clocks).
 */
export function assertMayChangeMeeting(c: Case, meeting: Meeting, actor: string): CaseError | undefined {
  const notMediator = assertMediator(c, actor);
  if (notMediator) return notMediator;
  if (meeting.caseId !== c.id) return new CaseError('not_found', `That meeting is not part of case ${c.caseReference}.`);
  if (meeting.state === 'closed') {
    return new CaseError('invalid_transition', `The meeting (session ${meeting.session}) has closed, so it can no longer be changed.`);
  }
  return undefined;
}
