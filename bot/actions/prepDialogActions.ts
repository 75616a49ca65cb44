import { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import { messageCard } from '../../cards/messageCard';
import { prepBoardCard, toPrepBoardView } from '../../cards/prepBoardCard';
import { VERBS } from '../../cards/verbs';
import { preparationCardReply } from '../../dialogs/cardReply';
import { assertMayPrepare, preparationKindFor } from '../../domain/preparation';
import { firstSendInWindow } from '../sendOnce';
import { boardFor } from '../cases/caseCards';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PartyData = z.looseObject({ caseId: z.string().min(1).max(100), partyId: z.string().min(1).max(100) });

/** (Re)starts a party's questions in this chat; the dialog checks the clicker may answer for that party. */
async function beginFromCard({ turn, data, deps }: ActionContext): Promise<string | undefined> {
  const ids = PartyData.safeParse(data);
  if (!ids.success) return 'This card is incomplete. Type **prep** to carry on.';
  const c = await deps.store.cases.get(ids.data.caseId);
  const party = c?.parties.find((p) => p.partyId === ids.data.partyId);
  const kind = party && preparationKindFor(party.role);
  if (!c || !kind) return 'This card is out of date. Type **prep** to carry on.';
  await deps.preparation.begin(turn, kind, { caseId: c.id, partyId: ids.data.partyId });
  return undefined;
}

/** A second click on "Start" by someone allowed to answer, within the window: the questions are already on their way. */
async function isRepeatedStart({ caller, data, deps }: ActionContext): Promise<boolean> {
  const ids = PartyData.safeParse(data);
  if (!ids.success) return false;
  const c = await deps.store.cases.get(ids.data.caseId);
  if (!c || assertMayPrepare(c, ids.data.partyId, caller.aadObjectId ?? '')) return false;
  return !(await firstSendInWindow(deps, 'prep', `${c.id}|${ids.data.partyId}`));
}

const carryOn = messageCard({ title: 'Preparation', text: 'Please answer the question below.', tone: 'info' });

/**
 * A button on a question card. The running dialog reads the click itself; when there is no
 * dialog (stopped, or state lost in a restart) the questions start again at the first one
 * not yet answered, so a stale card never records an answer out of turn.
 */
export const prepAnswerAction: CardAction = {
  verb: VERBS.prepAnswer,
  async handle(ctx: ActionContext) {
    if (!(await ctx.deps.preparation.continueActive(ctx.turn))) {
      const problem = await beginFromCard(ctx);
      if (problem) return errorResponse(400, problem);
    }
    return cardResponse(preparationCardReply(ctx.turn) ?? carryOn);
  },
};

export const prepCancelAction: CardAction = {
  verb: VERBS.prepCancel,
  async handle(ctx: ActionContext) {
    if (await ctx.deps.preparation.continueActive(ctx.turn)) {
      return cardResponse(preparationCardReply(ctx.turn) ?? messageCard({ title: 'Preparation', text: 'Stopped. Your answers are saved: type **prep** to carry on.' }));
    }
    return cardResponse(messageCard({ title: 'Preparation', text: 'Already stopped. Your answers are saved: type **prep** to carry on.' }));
  },
};

export const prepStartAction: CardAction = {
  verb: VERBS.prepStart,
  async handle(ctx: ActionContext) {
    if (await isRepeatedStart(ctx)) return cardResponse(carryOn);
    const problem = await beginFromCard(ctx);
    if (problem) return errorResponse(400, problem);
    return cardResponse(preparationCardReply(ctx.turn) ?? carryOn);
  },
};

/** The mediator's board (also its Refresh button): mediators only, as it shows every party's position. */
export const prepBoardAction: CardAction = {
  verb: VERBS.prepBoard,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'prep.viewed');
    return cardResponse(prepBoardCard(toPrepBoardView(await boardFor(loaded.c, deps))));
  },
};
