import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import type { AuditAction } from '../../domain/audit';
import type { Case } from '../../domain/cases';
import type { Meeting } from '../../domain/meeting';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { ActionContext } from '../actions/action';
import { loadCase } from '../actions/caseAction';
import { cardActivity } from '../cases/caseCards';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';

const MeetingData = z.looseObject({ meetingId: z.string().min(1).max(100) });

export type LoadedMeeting = { ok: true; c: Case; m: Meeting } | { ok: false; response: AdaptiveCardInvokeResponse };

/** The case (mediators only: every meeting button changes or shows the mediator's record) and the meeting a card names. */
export async function loadMeeting(ctx: ActionContext): Promise<LoadedMeeting> {
  const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'mediator', ctx.caseRead);
  if (!loaded.ok) return loaded;
  const ids = MeetingData.safeParse(ctx.data);
  const m = ids.success ? await ctx.deps.store.meetings.get(loaded.c.id, ids.data.meetingId) : null;
  if (!m) return { ok: false, response: errorResponse(404, 'This meeting card is out of date: ask for the checklist again with **start meeting**.') };
  return { ok: true, c: loaded.c, m };
}

/**
 * Applies one change to the meeting record (conditional on its version, retried on a clash),
 * answers the clicker with `render`, and, when something changed, edits the clicked card for
 * everyone in the conversation. A repeated or stale click acts on the current record.
 */
export async function changeMeeting(
  ctx: ActionContext,
  action: AuditAction,
  mutate: (c: Case, m: Meeting) => Meeting | Error,
  render: (c: Case, m: Meeting) => Promise<AdaptiveCard>,
  shareWithEveryone = true,
): Promise<AdaptiveCardInvokeResponse> {
  const loaded = await loadMeeting(ctx);
  if (!loaded.ok) return loaded.response;
  const { c } = loaded;
  const me = ctx.caller.aadObjectId ?? '';
  const r = await ctx.deps.store.meetings.update(c.id, loaded.m.meetingId, (m) => mutate(c, m), { by: me, action }, ctx.deps.now());
  switch (r.status) {
    case 'not_found':
      return errorResponse(404, 'This meeting no longer exists.');
    case 'conflict':
      return errorResponse(409, 'The meeting record is busy with other changes. Please try again.');
    case 'rejected':
      return refusal(r.error);
    default: {
      const card = await render(c, r.meeting);
      const cardId = ctx.turn.activity.replyToId;
      const conversationId = ctx.turn.activity.conversation.id;
      if (r.status === 'updated' && shareWithEveryone && cardId) {
        ctx.deps.background.run('update meeting card', async () => {
          await ctx.deps.proactive.update(conversationId, cardId, cardActivity(await render(c, r.meeting)));
        });
      }
      return cardResponse(card);
    }
  }
}
