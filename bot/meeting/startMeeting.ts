import { CASE_TYPES } from '../../domain/caseTypes';
import { meetingHeldDetail, moveCase, offPlanStartQuestion, withMeetingHeld, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { failingGuards, startMeeting, startRefusal, type Meeting, type StartGuards } from '../../domain/meeting';
import type { IsoDate } from '../../domain/timescales';
import { refreshRootCard } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { startGuardsFor } from './startGuards';

export type StartOutcome =
  | { readonly kind: 'started'; readonly c: Case; readonly m: Meeting }
  /**
   * The mediator confirms first: today is not the planned day (`dayQuestion`), or a check
   * failed and starting anyway needs a reason that is recorded.
   */
  | { readonly kind: 'needs_confirmation'; readonly guards: StartGuards; readonly today: IsoDate; readonly dayQuestion?: string; readonly message?: string }
  | { readonly kind: 'refused'; readonly error: Error };

export interface StartRequest {
  readonly reason?: string;
  /** The day the mediator confirmed starting on, from the card; only today's counts. */
  readonly confirmedDay?: string;
}

/**
 * Starts the case's meeting (or the next session after an adjournment). Racing starts make
 * one session; a start while one is running returns it. On another day than planned, the
 * mediator confirms first; once started the case moves to MEETING and its meeting date
 * becomes the day it really started (domain/cases/meetingHeld.ts), so every view, deadline
 * and reminder follows from the one stored date.
 */
export async function startMeetingFor(c: Case, actor: string, deps: BotDeps, request: StartRequest = {}): Promise<StartOutcome> {
  const now = deps.now();
  const today = londonDate(now);
  const previous = await deps.store.meetings.current(c.id);
  // A start that cannot happen (the meeting is over, the case has moved on) is refused before
  // any question about the day: an old card clicked later must not offer to start it again.
  const refused = startRefusal(c, previous, actor);
  if (refused) return { kind: 'refused', error: refused };
  const dayQuestion = previous?.state === 'in_progress' ? undefined : offPlanStartQuestion(c, today);
  const { reason } = request;
  const guards = await startGuardsFor(c, deps);
  const needsReason = failingGuards(guards).length > 0 && !reason?.trim();
  if ((dayQuestion && request.confirmedDay !== today) || needsReason) {
    return {
      kind: 'needs_confirmation',
      guards,
      today,
      ...(dayQuestion ? { dayQuestion } : {}),
      ...(needsReason && reason !== undefined ? { message: 'Say why you are starting anyway: it is recorded.' } : {}),
    };
  }
  const r = await deps.store.meetings.start(c.id, (previous) =>
    startMeeting(c, previous, actor, { guards, ...(reason?.trim() ? { startedAnywayReason: reason.trim() } : {}) }, now),
  );
  if (r.status === 'rejected') return { kind: 'refused', error: r.error };
  if (r.status === 'conflict') return { kind: 'refused', error: new Error('Another start is under way. Please try again.') };
  const startedAt = new Date(r.meeting.startedAt);
  const dates = meetingHeldDetail(c, withMeetingHeld(c, startedAt));
  const meetingState = CASE_TYPES[c.caseType].isDrs ? 'DRS_MEETING' : 'MEETING';
  const moved = await deps.store.cases.update(
    c.id,
    (x) => {
      const inMeeting = x.state === meetingState ? x : moveCase(x, meetingState);
      return inMeeting instanceof Error ? inMeeting : withMeetingHeld(inMeeting, startedAt);
    },
    { by: actor, action: 'meeting.started', detail: `session ${r.meeting.session}${dates ? `; ${dates}` : ''}` },
    now,
  );
  const current = moved.status === 'updated' || moved.status === 'unchanged' ? moved.case : c;
  if (moved.status === 'updated') deps.background.run('refresh case card', () => refreshRootCard(current, deps));
  return { kind: 'started', c: current, m: r.meeting };
}

/** What the start card shows for a start that needs confirming: the day question, the problem, and the day it confirms. */
export function startCardOptions(outcome: Extract<StartOutcome, { kind: 'needs_confirmation' }>): { dayQuestion?: string; error?: string; confirmedDay: string } {
  return { confirmedDay: outcome.today, ...(outcome.dayQuestion ? { dayQuestion: outcome.dayQuestion } : {}), ...(outcome.message ? { error: outcome.message } : {}) };
}
