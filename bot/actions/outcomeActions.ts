import { z } from 'zod';
import { recordAudit } from '../audit/recordAudit';
import { messageCard } from '../../cards/messageCard';
import { VERBS } from '../../cards/verbs';
import { amendedPlanRequestCard } from '../../cards/outcomeAmendedPlanCard';
import { toAmendedPlanRequestView } from '../../cards/outcomeViews';
import { canTransition, isCaseError, isMediator, moveCase, partyFor, type Case } from '../../domain/cases';
import {
  attachAmendedPlan,
  outcomeDraftFormValues,
  parseAmendedPlanLink,
  parseResponseInput,
  publishOutcome,
  respondToOutcome,
  validateOutcomeDraftSubmission,
  type OutcomeRecord,
  type ResponseKind,
} from '../../domain/outcome';
import { notice, postInThread, refreshRootCard } from '../cases/caseCards';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import { deliverOutcome } from '../outcome/afterPublish';
import { startFollowUp } from '../followUp/startFollowUp';
import { draftCardFor, draftFor, publishedCardFor } from '../outcome/outcomeCards';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const VersionData = z.looseObject({ outcomeVersion: z.coerce.number().int().min(1).max(100) });

async function loadOutcome(ctx: ActionContext, need: 'mediator' | 'member'): Promise<{ ok: true; c: Case; record: OutcomeRecord } | { ok: false; response: ReturnType<typeof errorResponse> }> {
  const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, need, ctx.caseRead);
  if (!loaded.ok) return loaded;
  const record = await ctx.deps.store.outcomes.get(loaded.c.id);
  if (!record) return { ok: false, response: errorResponse(404, 'There is no outcome for this case yet: it starts when the meeting closes.') };
  return { ok: true, c: loaded.c, record };
}

/** The draft (or the draft of a revision) for the mediator. */
export const outcomeDraftAction: CardAction = {
  verb: VERBS.outcomeDraft,
  async handle(ctx: ActionContext) {
    const loaded = await loadOutcome(ctx, 'mediator');
    if (!loaded.ok) return loaded.response;
    await recordAudit(ctx.deps, loaded.c.id, ctx.caller.aadObjectId, 'outcome.viewed');
    const card = await draftCardFor(loaded.c, loaded.record, ctx.caller.aadObjectId ?? '', ctx.deps);
    return card instanceof Error ? refusal(card) : cardResponse(card);
  },
};

export const outcomeReviseAction: CardAction = { ...outcomeDraftAction, verb: VERBS.outcomeRevise };

/** The case card's "Show the outcome": the shared card for a mediator, a party's own (with their answer buttons) for a party. */
export const outcomeViewAction: CardAction = {
  verb: VERBS.outcomeView,
  async handle(ctx: ActionContext) {
    const loaded = await loadOutcome(ctx, 'member');
    if (!loaded.ok) return loaded.response;
    const me = ctx.caller.aadObjectId ?? '';
    const card = publishedCardFor(loaded.c, loaded.record, isMediator(loaded.c, me) ? undefined : me);
    if (card) await recordAudit(ctx.deps, loaded.c.id, me, 'outcome.viewed');
    return card ? cardResponse(card) : errorResponse(404, 'The outcome has not been published yet.');
  },
};

