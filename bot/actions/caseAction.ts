import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { assertMediator, canViewCase, type Case } from '../../domain/cases';
import type { BotDeps } from '../deps';
import { errorResponse } from '../invokeResponses';
import type { Caller } from '../turnInfo';

/** Card data carries ids only; anything else in it is ignored. */
const CaseIdData = z.looseObject({ caseId: z.string().min(1).max(100) });

export type Loaded = { readonly ok: true; readonly c: Case } | { readonly ok: false; readonly response: AdaptiveCardInvokeResponse };

/**
 * Re-reads the case named by a card and checks the clicker against it. Who may act is
 * decided from the stored case and the caller's Teams identity, never from the card.
 */
export async function loadCase(data: unknown, caller: Caller, deps: BotDeps, need: 'mediator' | 'member'): Promise<Loaded> {
  const parsed = CaseIdData.safeParse(data);
  if (!parsed.success) return { ok: false, response: errorResponse(400, 'This card is missing its case. Ask for a new one.') };
  const c = await deps.store.cases.get(parsed.data.caseId);
  if (!c) return { ok: false, response: errorResponse(404, 'This case no longer exists.') };
  const me = caller.aadObjectId ?? '';
  if (need === 'mediator') {
    const denied = assertMediator(c, me);
    if (denied) return { ok: false, response: errorResponse(403, denied.message) };
  } else if (!canViewCase(c, me)) {
    return { ok: false, response: errorResponse(403, `Only the mediators and parties of case ${c.caseReference} can do that.`) };
  }
  return { ok: true, c };
}
