import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import {
  applyCaseEdit,
  CaseError,
  clockMoves,
  editAuditDetail,
  newCaseFormValues,
  validateCaseEdit,
  type Case,
  type CaseEdit,
  type ClockMove,
} from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { afterCaseEdit } from '../cases/afterCaseEdit';
import { caseCardFor, cardActivity } from '../cases/caseCards';
import { clockMovesToken, editFormFor } from '../cases/editForm';
import { cardResponse, errorResponse } from '../invokeResponses';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const ConfirmData = z.looseObject({ confirm: z.string().max(40).optional() });

/** Refuses a save whose clock moves differ from those the mediator confirmed (the case changed meanwhile). */
class MovesChanged extends CaseError {
  constructor(readonly moves: readonly ClockMove[]) {
    super('invalid_input', 'The deadlines this change moves are not the ones shown: check them again.');
  }
}

/**
 * Saves the edit form. Validated as the new-case form is; a change that moves a clock is shown
 * first and saved only when the mediator confirms those very moves. The write re-applies the
 * edit to the latest stored case, so a double click or a replay changes nothing the second time
 * (and tells no party twice).
 */
export const caseEditAction: CardAction = {
  verb: VERBS.caseEdit,
  async handle({ turn, caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const me = caller.aadObjectId ?? '';
    const now = deps.now();
    const options = { calendar: deps.calendar, today: londonDate(now) };
    const submitted = newCaseFormValues(data);
    const first = validateCaseEdit(loaded.c, data, options);
    if (!first.ok) return cardResponse(editFormFor(loaded.c, { values: first.values, errors: first.errors }));
    const preview = applyCaseEdit(loaded.c, first.value);
    if (preview.changed.length === 0) return cardResponse(await caseCardFor(loaded.c, deps, me));
    const confirmed = ConfirmData.safeParse(data).data?.confirm;
    const shown = clockMoves(loaded.c, preview.next, deps.calendar);
    if (shown.length > 0 && confirmed !== clockMovesToken(shown)) return cardResponse(editFormFor(loaded.c, { values: submitted, moves: shown }));

    let applied: { before: Case; edit: CaseEdit } | undefined;
    const r = await deps.store.cases.update(
      loaded.c.id,
      (x) => {
        const v = validateCaseEdit(x, data, options);
        if (!v.ok) return new CaseError('invalid_input', Object.values(v.errors).join(' '));
        const edit = applyCaseEdit(x, v.value);
        const moves = clockMoves(x, edit.next, deps.calendar);
        if (moves.length > 0 && confirmed !== clockMovesToken(moves)) return new MovesChanged(moves);
        applied = { before: x, edit };
        return edit.next;
      },
      // The preview's fields: the same as the write's unless another mediator saved in the same instant.
      { by: me, action: 'case.edited', detail: editAuditDetail(preview, loaded.c) },
      now,
    );
    switch (r.status) {
      case 'not_found':
        return errorResponse(404, 'This case no longer exists.');
      case 'conflict':
        return errorResponse(409, 'Several people changed this case at once. Please save again.');
      case 'rejected':
        if (r.error instanceof MovesChanged) return cardResponse(editFormFor(r.case, { values: submitted, moves: r.error.moves }));
        return cardResponse(editFormFor(r.case, { values: submitted, errors: { form: r.error.message } }));
      case 'unchanged':
        return cardResponse(await caseCardFor(r.case, deps, me));
      case 'updated': {
        const done = applied;
        deps.log.info({ caseId: r.case.id, verb: VERBS.caseEdit, fields: done?.edit.changed }, 'case edited');
        if (done) deps.background.run('case edited', () => afterCaseEdit(done.before, r.case, done.edit, deps));
        // A form posted by `edit` (not the case card itself) must not stay on screen for the others as if unsaved.
        const formId = turn.activity.replyToId;
        if (formId && r.case.thread && formId !== r.case.thread.rootActivityId) {
          const thread = r.case.thread.conversationId;
          deps.background.run('close edit form', async () => deps.proactive.update(thread, formId, cardActivity(await caseCardFor(r.case, deps))));
        }
        return cardResponse(await caseCardFor(r.case, deps, me));
      }
    }
  },
};
