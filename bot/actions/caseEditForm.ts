import { VERBS } from '../../cards/verbs';
import { editRefusal } from '../../domain/cases';
import { editFormFor } from '../cases/editForm';
import { recordAudit } from '../audit/recordAudit';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

/** "Edit case" on the case card: the form, pre-filled (mediators of the case only). */
export const caseEditFormAction: CardAction = {
  verb: VERBS.caseEditForm,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const refused = editRefusal(loaded.c);
    if (refused) return errorResponse(400, refused.message);
    // The form shows the case's stored facts: a read, logged before it is shown.
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'case.viewed', undefined, 'edit form');
    return cardResponse(editFormFor(loaded.c));
  },
};
