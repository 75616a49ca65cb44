import { z } from 'zod';
import { delayProposalCard } from '../../cards/delayProposalCard';
import { toDelayProposalView } from '../../cards/followUpViews';
import { VERBS } from '../../cards/verbs';
import { ID_PATTERN, partyFor, type Case } from '../../domain/cases';
import type { AuditAction } from '../../domain/audit';
import {
  decideDelay,
  delayRefusal,
  familyParties,
  markActionDone,
  delayDecidedByMediators,
  mayDecideDelay,
  mayProgressAction,
  pendingDelay,
  postProgressUpdate,
  proposeDelay,
  type ActionProgress,
} from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import { ownerLabel, type AgreedAction } from '../../domain/meeting';
import { formatDate } from '../../domain/timescales';
import { recordAudit } from '../audit/recordAudit';
import { cardActivity, notice, postInThread } from '../cases/caseCards';
import { ownerCardFor, sendToOwners, sendToParties } from '../followUp/followUpCards';
import { advanceFollowUp } from '../followUp/startFollowUp';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import type { BotDeps } from '../deps';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const ActionData = z.looseObject({ actionId: z.string().regex(ID_PATTERN) });
const DelayData = z.looseObject({ delayId: z.string().regex(ID_PATTERN) });

/** Said to a member of the case who is not the one a card is for: nothing about the action. */
export const NOT_YOURS = 'This card is for someone else in the case.';

type Loaded = { ok: true; c: Case; action: AgreedAction; progress: ActionProgress } | { ok: false; response: ReturnType<typeof errorResponse> };

/** The case, the action and its progress named by the card, checked against the caller (strangers learn nothing). */
async function loadAction(ctx: ActionContext, may: (c: Case, action: AgreedAction, me: string) => boolean): Promise<Loaded> {
  const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'member', ctx.caseRead);
  if (!loaded.ok) return loaded;
  const ids = ActionData.safeParse(ctx.data);
  if (!ids.success) return { ok: false, response: errorResponse(400, 'This card is missing its action. Ask for a new one.') };
  const { c } = loaded;
  const meeting = await ctx.deps.store.meetings.current(c.id);
  const action = meeting?.actions.find((a) => a.actionId === ids.data.actionId);
  const progress = action ? await ctx.deps.store.followUp.get(c.id, action.actionId) : null;
  // The same answer whether the action is missing or someone else's: a wrong party learns nothing about it.
  if (!action || !progress || !may(c, action, ctx.caller.aadObjectId ?? '')) return { ok: false, response: errorResponse(403, NOT_YOURS) };
  return { ok: true, c, action, progress };
}

const ownerMay = (c: Case, action: AgreedAction, me: string) => mayProgressAction(c, action, me);
const familyMay = (c: Case, action: AgreedAction, me: string) => mayDecideDelay(c, action, me);

type Step = (p: ActionProgress, me: string, data: unknown, today: string, now: Date, action: AgreedAction) => ActionProgress | Error;

/**
 * One handler per owner verb: apply the pure step, answer with the fresh card at once, and do
 * the telling (the family, the thread) after the answer. A replay changes nothing and tells nobody.
 */
function ownerAction(verb: string, step: Step, audit: AuditAction, after: (c: Case, action: AgreedAction, p: ActionProgress, deps: BotDeps) => Promise<void>, done: string): CardAction {
  return {
    verb,
    async handle(ctx: ActionContext) {
      const loaded = await loadAction(ctx, ownerMay);
      if (!loaded.ok) return loaded.response;
      const { c, action } = loaded;
      const me = ctx.caller.aadObjectId ?? '';
      const now = ctx.deps.now();
      const r = await ctx.deps.store.followUp.update(c.id, action.actionId, (p) => step(p, me, ctx.data, londonDate(now), now, action));
      if (r.status === 'rejected') return refusal(r.error);
      if (r.status !== 'updated' && r.status !== 'unchanged') return errorResponse(409, 'This action is busy with other changes. Please try again.');
      if (r.status === 'updated') {
        const progress = r.progress;
        await recordAudit(ctx.deps, c.id, me, audit, action.actionId);
        ctx.deps.background.run(verb, () => after(c, action, progress, ctx.deps));
      }
      return cardResponse(ownerCardFor(c, action, r.progress, ctx.deps, r.status === 'updated' ? done : undefined));
    },
  };
}

