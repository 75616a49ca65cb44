import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { answerPoll, respondentFor } from '../../domain/poll';
import { cardResponse, errorResponse } from '../invokeResponses';
import { pollCardFor, refreshGrid } from '../poll/pollViews';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const AnswerInputs = z.record(z.string(), z.unknown());

/** "Save my answers" on a poll card: the clicker's own availability, saved as given, changeable until the pick. */
export const pollAnswerAction: CardAction = {
  verb: VERBS.pollAnswer,
  async handle({ caller, data, deps }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member');
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const me = caller.aadObjectId ?? '';
    const respondent = respondentFor(c, me);
    if (!respondent) return errorResponse(403, `Only the mediators and parties of case ${c.caseReference} can answer its date poll.`);
    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(AnswerInputs.safeParse(data).data ?? {})) {
      if (k.startsWith('answer_') && typeof v === 'string') answers[k.slice('answer_'.length)] = v;
    }
    const r = await deps.store.polls.update(c.id, (p) => answerPoll(p, respondent, answers, me, deps.now()));
    switch (r.status) {
      case 'not_found':
        return errorResponse(404, 'This date poll no longer exists.');
      case 'conflict':
        return errorResponse(409, 'Many answers arrived at once. Please save again.');
      case 'rejected':
        return r.poll.status === 'closed' ? cardResponse(pollCardFor(c, r.poll, respondent)) : errorResponse(400, r.error.message);
      default:
        if (r.status === 'updated') {
          deps.log.info({ caseId: c.id, verb: VERBS.pollAnswer }, 'date poll answered');
          deps.background.run('refresh poll grid', () => refreshGrid(c, r.poll, deps));
        }
        return cardResponse(pollCardFor(c, r.poll, respondent, true));
    }
  },
};
