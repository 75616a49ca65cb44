import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { fetchRoster } from '../cases/teamRoster';
import { rosterCardFor } from '../cases/rosterView';
import { cardResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PageData = z.looseObject({ page: z.coerce.number().int().min(0).max(1000).catch(0) });

/** "Add parties": a page of the team's members with a role picker each (mediators only). */
export const caseRosterAction: CardAction = {
  verb: VERBS.caseRoster,
  async handle({ turn, caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const { page } = PageData.parse(data ?? {});
    return cardResponse(rosterCardFor(loaded.c, await fetchRoster(turn), page));
  },
};
