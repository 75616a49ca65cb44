import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { auditCardFor } from '../audit/auditCard';
import { cardResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PageData = z.looseObject({ before: z.string().min(1).max(300).optional() });

/** "Older entries" / "Newest entries" on the audit card: mediators of the case. */
export const auditPageAction: CardAction = {
  verb: VERBS.auditPage,
  async handle({ caller, data, deps }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator');
    if (!loaded.ok) return loaded.response;
    const page = PageData.safeParse(data);
    return cardResponse(await auditCardFor(loaded.c, caller.aadObjectId, deps, page.success ? page.data.before : undefined));
  },
};
