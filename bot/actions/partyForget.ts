import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { messageCard } from '../../cards/messageCard';
import { FORMER_PARTY, forgetParty, hasEnded, sameTenant, STRANGER_REFUSAL } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import { refreshRootCard } from '../cases/caseCards';
import { forgetDialogAbout } from '../retention/forgetDialog';
import { cardResponse, errorResponse, refusal } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';

const ForgetData = z.looseObject({ caseId: z.string().min(1).max(100), partyId: z.string().min(1).max(100), reason: z.string().max(1000).optional() });

/**
 * Erases a party's name and Teams identity (provider admins): in the case, in the changes asked for
 * in their name, and their 1:1 chat reference when they are in no other live case. Logged.
 */
export const partyForgetAction: CardAction = {
  verb: VERBS.partyForget,
  async handle({ caller, data, deps }: ActionContext) {
    const input = ForgetData.safeParse(data);
    if (!input.success) return errorResponse(400, 'Choose the party and give the reason.');
    const c = await deps.store.cases.get(input.data.caseId);
    const me = caller.aadObjectId ?? '';
    if (!c || !sameTenant(c, caller.tenantId) || !isProviderAdmin(deps.config.adminAllowlist, me)) return errorResponse(403, STRANGER_REFUSAL);
    const before = c.parties.find((p) => p.partyId === input.data.partyId);
    const now = deps.now();
    const r = await deps.store.cases.update(c.id, (x) => forgetParty(x, input.data.partyId, input.data.reason ?? '', me, now), { by: me, action: 'party.forgotten', subject: `party:${input.data.partyId}` }, now);
    if (r.status === 'rejected') return refusal(r.error);
    if (r.status === 'not_found' || r.status === 'conflict') return errorResponse(409, 'The case is busy with other changes. Please try again.');
    if (r.status === 'updated') {
      for (const ch of await deps.store.preparation.listChanges(c.id)) {
        if (ch.requestedBy.partyId !== input.data.partyId || ch.requestedBy.displayName === FORMER_PARTY) continue;
        await deps.store.preparation.updateChange(c.id, ch.changeId, (x) => ({ ...x, requestedBy: { ...x.requestedBy, displayName: FORMER_PARTY } }));
      }
      const id = before?.aadObjectId;
      if (id) await forgetDialogAbout(deps, c.id, id);
      if (id && (await deps.store.cases.listForUser(id)).every((x) => hasEnded(x))) await deps.store.conversations.removePersonal(id);
      deps.background.run('refresh case card', () => refreshRootCard(r.case, deps));
    }
    return cardResponse(messageCard({ title: 'Party erased', text: `The party is now "${FORMER_PARTY}" in case ${r.case.caseReference}.`, tone: 'success' }));
  },
};
