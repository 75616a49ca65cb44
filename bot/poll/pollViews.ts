import { pollCard } from '../../cards/pollCard';
import { pollGridCard } from '../../cards/pollGridCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case } from '../../domain/cases';
import { pollGrid, pollPrepQuestions, respondentsOf, type Answer, type DatePoll, type PollPrepQuestions } from '../../domain/poll';
import type { BotDeps } from '../deps';
import { cardActivity } from '../cases/caseCards';

/** The grid as the mediators see it in the thread. */
export function gridCardFor(c: Case, poll: DatePoll): AdaptiveCard {
  const people = respondentsOf(c, poll.createdBy);
  const chosen = poll.slots.find((s) => s.slotId === poll.chosenSlotId);
  return pollGridCard({
    caseId: c.id,
    caseReference: c.caseReference,
    respondents: people.map((p) => p.name),
    recordFor: people.map((p) => ({ key: p.key, name: p.name })),
    rows: pollGrid(poll, people.map((p) => p.key)),
    ...(poll.lateReason ? { lateReason: poll.lateReason } : {}),
    ...(chosen ? { chosen } : {}),
  });
}

/** One respondent's card, with their answers so far. */
export function pollCardFor(c: Case, poll: DatePoll, respondent: string, options: { saved?: boolean; ask?: PollPrepQuestions } = {}): AdaptiveCard {
  const answers: Record<string, Answer> = {};
  for (const a of poll.answers) if (a.respondent === respondent) answers[a.slotId] = a.answer;
  const chosen = poll.slots.find((s) => s.slotId === poll.chosenSlotId);
  return pollCard({
    caseId: c.id,
    caseReference: c.caseReference,
    slots: poll.slots,
    answers,
    ...(chosen ? { chosen } : {}),
    ...(options.saved ? { saved: true } : {}),
    ...(options.ask ? { ask: options.ask } : {}),
  });
}

/** Which family preparation questions a respondent's card should still ask. */
export async function prepQuestionsFor(c: Case, respondent: string, deps: Pick<BotDeps, 'store'>): Promise<PollPrepQuestions> {
  const partyId = respondent.startsWith('party:') ? respondent.slice('party:'.length) : undefined;
  const record = partyId ? await deps.store.preparation.getRecord(c.id, partyId) : null;
  return pollPrepQuestions(c, respondent, record);
}

/** Edits the grid in the thread for everyone (the form message it replaced). */
export async function refreshGrid(c: Case, poll: DatePoll, deps: Pick<BotDeps, 'proactive'>): Promise<void> {
  if (!c.thread || !poll.gridActivityId) return;
  await deps.proactive.update(c.thread.conversationId, poll.gridActivityId, cardActivity(gridCardFor(c, poll)));
}
