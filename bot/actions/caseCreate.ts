import { newCaseFormCard } from '../../cards/newCaseFormCard';
import { VERBS } from '../../cards/verbs';
import { anchorThread, assertMayOpenCases, createCase, newCaseFormValues, providerKeyOf, validateNewCase, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { caseCardFor, refreshRootCard } from '../cases/caseCards';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';

interface TeamsChannelData {
  team?: { id?: string };
  tenant?: { id?: string };
}

/**
 * The new-case form's submit. The case lives in the thread the form was posted in, and
 * the form message becomes the case card (the thread's anchor for every later update).
 */
export const caseCreateAction: CardAction = {
  verb: VERBS.caseCreate,
  async handle({ turn, scope, caller, data, deps }: ActionContext) {
    if (scope !== 'team') return errorResponse(400, 'Cases are opened in the service’s case channel: mention me there with **new case**.');
    const me = caller.aadObjectId ?? '';
    const denied = assertMayOpenCases(me, deps.config.mediatorAllowlist);
    if (denied) return errorResponse(403, denied.message);
    const threadId = turn.activity.conversation.id;
    const cardId = turn.activity.replyToId;
    const channelData = (turn.activity.channelData ?? {}) as TeamsChannelData;
    const tenantId = channelData.tenant?.id ?? turn.activity.conversation.tenantId;
    const teamId = channelData.team?.id;
    if (!cardId || !tenantId || !teamId) return errorResponse(400, 'I could not tell which team and thread this form is in. Please start again with **new case**.');

    // A second click on a form that already made its case shows that case: one case per thread.
    const already = await deps.store.cases.findByThreadConversation(threadId);
    if (already) return cardResponse(await caseCardFor(already, deps));

    const now = deps.now();
    const validation = validateNewCase(data, { calendar: deps.calendar, today: londonDate(now) });
    if (!validation.ok) return cardResponse(newCaseFormCard({ values: validation.values, errors: validation.errors }));

    const c: Case = anchorThread(
      createCase(validation.value, { aadObjectId: me, displayName: caller.name, teamsUserId: caller.channelAccountId }, providerKeyOf(tenantId, teamId), now),
      { conversationId: threadId, rootActivityId: cardId },
    );
    if ((await deps.store.cases.create(c)) === 'duplicate_reference') {
      const raced = await deps.store.cases.findByThreadConversation(threadId);
      if (raced) return cardResponse(await caseCardFor(raced, deps));
      return cardResponse(
        newCaseFormCard({
          values: newCaseFormValues(data),
          errors: { caseReference: `Case reference ${validation.value.caseReference} is already used in this service. Check the reference.` },
        }),
      );
    }
    deps.log.info({ caseId: c.id, verb: VERBS.caseCreate }, 'case created');
    // The clicker gets the case card now; everyone else when the message itself is edited.
    deps.background.run('refresh case card', () => refreshRootCard(c, deps));
    return cardResponse(await caseCardFor(c, deps));
  },
};
