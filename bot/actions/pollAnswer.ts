import { z } from 'zod';
import { VERBS } from '../../cards/verbs';
import { cardSubmission } from '../../domain/cardSubmission';
import { isCaseError, isMediator } from '../../domain/cases';
import { answerPoll, pollPrepPatch, respondentFor, respondentsOf } from '../../domain/poll';
import { preparationSubject } from '../../domain/preparation';
import { cardResponse, errorResponse } from '../invokeResponses';
import { gridCardFor, pollCardFor, prepQuestionsFor, refreshGrid } from '../poll/pollViews';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

const OnBehalf = z.looseObject({ respondent: z.string().min(1).max(200) });

/**
 * "Save my answers" on a poll card: the clicker's own availability (and, for the family, the
 * preparation's adjustments and expenses questions), saved as given and changeable until the
 * pick. From the grid, a mediator records the answers of someone who cannot use cards
 * (`respondent` input): the answer keeps who recorded it.
 */
export const pollAnswerAction: CardAction = {
  verb: VERBS.pollAnswer,
  async handle({ caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'member', caseRead);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const me = caller.aadObjectId ?? '';
    const poll = await deps.store.polls.get(c.id);
    if (!poll) return errorResponse(404, 'This case has no date poll.');
    const onBehalf = OnBehalf.safeParse(data).data?.respondent;
    if (onBehalf !== undefined && !isMediator(c, me)) return errorResponse(403, `Only the mediators of case ${c.caseReference} can record someone else's answers.`);
    if (onBehalf !== undefined && !respondentsOf(c, poll.createdBy).some((r) => r.key === onBehalf)) return errorResponse(400, 'Choose whose answers you are recording.');
    const respondent = onBehalf ?? respondentFor(c, me);
    if (!respondent) return errorResponse(403, `Only the mediators and parties of case ${c.caseReference} can answer its date poll.`);

    const answers: Record<string, string> = {};
    for (const [k, v] of Object.entries(cardSubmission(data))) {
      if (k.startsWith('answer_') && typeof v === 'string' && v !== '') answers[k.slice('answer_'.length)] = v;
    }
    const patch = onBehalf === undefined ? pollPrepPatch(data, await prepQuestionsFor(c, respondent, deps)) : undefined;
    if (patch instanceof Error) return errorResponse(400, patch.message);

    const r = await deps.store.polls.update(c.id, (p) => answerPoll(p, respondent, answers, me, deps.now()));
    switch (r.status) {
      case 'not_found':
        return errorResponse(404, 'This date poll no longer exists.');
      case 'conflict':
        return errorResponse(409, 'Many answers arrived at once. Please save again.');
      case 'rejected':
        return r.poll.status === 'closed' && onBehalf === undefined ? cardResponse(pollCardFor(c, r.poll, respondent)) : errorResponse(400, r.error.message);
      default: {
        if (patch) {
          const subject = preparationSubject(c, respondent.slice('party:'.length));
          if (!isCaseError(subject)) await deps.store.preparation.saveAnswer(subject, patch, me, deps.now());
        }
        if (r.status === 'updated') {
          deps.log.info({ caseId: c.id, verb: VERBS.pollAnswer, onBehalf: onBehalf !== undefined }, 'date poll answered');
          deps.background.run('refresh poll grid', () => refreshGrid(c, r.poll, deps));
        }
        if (onBehalf !== undefined) return cardResponse(gridCardFor(c, r.poll));
        return cardResponse(pollCardFor(c, r.poll, respondent, { saved: true, ask: await prepQuestionsFor(c, respondent, deps) }));
      }
    }
  },
};
