import { CASE_TYPES } from '../../domain/caseTypes';
import { z } from 'zod';
import { firstSendInWindow } from '../sendOnce';
import { actionFormCard } from '../../cards/actionFormCard';
import { toActionFormView, toChangeResultView } from '../../cards/actionViews';
import { changeResultCard } from '../../cards/meetingChangeResultCard';
import { closeMeetingCard } from '../../cards/meetingCloseCard';
import { START_REASON_INPUT, startMeetingCard } from '../../cards/meetingStartCard';
import { toCloseMeetingView, toStartMeetingView } from '../../cards/meetingView';
import { VERBS } from '../../cards/verbs';
import { cardSubmission } from '../../domain/cardSubmission';
import { newId } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import {
  actionFormValues,
  agreementDateOf,
  closeFormValues,
  closeMeeting,
  endBreak,
  parseBreakRequest,
  removeAction,
  saveAction,
  setChangeResult,
  startBreak,
  tickItem,
  validateActionSubmission,
  validateChangeResultSubmission,
  changeResultFormValues,
  changeResultOf,
  validateCloseSubmission,
} from '../../domain/meeting';
import { cardActivity } from '../cases/caseCards';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import { actionsListFor, changeSummaries, checklistFor } from '../meeting/meetingCards';
import { changeMeeting, loadMeeting } from '../meeting/meetingAction';
import { afterClose } from '../meeting/afterClose';
import { startCardOptions, startMeetingFor } from '../meeting/startMeeting';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const FieldValue = z.string().min(1).max(2000);
const field = (data: unknown, key: string): string | undefined => {
  const r = FieldValue.safeParse(cardSubmission(data)[key]);
  return r.success ? r.data : undefined;
};

/** "Start the meeting" on the card shown when a check failed: the reason is required and recorded. */
export const meetingStartAction: CardAction = {
  verb: VERBS.meetingStart,
  async handle(ctx: ActionContext) {
    const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'mediator', ctx.caseRead);
    if (!loaded.ok) return loaded.response;
    // A click without a reason gets the reason asked for again, with a message.
    // Every start card carries the day it confirms; the reason is asked again when sent empty.
    const confirmedDay = field(ctx.data, 'confirmedDay');
    const reason = field(ctx.data, START_REASON_INPUT) ?? '';
    const outcome = await startMeetingFor(loaded.c, ctx.caller.aadObjectId ?? '', ctx.deps, { reason, ...(confirmedDay ? { confirmedDay } : {}) });
    if (outcome.kind === 'refused') return refusal(outcome.error);
    if (outcome.kind === 'needs_confirmation') return cardResponse(startMeetingCard(toStartMeetingView(loaded.c, outcome.guards, startCardOptions(outcome))));
    return cardResponse(await checklistFor(outcome.c, outcome.m, ctx.deps));
  },
};

export const meetingChecklistAction: CardAction = {
  verb: VERBS.meetingChecklist,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    return cardResponse(await checklistFor(loaded.c, loaded.m, ctx.deps));
  },
};

const TickData = z.looseObject({ itemId: z.string().min(1).max(60), on: z.coerce.number().int().min(0).max(1) });

/** Tick or untick one step; the data says which way, so a replayed click never toggles back. */
export const meetingTickAction: CardAction = {
  verb: VERBS.meetingTick,
  async handle(ctx: ActionContext) {
    const tick = TickData.safeParse(ctx.data);
    if (!tick.success) return errorResponse(400, 'This button is incomplete. Ask for the checklist again.');
    return changeMeeting(
      ctx,
      tick.data.on ? 'meeting.ticked' : 'meeting.unticked',
      (c, m) => tickItem(c, m, ctx.caller.aadObjectId ?? '', tick.data.itemId, tick.data.on === 1, ctx.deps.now()),
      (c, m) => checklistFor(c, m, ctx.deps),
    );
  },
};

/** The break form's fields, read by the domain; any other shape reads as "no choice made". */
const BreakData = z.looseObject({ kind: z.unknown().optional(), breakParties: z.unknown().optional() }).catch({});

export const meetingBreakStartAction: CardAction = {
  verb: VERBS.meetingBreakStart,
  async handle(ctx: ActionContext) {
    const data = BreakData.parse(ctx.data);
    const request = parseBreakRequest(data.kind, data.breakParties);
    if (request instanceof Error) return refusal(request);
    return changeMeeting(ctx, 'meeting.breakStarted', (c, m) => startBreak(c, m, ctx.caller.aadObjectId ?? '', request, ctx.deps.now()), (c, m) =>
      checklistFor(c, m, ctx.deps),
    );
  },
};

export const meetingBreakEndAction: CardAction = {
  verb: VERBS.meetingBreakEnd,
  async handle(ctx: ActionContext) {
    const breakId = field(ctx.data, 'breakId');
    if (!breakId) return errorResponse(400, 'This button is incomplete. Ask for the checklist again.');
    return changeMeeting(ctx, 'meeting.breakEnded', (c, m) => endBreak(c, m, ctx.caller.aadObjectId ?? '', breakId, ctx.deps.now()), (c, m) =>
      checklistFor(c, m, ctx.deps),
    );
  },
};

