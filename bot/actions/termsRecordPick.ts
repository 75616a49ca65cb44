import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { termsCardFor } from '../cases/termsView';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PickData = z.looseObject({ partyId: z.string().min(1).max(100) });

/** The mediator chose whose agreement to record: show that party's terms in "on their behalf" mode. */
export const termsRecordPickAction: CardAction = {
  verb: VERBS.termsRecordPick,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const pick = PickData.safeParse(data);
    const party = pick.success ? loaded.c.parties.find((p) => p.partyId === pick.data.partyId) : undefined;
    if (!party) return errorResponse(400, 'Choose a party of this case.');
    return cardResponse(termsCardFor(loaded.c, party, deps, { onBehalf: true }));
  },
};
