import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { applyCaseEdit, CaseError, editFormValues, validateCaseEdit, type Case, type CaseEdit } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { pickSlot, type DatePoll } from '../../domain/poll';
import { afterCaseEdit } from '../cases/afterCaseEdit';
import { cardActivity } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { cardResponse, errorResponse } from '../invokeResponses';
import { gridCardFor, pollCardFor, refreshGrid } from '../poll/pollViews';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const PickData = z.looseObject({ slotId: z.string().regex(/^s[1-8]$/) });

/**
 * "Pick" on the grid: the meeting's date and time are set as an edit of the case would set them
 * (same checks, lifecycle, reminders, notices), the poll closes, and every poll card says which
 * slot was chosen. A second click on the same slot changes nothing.
 */
export const pollPickAction: CardAction = {
  verb: VERBS.pollPick,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const slotId = PickData.safeParse(data).data?.slotId;
    const poll = await deps.store.polls.get(c.id);
    const slot = poll?.slots.find((s) => s.slotId === slotId);
    if (!poll || !slot || !slotId) return errorResponse(404, 'That date is not in this case’s poll.');
    const me = caller.aadObjectId ?? '';
    const now = deps.now();
    const options = { calendar: deps.calendar, today: londonDate(now) };
    const edit = (x: Case) => validateCaseEdit(x, { ...editFormValues(x), meetingDate: slot.date, meetingTime: slot.time }, options);
    const check = edit(c);
    if (!check.ok) return errorResponse(400, Object.values(check.errors).join(' '));

    const picked = await deps.store.polls.update(c.id, (p) => pickSlot(p, slotId));
    if (picked.status === 'rejected') return errorResponse(409, picked.error.message);
    if (picked.status !== 'updated' && picked.status !== 'unchanged') return errorResponse(409, 'The poll is busy. Please pick again.');

    let applied: { before: Case; edit: CaseEdit } | undefined;
    const preview = applyCaseEdit(c, check.value);
    const r = await deps.store.cases.update(
      c.id,
      (x) => {
        const v = edit(x);
        if (!v.ok) return new CaseError('invalid_input', Object.values(v.errors).join(' '));
        const e = applyCaseEdit(x, v.value);
        applied = { before: x, edit: e };
        return e.next;
      },
      { by: me, action: 'case.edited', detail: `poll=${poll.pollId}; ${preview.changed.length ? `fields=${preview.changed.join(',')}` : 'no change'}` },
      now,
    );
    if (r.status !== 'updated' && r.status !== 'unchanged') return errorResponse(409, 'The case could not be updated. Please pick again.');
    const done = applied;
    if (r.status === 'updated' && done) deps.background.run('date picked', () => afterCaseEdit(done.before, r.case, done.edit, deps));
    if (picked.status === 'updated') {
      deps.log.info({ caseId: c.id, verb: VERBS.pollPick }, 'date poll closed');
      deps.background.run('close poll cards', () => closeCards(r.case, picked.poll, deps));
    }
    return cardResponse(gridCardFor(r.case, picked.poll));
  },
};

async function closeCards(c: Case, poll: DatePoll, deps: BotDeps): Promise<void> {
  await refreshGrid(c, poll, deps);
  for (const card of poll.cards) {
    try {
      await deps.proactive.update(card.conversationId, card.activityId, cardActivity(pollCardFor(c, poll, card.respondent)));
    } catch (err) {
      deps.log.warn({ caseId: c.id, err: (err as Error).message }, 'could not close a poll card');
    }
  }
}