/** Shows the read-back to the mediator and posts it as a message for everyone to confirm aloud. */
export const meetingReadBackAction: CardAction = {
  verb: VERBS.meetingReadBack,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const card = await actionsListFor(loaded.c, loaded.m, ctx.deps);
    if (!(await firstSendInWindow(ctx.deps, 'readBack', `${loaded.m.meetingId}|v${loaded.m.version}`))) return cardResponse(card);
    const conversationId = ctx.turn.activity.conversation.id;
    ctx.deps.background.run('post read-back', async () => {
      await ctx.deps.proactive.send(conversationId, cardActivity(await actionsListFor(loaded.c, loaded.m, ctx.deps, ctx.caller.aadObjectId)));
    });
    return cardResponse(card);
  },
};

export const meetingCloseFormAction: CardAction = {
  verb: VERBS.meetingCloseForm,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    return cardResponse(closeMeetingCard(toCloseMeetingView(loaded.c, loaded.m, { today: londonDate(ctx.deps.now()) })));
  },
};

/** Closes the session: full, partial or no agreement, adjourned with the next date, or ended early with the reason. */
export const meetingCloseAction: CardAction = {
  verb: VERBS.meetingClose,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const today = londonDate(ctx.deps.now());
    const decision = validateCloseSubmission(ctx.data, { today, calendar: ctx.deps.calendar });
    if (!decision.ok) {
      return cardResponse(closeMeetingCard(toCloseMeetingView(loaded.c, loaded.m, { today, values: closeFormValues(ctx.data), errors: decision.errors })));
    }
    const response = await changeMeeting(ctx, 'meeting.closed', (c, m) => closeMeeting(c, m, ctx.caller.aadObjectId ?? '', decision.value, ctx.deps.now()), (c, m) =>
      checklistFor(c, m, ctx.deps),
    );
    const closed = await ctx.deps.store.meetings.get(loaded.c.id, loaded.m.meetingId);
    if (closed?.close) ctx.deps.background.run('after close', () => afterClose(loaded.c.id, closed, ctx.caller.aadObjectId ?? '', ctx.deps));
    return response;
  },
};

/** The agreed-action form: blank with a fresh id (so a resubmit edits rather than duplicates), or filled to edit. */
export const actionFormAction: CardAction = {
  verb: VERBS.actionForm,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const actionId = field(ctx.data, 'actionId') ?? newId();
    return cardResponse(actionFormCard(toActionFormView(loaded.c, loaded.m, { actionId, today: londonDate(ctx.deps.now()), calendar: ctx.deps.calendar })));
  },
};

export const actionSaveAction: CardAction = {
  verb: VERBS.actionSave,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const actionId = field(ctx.data, 'actionId');
    if (!actionId) return errorResponse(400, 'This form is incomplete. Open a new one with **add action**.');
    const today = londonDate(ctx.deps.now());
    const input = validateActionSubmission(ctx.data, { parties: loaded.c.parties, agreementDate: agreementDateOf(loaded.m, today), calendar: ctx.deps.calendar, isDrs: CASE_TYPES[loaded.c.caseType].isDrs });
    if (!input.ok) {
      return cardResponse(
        actionFormCard(toActionFormView(loaded.c, loaded.m, { actionId, today, values: actionFormValues(ctx.data), errors: input.errors, calendar: ctx.deps.calendar })),
      );
    }
    return changeMeeting(
      ctx,
      'action.saved',
      (c, m) => saveAction(c, m, ctx.caller.aadObjectId ?? '', actionId, input.value, ctx.deps.now()),
      (c, m) => actionsListFor(c, m, ctx.deps, ctx.caller.aadObjectId),
      false,
    );
  },
};

export const actionRemoveAction: CardAction = {
  verb: VERBS.actionRemove,
  async handle(ctx: ActionContext) {
    const actionId = field(ctx.data, 'actionId');
    if (!actionId) return errorResponse(400, 'Choose the action to remove.');
    return changeMeeting(ctx, 'action.removed', (c, m) => removeAction(c, m, ctx.caller.aadObjectId ?? '', actionId), (c, m) =>
      actionsListFor(c, m, ctx.deps, ctx.caller.aadObjectId),
    false);
  },
};

/** The result form of a requested change: the one named, else the first without a result. */
export const changeResultFormAction: CardAction = {
  verb: VERBS.changeResultForm,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const changes = await changeSummaries(loaded.c, ctx.deps);
    const wanted = field(ctx.data, 'changeId');
    const change = wanted ? changes.find((ch) => ch.changeId === wanted) : (changes.find((ch) => !changeResultOf(loaded.m, ch.changeId)) ?? changes[0]);
    if (!change) return errorResponse(404, 'No requested changes were sent to the local authority for this case.');
    return cardResponse(changeResultCard(toChangeResultView(loaded.c, loaded.m, change)));
  },
};

export const changeResultAction: CardAction = {
  verb: VERBS.changeResult,
  async handle(ctx: ActionContext) {
    const loaded = await loadMeeting(ctx);
    if (!loaded.ok) return loaded.response;
    const changeId = field(ctx.data, 'changeId');
    const change = (await changeSummaries(loaded.c, ctx.deps)).find((ch) => ch.changeId === changeId);
    if (!changeId || !change) return errorResponse(404, 'That requested change is not part of this case.');
    const result = validateChangeResultSubmission(changeId, ctx.data);
    if (!result.ok) {
      return cardResponse(changeResultCard(toChangeResultView(loaded.c, loaded.m, change, { values: changeResultFormValues(ctx.data), errors: result.errors })));
    }
    return changeMeeting(ctx, 'change.result', (c, m) => setChangeResult(c, m, ctx.caller.aadObjectId ?? '', result.value, ctx.deps.now()), (c, m) =>
      actionsListFor(c, m, ctx.deps, ctx.caller.aadObjectId),
    false);
  },
};
