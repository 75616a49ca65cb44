import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { z } from 'zod';
import { assertMediator, canViewCase, refusalText, sameTenant, STRANGER_REFUSAL, type Case } from '../../domain/cases';
import type { BotDeps } from '../deps';
import { errorResponse } from '../invokeResponses';
import type { Caller } from '../turnInfo';

/** Card data carries ids only; anything else in it is ignored. */
const CaseIdData = z.looseObject({ caseId: z.string().min(1).max(100) });

export type Loaded = { readonly ok: true; readonly c: Case } | { readonly ok: false; readonly response: AdaptiveCardInvokeResponse };

/**
 * Why the caller may not act on the case with the access `need`, or undefined when they may.
 * A request from another tenant than the case's, or from someone outside the case, learns nothing
 * about it (STRANGER_REFUSAL).
 */
export function caseAccessDenied(c: Case, caller: Pick<Caller, 'aadObjectId' | 'tenantId'>, need: 'mediator' | 'member'): string | undefined {
  const me = caller.aadObjectId ?? '';
  if (!sameTenant(c, caller.tenantId) || !canViewCase(c, me)) return STRANGER_REFUSAL;
  if (need === 'mediator') {
    const denied = assertMediator(c, me);
    return denied ? refusalText(c, me, denied.message) : undefined;
  }
  return undefined;
}

/**
 * Re-reads the case named by a card and checks the clicker against it. Who may act is
 * decided from the stored case and the caller's Teams identity, never from the card.
 * `caseRead`: the case the router read in this turn (ActionContext.caseRead), used when it is
 * the one the card names instead of a second read.
 */
export async function loadCase(data: unknown, caller: Caller, deps: BotDeps, need: 'mediator' | 'member', caseRead?: Case): Promise<Loaded> {
  const parsed = CaseIdData.safeParse(data);
  if (!parsed.success) return { ok: false, response: errorResponse(400, 'This card is missing its case. Ask for a new one.') };
  const c = caseRead?.id === parsed.data.caseId ? caseRead : await deps.store.cases.get(parsed.data.caseId);
  if (!c) return { ok: false, response: errorResponse(404, 'This case no longer exists.') };
  const denied = caseAccessDenied(c, caller, need);
  return denied ? { ok: false, response: errorResponse(403, denied) } : { ok: true, c };
}
