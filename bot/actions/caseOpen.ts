import { VERBS } from '../../cards/verbs';
import { recordAudit } from '../audit/recordAudit';
import { caseCardFor } from '../cases/caseCards';
import { cardResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

/** Shows the case card as it stands (also the card's refresh): any member of the case. */
export const caseOpenAction: CardAction = {
  verb: VERBS.caseOpen,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'case.viewed');
    return cardResponse(await caseCardFor(loaded.c, deps, caller.aadObjectId));
  },
};
