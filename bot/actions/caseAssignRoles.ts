import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { applyRoleAssignments, parseRoleAssignments } from '../../domain/cases';
import { caseCardFor, refreshRootCard } from '../cases/caseCards';
import { rosterCardFor } from '../cases/rosterView';
import { fetchRoster } from '../cases/teamRoster';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PageData = z.looseObject({ page: z.coerce.number().int().min(0).max(1000).catch(0) });

/** Saves the roles picked on one roster page, all or nothing, then shows the updated case card. */
export const caseAssignRolesAction: CardAction = {
  verb: VERBS.caseAssignRoles,
  async handle({ turn, caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const { page } = PageData.parse(data ?? {});
    const roster = await fetchRoster(turn);
    const assignments = parseRoleAssignments(data, roster);
    const me = caller.aadObjectId ?? '';
    const now = deps.now();
    const result = await deps.store.cases.update(
      loaded.c.id,
      (c) => applyRoleAssignments(c, assignments, me, now, { allowlist: deps.config.mediatorAllowlist }),
      { by: me, action: 'parties.assigned', detail: `${assignments.length} roster choices` },
      now,
    );
    switch (result.status) {
      case 'rejected':
        return cardResponse(rosterCardFor(result.case, roster, page, { text: result.error.message, tone: 'attention' }));
      case 'updated':
        deps.background.run('refresh case card', () => refreshRootCard(result.case, deps));
        return cardResponse(await caseCardFor(result.case, deps, me));
      case 'unchanged':
        return cardResponse(await caseCardFor(result.case, deps, me));
      case 'not_found':
        return errorResponse(404, 'This case no longer exists.');
      case 'conflict':
        return errorResponse(409, 'The case is busy with other changes. Please try again.');
    }
  },
};
