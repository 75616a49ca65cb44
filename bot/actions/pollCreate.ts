import { pollFormCard } from '../../cards/pollFormCard';
import { VERBS } from '../../cards/verbs';
import { cardSubmission } from '../../domain/cardSubmission';
import { newId, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { arrangeLimit, respondentsOf, validatePollForm, type DatePoll } from '../../domain/poll';
import { formatDate } from '../../domain/timescales';
import { cardActivity, notice, postInThread } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import { cardResponse, errorResponse } from '../invokeResponses';
import { gridCardFor, pollCardFor, prepQuestionsFor } from '../poll/pollViews';
import type { ActionContext, CardAction } from './action';
import { loadCase } from './caseAction';

/**
 * "Send the poll": validates the slots, stores the poll, turns the form into the live grid for
 * everyone in the thread, then sends each party and co-mediator their card (after the answer).
 * A second click, or a second form while a poll is open, shows the open poll's grid.
 */
export const pollCreateAction: CardAction = {
  verb: VERBS.pollCreate,
  async handle({ turn, caller, data, deps, caseRead }: ActionContext) {
    const loaded = await loadCase(data, caller, deps, 'mediator', caseRead);
    if (!loaded.ok) return loaded.response;
    const c = loaded.c;
    const open = await deps.store.polls.get(c.id);
    if (open?.status === 'open') return cardResponse(gridCardFor(c, open));
    const v = validatePollForm(c, data, { today: londonDate(deps.now()), calendar: deps.calendar });
    if (!v.ok) {
      const limit = arrangeLimit(c, deps.calendar);
      const values = Object.fromEntries(Object.entries(cardSubmission(data)).filter((e): e is [string, string] => typeof e[1] === 'string'));
      return cardResponse(pollFormCard({ caseId: c.id, caseReference: c.caseReference, values, errors: v.errors, ...(limit ? { limitText: formatDate(limit) } : {}) }));
    }
    const me = caller.aadObjectId ?? '';
    const gridActivityId = turn.activity.replyToId;
    if (!c.thread || !gridActivityId) return errorResponse(400, 'Use find a date in the case’s thread.');
    const poll: DatePoll = {
      caseId: c.id,
      pollId: newId(),
      status: 'open',
      slots: v.slots,
      ...(v.lateReason ? { lateReason: v.lateReason } : {}),
      answers: [],
      gridActivityId,
      cards: [],
      createdBy: me,
      createdAt: deps.now().toISOString(),
      version: 1,
    };
    if ((await deps.store.polls.start(poll)) === 'open_exists') {
      const raced = await deps.store.polls.get(c.id);
      if (raced) return cardResponse(gridCardFor(c, raced));
    }
    deps.log.info({ caseId: c.id, slots: poll.slots.length, late: poll.slots.filter((s) => s.daysLate > 0).length }, 'date poll started');
    deps.background.run('send date poll', () => sendPollCards(c, poll, deps));
    return cardResponse(gridCardFor(c, poll));
  },
};

async function sendPollCards(c: Case, poll: DatePoll, deps: BotDeps): Promise<void> {
  const sent: DatePoll['cards'][number][] = [];
  const unreachable: string[] = [];
  for (const r of respondentsOf(c, poll.createdBy)) {
    const party = r.partyId ? c.parties.find((p) => p.partyId === r.partyId) : undefined;
    const target = party ? { aadObjectId: party.aadObjectId, channelAccountId: party.teamsUserId } : { aadObjectId: r.key.slice('mediator:'.length) };
    if (!c.thread || (!target.aadObjectId && !('channelAccountId' in target && target.channelAccountId))) {
      unreachable.push(r.name);
      continue;
    }
    try {
      const ask = await prepQuestionsFor(c, r.key, deps);
      const res = await deps.proactive.sendToPerson(target, c.thread.conversationId, cardActivity(pollCardFor(c, poll, r.key, { ask })));
      if (res.activityId) sent.push({ respondent: r.key, conversationId: res.conversationId, activityId: res.activityId });
    } catch (err) {
      deps.log.warn({ caseId: c.id, err: (err as Error).message }, 'could not send the date poll');
      unreachable.push(r.name);
    }
  }
  await deps.store.polls.update(c.id, (p) => (p.pollId === poll.pollId ? { ...p, cards: [...p.cards, ...sent] } : p));
  if (unreachable.length > 0) {
    await postInThread(c, deps, notice('Date poll', `I could not reach ${unreachable.join(', ')}: ask them for their availability and enter it with **Record someone's answers** on the grid.`, 'warning'));
  }
}
