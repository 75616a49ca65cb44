import { z } from 'zod';
import { reminderCard, reminderCardView } from '../../cards/reminderCard';
import { VERBS } from '../../cards/verbs';
import { checkMarkDone } from '../../domain/reminders';
import { recordAudit } from '../audit/recordAudit';
import { errorResponse, cardResponse } from '../invokeResponses';
import { remindersListFor } from '../reminders/remindersListFor';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const DoneData = z.looseObject({
  deadlineId: z.string().min(1).max(300),
  /** Which card the button was on, so the answer replaces it with the same kind of card. */
  view: z.enum(['reminder', 'list']).optional(),
});

const STATUS: Readonly<Record<string, 400 | 403 | 404>> = { not_found: 404, not_allowed: 403 };

/** "Mark done" on a reminder or in the reminders list: the person responsible, or a mediator. */
export const reminderDoneAction: CardAction = {
  verb: VERBS.reminderDone,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    const parsed = DoneData.safeParse(data);
    if (!parsed.success) return errorResponse(400, 'This card does not say which deadline it is about. Ask for the reminders list again.');
    const { c } = loaded;
    const me = caller.aadObjectId ?? '';
    const refused = checkMarkDone(c, await deps.store.reminders.getDeadline(parsed.data.deadlineId), me);
    if (refused) return errorResponse(STATUS[refused.code] ?? 400, refused.message);

    // A second click (or a redelivery) finds the first mark and changes nothing.
    const result = await deps.store.reminders.markDone(parsed.data.deadlineId, me, deps.now());
    if (result.status === 'not_found') return errorResponse(404, 'That deadline is no longer tracked for this case.');
    if (result.status === 'marked') await recordAudit(deps, c.id, me, 'reminder.done', `deadline:${parsed.data.deadlineId}`);
    if (parsed.data.view === 'list') return cardResponse(await remindersListFor(c, deps, me));
    return cardResponse(reminderCard(reminderCardView(c, result.deadline, 'reminder', deps.now(), deps.calendar)));
  },
};

/** The case's reminders list (the button on every reminder, and the list's Refresh). */
export const remindersListAction: CardAction = {
  verb: VERBS.remindersList,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    await recordAudit(deps, loaded.c.id, caller.aadObjectId, 'reminders.viewed');
    return cardResponse(await remindersListFor(loaded.c, deps, caller.aadObjectId ?? ''));
  },
};