/** Publishes version n: posted in the case thread and sent to every party's 1:1 chat. */
export const outcomePublishAction: CardAction = {
  verb: VERBS.outcomePublish,
  async handle(ctx: ActionContext) {
    const loaded = await loadOutcome(ctx, 'mediator');
    if (!loaded.ok) return loaded.response;
    const { c, record } = loaded;
    const me = ctx.caller.aadObjectId ?? '';
    const version = VersionData.safeParse(ctx.data);
    if (!version.success) return errorResponse(400, 'This card is incomplete. Ask for the draft again.');
    const draft = await draftFor(c, record, me, ctx.deps);
    if (draft instanceof Error) return refusal(draft);
    const content = validateOutcomeDraftSubmission(draft, ctx.data, ctx.deps.calendar);
    if (!content.ok) {
      const card = await draftCardFor(c, record, me, ctx.deps, { values: outcomeDraftFormValues(draft, ctx.data), errors: content.errors });
      return card instanceof Error ? refusal(card) : cardResponse(card);
    }
    const now = ctx.deps.now();
    const r = await ctx.deps.store.outcomes.update(c.id, (x) => publishOutcome(c, x, me, content.value, version.data.outcomeVersion, now), { by: me, action: 'outcome.published' }, now);
    if (r.status === 'rejected') return refusal(r.error);
    if (r.status === 'not_found' || r.status === 'conflict') return errorResponse(409, 'The outcome is busy with other changes. Please try again.');
    if (r.status === 'updated') {
      ctx.deps.background.run('deliver outcome', async () => {
        const moved = await ctx.deps.store.cases.update(c.id, (x) => (canTransition(x.state, 'OUTCOME_ISSUED') ? moveCase(x, 'OUTCOME_ISSUED') : x), { by: me, action: 'outcome.issued' }, now);
        const current = moved.status === 'updated' || moved.status === 'unchanged' ? moved.case : c;
        await deliverOutcome(current, r.record, ctx.deps);
        await startFollowUp(current, await ctx.deps.store.meetings.current(c.id), r.record.versions.length === 1, ctx.deps);
        await refreshRootCard(current, ctx.deps);
      });
    }
    return cardResponse(publishedCardFor(c, r.record, me) ?? messageCard({ title: 'Outcome', text: 'Published.' }));
  },
};

function respondAction(verb: string, kind: ResponseKind): CardAction {
  return {
    verb,
    async handle(ctx: ActionContext) {
      const loaded = await loadOutcome(ctx, 'member');
      if (!loaded.ok) return loaded.response;
      const { c } = loaded;
      const me = ctx.caller.aadObjectId ?? '';
      const version = VersionData.safeParse(ctx.data);
      const input = parseResponseInput(kind, ctx.data);
      if (!version.success) return errorResponse(400, 'This card is incomplete.');
      if (isCaseError(input)) return errorResponse(400, input.message);
      const now = ctx.deps.now();
      const r = await ctx.deps.store.outcomes.update(c.id, (x) => respondToOutcome(c, x, me, version.data.outcomeVersion, input, now), { by: me, action: `outcome.${kind}` }, now);
      if (r.status === 'rejected') return refusal(r.error);
      if (r.status === 'not_found' || r.status === 'conflict') return errorResponse(409, 'The outcome is busy with other answers. Please try again.');
      if (r.status === 'updated') {
        ctx.deps.background.run('outcome answered', async () => {
          if (kind === 'correction') {
            const who = partyFor(c, me)?.displayName ?? 'A party';
            await postInThread(c, ctx.deps, notice(`Correction requested: case ${c.caseReference}`, `${who} asks for a correction to the outcome. Mention me with **outcome** to publish a revised version.`, 'warning'));
          }
        });
      }
      const card = publishedCardFor(c, r.record, me);
      return card ? cardResponse(card) : errorResponse(404, 'The outcome has not been published yet.');
    },
  };
}

export const outcomeContentAction = respondAction(VERBS.outcomeContent, 'content');
export const outcomeCorrectionAction = respondAction(VERBS.outcomeCorrection, 'correction');

/** The LA officer's link to the amended plan (https only), appended to the outcome record. */
export const outcomeAmendedPlanAction: CardAction = {
  verb: VERBS.outcomeAmendedPlan,
  async handle(ctx: ActionContext) {
    const loaded = await loadOutcome(ctx, 'member');
    if (!loaded.ok) return loaded.response;
    const { c, record } = loaded;
    const me = ctx.caller.aadObjectId ?? '';
    const input = parseAmendedPlanLink(ctx.data);
    if (isCaseError(input)) return cardResponse(amendedPlanRequestCard(toAmendedPlanRequestView(c, record, { error: input.message })));
    const now = ctx.deps.now();
    const r = await ctx.deps.store.outcomes.update(c.id, (x) => attachAmendedPlan(c, x, me, input, now), { by: me, action: 'outcome.amendedPlan' }, now);
    if (r.status === 'rejected') return refusal(r.error);
    if (r.status === 'not_found' || r.status === 'conflict') return errorResponse(409, 'Please try again.');
    if (r.status === 'updated') {
      ctx.deps.background.run('amended plan received', () =>
        postInThread(c, ctx.deps, notice(`Amended plan received: case ${c.caseReference}`, 'The local authority officer has sent the amended plan; it is appended to the outcome record.', 'success')),
      );
    }
    return cardResponse(amendedPlanRequestCard(toAmendedPlanRequestView(c, r.record)));
  },
};
