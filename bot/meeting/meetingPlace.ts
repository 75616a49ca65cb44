import type { TurnContext } from 'botbuilder';
import type { Case } from '../../domain/cases';
import type { BotDeps } from '../deps';
import { scopeOf } from '../turnInfo';

/** The case a meeting command is about: the case thread's, or the linked meeting group chat's. */
export async function caseOfMeetingPlace(turn: TurnContext, deps: BotDeps): Promise<Case | null> {
  const id = turn.activity.conversation.id;
  return scopeOf(turn) === 'groupChat' ? deps.store.cases.findByMeetingChat(id) : deps.store.cases.findByThreadConversation(id);
}
