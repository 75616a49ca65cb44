import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { STRANGER_REFUSAL } from '../../domain/cases';
import { auditCardFor } from '../audit/auditCard';
import { mayReadAudit } from '../audit/mayReadAudit';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';

const PageData = z.looseObject({ caseId: z.string().min(1).max(100), before: z.string().min(1).max(300).optional() });

/** "Older entries" / "Newest entries" on the audit card: the case's mediators and provider admins. */
export const auditPageAction: CardAction = {
  verb: VERBS.auditPage,
  async handle({ caller, data, deps }: ActionContext) {
    const page = PageData.safeParse(data);
    if (!page.success) return errorResponse(400, 'This card is missing its case. Type **audit** for a new one.');
    const c = await deps.store.cases.get(page.data.caseId);
    if (!c || !mayReadAudit(c, caller, deps)) return errorResponse(403, STRANGER_REFUSAL);
    return cardResponse(await auditCardFor(c, caller.aadObjectId, deps, page.data.before));
  },
};
