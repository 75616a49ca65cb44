import { isMediator, sameTenant, type Case } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';

/** The audit log of a case is for its mediators and the provider's admins, from the case's tenant. */
export function mayReadAudit(c: Case, caller: Caller, deps: Pick<BotDeps, 'config'>): boolean {
  const me = caller.aadObjectId ?? '';
  return sameTenant(c, caller.tenantId) && (isMediator(c, me) || isProviderAdmin(deps.config.adminAllowlist, me));
}
