import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { END_KINDS, endCase, isCaseError, parseEndInput, type EndKind } from '../../domain/cases';
import type { AuditAction } from '../../domain/audit';
import { londonDate } from '../../domain/londonTime';
import { endFormFor } from '../caseEnd/caseEndCards';
import { endChangeResponse } from '../caseEnd/endChangeResponse';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const KindData = z.looseObject({ kind: z.enum(END_KINDS) });
const FieldData = z.looseObject({ reason: z.string().max(40).optional(), withdrawnOn: z.string().max(20).optional() });

const AUDIT: Readonly<Record<EndKind, AuditAction>> = { close: 'case.closed', withdraw: 'case.withdrawn', cancel: 'case.cancelled' };

/** Submits a close / withdraw / cancel form: mediators only; a repeated click changes nothing. */
export const caseEndAction: CardAction = {
  verb: VERBS.caseEnd,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const kind = KindData.safeParse(data);
    if (!kind.success) return errorResponse(400, 'This form is incomplete. Start again with **close case**, **withdraw** or **cancel**.');
    const now = deps.now();
    const input = parseEndInput(kind.data.kind, data, londonDate(now));
    const fields = FieldData.safeParse(data);
    const values = fields.success ? { ...(fields.data.reason ? { reason: fields.data.reason } : {}), ...(fields.data.withdrawnOn ? { withdrawnOn: fields.data.withdrawnOn } : {}) } : {};
    if (isCaseError(input)) return cardResponse(endFormFor(loaded.c, kind.data.kind, now, values, input.message));
    const me = caller.aadObjectId ?? '';
    const r = await deps.store.cases.update(loaded.c.id, (c) => endCase(c, input, me, now), { by: me, action: AUDIT[input.kind], detail: input.reason }, now);
    return endChangeResponse(r, deps, now);
  },
};