export const followUpDoneAction = ownerAction(
  VERBS.followUpDone,
  (p, me, data, today, now) => markActionDone(p, me, data, today, now),
  'action.done',
  async (c, action, p, deps) => {
    const when = p.doneOn ? formatDate(p.doneOn) : '';
    await postInThread(c, deps, notice(`Agreed action done: case ${c.caseReference}`, `${ownerLabel(action.owner, c.parties)} marked "${action.what}" done on ${when}.`, 'success'));
    await sendToParties(c, familyParties(c), deps, 'An action update', () => notice(`An agreed action is done: case ${c.caseReference}`, `"${action.what}" was done on ${when}.`, 'success'));
    await advanceFollowUp(c.id, deps);
  },
  'Marked done. The family and the mediators are told.',
);

export const followUpUpdateAction = ownerAction(
  VERBS.followUpUpdate,
  (p, me, data, _today, now) => postProgressUpdate(p, me, data, now),
  'action.updated',
  async (c, action, p, deps) => {
    const last = p.updates.at(-1);
    if (!last) return;
    const update = notice(`Update on an agreed action: case ${c.caseReference}`, `${ownerLabel(action.owner, c.parties)} on "${action.what}": ${last.text}`, 'info');
    const family = familyParties(c);
    // With no parent or young person in the case (DRS between bodies) the mediators pass it on.
    if (family.length === 0) await postInThread(c, deps, update);
    else await sendToParties(c, family, deps, 'An action update', () => update);
  },
  'Update sent to the family.',
);

export const followUpDelayAction = ownerAction(
  VERBS.followUpDelay,
  (p, me, data, today, now, action) => delayRefusal(action) ?? proposeDelay(p, me, data, today, now),
  'action.delayProposed',
  async (c, action, p, deps) => {
    const d = pendingDelay(p);
    const view = d ? toDelayProposalView(c, action, p, d.delayId) : undefined;
    if (!view) return;
    // The family's own action, or no family in the case (DRS between bodies): the mediators record the answer.
    const byMediators = delayDecidedByMediators(c, action);
    if (byMediators) await postInThread(c, deps, cardActivity(delayProposalCard(view)));
    else await sendToParties(c, familyParties(c), deps, 'A proposed new date', () => cardActivity(delayProposalCard(view)));
    const who = byMediators ? 'Record the answer agreed with the parties on the card above.' : 'The family is asked to agree.';
    await postInThread(c, deps, notice(`New date proposed: case ${c.caseReference}`, `${ownerLabel(action.owner, c.parties)} proposes ${view.proposedText} instead of ${view.fromText} for "${action.what}". ${who}`, 'warning'));
  },
  'The new date is proposed. The family is asked to agree; until then the date above stands.',
);

function decideAction(verb: string, agree: boolean): CardAction {
  return {
    verb,
    async handle(ctx: ActionContext) {
      const loaded = await loadAction(ctx, familyMay);
      if (!loaded.ok) return loaded.response;
      const { c, action } = loaded;
      const delay = DelayData.safeParse(ctx.data);
      if (!delay.success) return errorResponse(400, 'This card is missing its proposal. Ask for a new one.');
      const me = ctx.caller.aadObjectId ?? '';
      const now = ctx.deps.now();
      const r = await ctx.deps.store.followUp.update(c.id, action.actionId, (p) => decideDelay(p, me, delay.data.delayId, agree, now));
      if (r.status === 'rejected') return refusal(r.error);
      if (r.status !== 'updated' && r.status !== 'unchanged') return errorResponse(409, 'This action is busy with other changes. Please try again.');
      const view = toDelayProposalView(c, action, r.progress, delay.data.delayId);
      if (r.status === 'updated' && view) {
        const progress = r.progress;
        await recordAudit(ctx.deps, c.id, me, agree ? 'action.delayAgreed' : 'action.delayDeclined', action.actionId);
        const who = partyFor(c, me)?.displayName ?? 'The mediators';
        const text = agree
          ? `${who} agreed the new date ${view.proposedText} for "${action.what}" (was ${view.fromText}).`
          : `${who} declined the new date for "${action.what}": ${view.fromText} stands.`;
        ctx.deps.background.run(verb, async () => {
          await postInThread(c, ctx.deps, notice(`New date ${agree ? 'agreed' : 'declined'}: case ${c.caseReference}`, text, agree ? 'success' : 'warning'));
          await sendToOwners(c, action, ctx.deps, 'The answer to a new date', () => ownerCardFor(c, action, progress, ctx.deps, text));
        });
      }
      return view ? cardResponse(delayProposalCard(view)) : errorResponse(404, 'That proposal is no longer on record.');
    },
  };
}

export const followUpDelayAgreeAction = decideAction(VERBS.followUpDelayAgree, true);
export const followUpDelayDeclineAction = decideAction(VERBS.followUpDelayDecline, false);
