import { feedbackCard } from '../../cards/feedbackCard';
import { VERBS } from '../../cards/verbs';
import { isCaseError, newId, partyFor, tenantOfProvider } from '../../domain/cases';
import { parseFeedback } from '../../domain/followUp';
import { londonDate } from '../../domain/londonTime';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';
import { NOT_YOURS } from './followUpActions';

/**
 * A party's feedback after the outcome (docs/rules.md#feedback). Stored with the case type, the
 * role and the date only; who answered is kept apart so a second answer is refused. Not in the
 * audit log: an entry there would tie the person to the time of their answer.
 */
export const feedbackSubmitAction: CardAction = {
  verb: VERBS.feedbackSubmit,
  async handle(ctx: ActionContext) {
    const loaded = await loadCase(ctx.data, ctx.caller, ctx.deps, 'member', ctx.caseRead);
    if (!loaded.ok) return loaded.response;
    const { c } = loaded;
    const me = ctx.caller.aadObjectId ?? '';
    const party = partyFor(c, me);
    const outcome = await ctx.deps.store.outcomes.get(c.id);
    if (!party || !outcome || outcome.versions.length === 0) return errorResponse(403, NOT_YOURS);
    const thanks = 'Your feedback is recorded. Thank you: it helps the service improve.';
    if (await ctx.deps.store.followUp.hasGivenFeedback(c.id, me)) return cardResponse(feedbackCard({ caseId: c.id, answeredText: thanks }));
    const ratings = parseFeedback(ctx.data);
    if (isCaseError(ratings)) return errorResponse(400, ratings.message);
    const givenOn = londonDate(ctx.deps.now());
    await ctx.deps.store.followUp.giveFeedback(c.id, me, { ...ratings, tenantId: tenantOfProvider(c.providerKey).toLowerCase(), caseType: c.caseType, role: party.role, givenOn }, newId());
    return cardResponse(feedbackCard({ caseId: c.id, answeredText: thanks }));
  },
};
