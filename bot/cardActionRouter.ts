import { randomUUID } from 'node:crypto';
import type { Activity, AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { CardAction } from './actions/action';
import type { BotDeps } from './deps';
import { errorResponse } from './invokeResponses';
import { callerOf, scopeOf } from './turnInfo';
import { z } from 'zod';
import { sameTenant, STRANGER_REFUSAL, type Case } from '../domain/cases';

const CaseIdData = z.looseObject({ caseId: z.string().min(1).max(100) });

/** Routes `adaptiveCard/action` invokes by verb; answers every invoke, even a failing one. */
export class CardActionRouter {
  private readonly byVerb = new Map<string, CardAction>();

  constructor(actions: readonly CardAction[], private readonly deps: BotDeps) {
    for (const a of actions) this.byVerb.set(a.verb, a);
  }

  /** A click on a verb whose handler is idempotent by its own record (see CardAction). */
  isIdempotentByRecord(activity: Activity): boolean {
    if (activity.type !== 'invoke' || activity.name !== 'adaptiveCard/action') return false;
    const value: unknown = activity.value;
    const verb = value && typeof value === 'object' ? (value as { action?: { verb?: unknown } }).action?.verb : undefined;
    return typeof verb === 'string' && this.byVerb.get(verb)?.idempotentByRecord === true;
  }

  async handle(turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = typeof value?.action?.verb === 'string' ? value.action.verb : '';
    const action = this.byVerb.get(verb);
    if (!action) return errorResponse(400, 'This button is not recognised. It may be from an older card: ask for a new one.');
    try {
      const caller = callerOf(turn);
      const data: unknown = value.action.data ?? {};
      // Before any handler: a click from another tenant than its case's is refused, with nothing read out or written.
      const c = await this.caseNamedBy(data);
      if (c && !sameTenant(c, caller.tenantId)) return errorResponse(403, STRANGER_REFUSAL);
      // The handler gets the case just read, so a click reads and checks it once, not twice.
      return await action.handle({ turn, scope: scopeOf(turn), caller, data, deps: this.deps, ...(c ? { caseRead: c } : {}) });
    } catch (err) {
      const correlationId = randomUUID().slice(0, 8);
      this.deps.log.error({ correlationId, verb, err: (err as Error).message, stack: (err as Error).stack }, 'card action failed');
      return errorResponse(500, `Sorry, something went wrong (reference ${correlationId}). Please try again.`);
    }
  }

  private async caseNamedBy(data: unknown): Promise<Case | null> {
    const ids = CaseIdData.safeParse(data);
    return ids.success ? this.deps.store.cases.get(ids.data.caseId) : null;
  }
}
