import { z } from 'zod';
import { termsAgreedCard, toTermsAgreedView } from '../../cards/termsAgreedCard';
import { VERBS } from '../../cards/verbs';
import { canViewCase, isCaseError, mediatorFor, STRANGER_REFUSAL } from '../../domain/cases';
import { assertMayAgree, recordAgreement, validateAgreement } from '../../domain/terms';
import { notice, postInThread, refreshRootCard, refreshRootCardSoon } from '../cases/caseCards';
import { termsCardFor } from '../cases/termsView';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';

const AgreeData = z.looseObject({
  caseId: z.string().min(1).max(100),
  partyId: z.string().min(1).max(100),
  termsVersion: z.string().min(1).max(64),
});

/**
 * "I agree to these terms" (or a mediator recording it for a party). One acknowledgement
 * per case, party and terms version: a double click or a replay returns the same record.
 */
export const termsAgreeAction: CardAction = {
  verb: VERBS.termsAgree,
  // `acknowledgements.record` inserts under the (case, party, version) key or returns the stored one.
  idempotentByRecord: true,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const ids = AgreeData.safeParse(data);
    if (!ids.success) return errorResponse(400, 'This card is incomplete. Ask the mediator to send the terms again.');
    const c = caseRead?.id === ids.data.caseId ? caseRead : await deps.store.cases.get(ids.data.caseId);
    if (!c) return errorResponse(404, 'This case no longer exists.');
    const me = caller.aadObjectId ?? '';
    if (!canViewCase(c, me)) return errorResponse(403, STRANGER_REFUSAL);
    const party = c.parties.find((p) => p.partyId === ids.data.partyId);
    if (!party) return errorResponse(404, 'This card is out of date: that person is no longer a party to the case.');
    const denied = assertMayAgree(c, party, me);
    if (denied) return errorResponse(403, denied.message);
    const onBehalf = party.aadObjectId?.toLowerCase() !== me.toLowerCase();

    if (ids.data.termsVersion !== deps.terms.version) {
      // The provider changed the terms since this card was sent: agreeing must be to the current text.
      return cardResponse(termsCardFor(c, party, deps, { onBehalf }));
    }
    const answers = validateAgreement(data, party.role, onBehalf);
    if (!answers.ok) return cardResponse(termsCardFor(c, party, deps, { onBehalf, errors: answers.errors, values: answers.values }));

    const ack = recordAgreement(c, party.partyId, deps.terms.version, answers.value, me, deps.now());
    if (isCaseError(ack)) return errorResponse(403, ack.message);
    const audit = { by: me, action: onBehalf ? ('terms.recorded' as const) : ('terms.agreed' as const), subject: `party:${party.partyId}`, detail: `v${deps.terms.version}` };
    const { acknowledgement, created, auditEntry } = await deps.store.acknowledgements.record(ack, audit);
    if (created) {
      deps.log.info({ caseId: c.id, partyId: party.partyId, onBehalf }, 'terms agreed');
      deps.background.runAfterAnswer('terms agreed', async () => {
        // The entry is already on disk with the acknowledgement; this is its copy in the log.
        if (auditEntry) await deps.store.auditLog.copyUnsynced(auditEntry);
        // A party agreeing sees their answer card; the case card in the thread (the mediators')
        // joins the case's coalescing window, so parties agreeing in a row edit it once. A mediator
        // recording an agreement in the thread is looking at the case card: it changes at once.
        if (onBehalf) await refreshRootCard(c, deps);
        else refreshRootCardSoon(c, deps);
        if (acknowledgement.authority === 'limited') {
          await postInThread(
            c,
            deps,
            notice(
              'Limited authority',
              `${party.displayName} (${c.caseReference}) says they do not have full authority to settle the issues. The family must be told before the meeting.`,
              'error',
            ),
          );
        }
      });
    }
    const mediatorName = acknowledgement.recordedByMediator ? mediatorFor(c, acknowledgement.recordedByMediator.mediatorAadObjectId)?.displayName : undefined;
    return cardResponse(termsAgreedCard(toTermsAgreedView(acknowledgement, c.caseReference, party.displayName, mediatorName)));
  },
};
