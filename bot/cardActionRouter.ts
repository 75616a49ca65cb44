import { randomUUID } from 'node:crypto';
import type { Activity, AdaptiveCardInvokeResponse, AdaptiveCardInvokeValue, TurnContext } from 'botbuilder';
import type { CardAction } from './actions/action';
import type { BotDeps } from './deps';
import { errorResponse } from './invokeResponses';
import { callerOf, scopeOf } from './turnInfo';
import { z } from 'zod';
import { CARD_ACTION_INVOKE } from '../dialogs/cardReply';
import { sameTenant, STRANGER_REFUSAL, type Case } from '../domain/cases';

const CaseIdData = z.looseObject({ caseId: z.string().min(1).max(100) });

/** The click's verb, or '' when the activity (untrusted) has none. */
function verbOf(value: AdaptiveCardInvokeValue | undefined): string {
  return typeof value?.action?.verb === 'string' ? value.action.verb : '';
}

/** Routes `adaptiveCard/action` invokes by verb; answers every invoke, even a failing one. */
export class CardActionRouter {
  private readonly byVerb = new Map<string, CardAction>();

  constructor(actions: readonly CardAction[], private readonly deps: BotDeps) {
    for (const a of actions) this.byVerb.set(a.verb, a);
  }

  /** A click on a verb whose handler is idempotent by its own record (see CardAction). */
  isIdempotentByRecord(activity: Activity): boolean {
    if (activity.type !== 'invoke' || activity.name !== CARD_ACTION_INVOKE) return false;
    return this.byVerb.get(verbOf(activity.value as AdaptiveCardInvokeValue | undefined))?.idempotentByRecord === true;
  }

  async handle(turn: TurnContext, value: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const verb = verbOf(value);
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
