import type { TurnContext } from 'botbuilder';
import type { Case } from '../../domain/cases';
import { checkedCase } from '../cases/threadCase';
import type { BotDeps } from '../deps';
import { scopeOf, type Caller } from '../turnInfo';

/** The case a meeting command is about: the case thread's, or the linked meeting group chat's. */
async function caseOfMeetingPlace(turn: TurnContext, deps: BotDeps): Promise<Case | null> {
  const id = turn.activity.conversation.id;
  return scopeOf(turn) === 'groupChat' ? deps.store.cases.findByMeetingChat(id) : deps.store.cases.findByThreadConversation(id);
}

/** The meeting place's case, when the caller is one of its mediators; else replies why not. */
export async function mediatorCaseOfMeetingPlace(turn: TurnContext, deps: BotDeps, caller: Caller): Promise<Case | null> {
  return checkedCase(
    turn,
    await caseOfMeetingPlace(turn, deps),
    caller,
    'mediator',
    'Use this in a case’s thread, or link this group chat first with **link <case reference>**.',
  );
}
