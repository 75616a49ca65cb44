import { CASE_TYPES } from '../../domain/caseTypes';
import { moveCase, type Case } from '../../domain/cases';
import { failingGuards, startMeeting, type Meeting, type StartGuards } from '../../domain/meeting';
import { refreshRootCard } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { startGuardsFor } from './startGuards';

export type StartOutcome =
  | { readonly kind: 'started'; readonly c: Case; readonly m: Meeting }
  /** A check failed: the mediator may start anyway, with a reason that is recorded. */
  | { readonly kind: 'needs_reason'; readonly guards: StartGuards; readonly message?: string }
  | { readonly kind: 'refused'; readonly error: Error };

/**
 * Starts the case's meeting (or the next session after an adjournment). Racing starts make
 * one session; a start while one is running returns it. The case moves to MEETING.
 */
export async function startMeetingFor(c: Case, actor: string, deps: BotDeps, reason?: string): Promise<StartOutcome> {
  const guards = await startGuardsFor(c, deps);
  if (failingGuards(guards).length > 0 && !reason?.trim()) {
    return { kind: 'needs_reason', guards, ...(reason !== undefined ? { message: 'Say why you are starting anyway: it is recorded.' } : {}) };
  }
  const now = deps.now();
  const r = await deps.store.meetings.start(c.id, (previous) =>
    startMeeting(c, previous, actor, { guards, ...(reason?.trim() ? { startedAnywayReason: reason.trim() } : {}) }, now),
  );
  if (r.status === 'rejected') return { kind: 'refused', error: r.error };
  if (r.status === 'conflict') return { kind: 'refused', error: new Error('Another start is under way. Please try again.') };
  const meetingState = CASE_TYPES[c.caseType].isDrs ? 'DRS_MEETING' : 'MEETING';
  const moved = await deps.store.cases.update(c.id, (x) => (x.state === meetingState ? x : moveCase(x, meetingState)), { by: actor, action: 'meeting.started', detail: `session ${r.meeting.session}` }, now);
  const current = moved.status === 'updated' || moved.status === 'unchanged' ? moved.case : c;
  if (moved.status === 'updated') deps.background.run('refresh case card', () => refreshRootCard(current, deps));
  return { kind: 'started', c: current, m: r.meeting };
}
