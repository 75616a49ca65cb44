/**
 * Who may open the service view (docs/service-view.md#who-can-see-it): a provider admin
 * (ADMIN_ALLOWLIST), or a mediator. "A mediator" is read from the stored roles: someone listed
 * as a mediator of at least one case in the caller's tenant, and on MEDIATOR_ALLOWLIST when the
 * service keeps one (taking someone off the list takes the view away too). Parties, and anyone
 * else, are refused with the same words whatever the reason.
 */
import { isMediator, mayActAsMediator, sameTenant } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import type { BotDeps } from '../deps';
import type { Caller } from './identity';

export const SERVICE_REFUSAL = 'The service view is not available to you.';

/** Enough of a person's recent cases to find one they mediate. */
const CASES_LOOKED_AT = 200;

export async function mayViewService(caller: Caller, deps: Pick<BotDeps, 'config' | 'store'>): Promise<boolean> {
  const me = caller.aadObjectId;
  if (isProviderAdmin(deps.config.adminAllowlist, me)) return true;
  if (!mayActAsMediator(me, deps.config.mediatorAllowlist)) return false;
  const mine = await deps.store.cases.listForUser(me, CASES_LOOKED_AT);
  return mine.some((c) => isMediator(c, me) && (caller.tenantId === undefined || sameTenant(c, caller.tenantId)));
}
