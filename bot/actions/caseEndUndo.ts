import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { END_KINDS, undoEnd } from '../../domain/cases';
import { endChangeResponse } from '../caseEnd/endChangeResponse';
import { errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const EndData = z.looseObject({ endedAt: z.iso.datetime(), kind: z.enum(END_KINDS) });

/** "Undo" on the ended-case card: mediators only, within 14 days; the case returns to where it was. */
export const caseEndUndoAction: CardAction = {
  verb: VERBS.caseEndUndo,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const endedAt = EndData.safeParse(data);
    if (!endedAt.success) return errorResponse(400, 'This card does not say which end to undo. Type **status** for the case card.');
    const me = caller.aadObjectId ?? '';
    const now = deps.now();
    const r = await deps.store.cases.update(loaded.c.id, (c) => undoEnd(c, { at: endedAt.data.endedAt, kind: endedAt.data.kind }, me, now), { by: me, action: 'case.reopened' }, now);
    return endChangeResponse(r, deps, now);
  },
};
