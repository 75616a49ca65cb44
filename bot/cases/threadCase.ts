import type { TurnContext } from 'botbuilder';
import { assertMediator, type Case } from '../../domain/cases';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';
import { notice } from './caseCards';

/** The case whose thread this message was posted in, if any. */
export function caseOfThread(turn: TurnContext, deps: BotDeps): Promise<Case | null> {
  return deps.store.cases.findByThreadConversation(turn.activity.conversation.id);
}

/**
 * For commands that act on the thread's case as a mediator: finds the case and checks
 * the caller, replying with the reason when either fails.
 */
export async function mediatorCaseOfThread(turn: TurnContext, deps: BotDeps, caller: Caller): Promise<Case | null> {
  const c = await caseOfThread(turn, deps);
  if (!c) {
    await turn.sendActivity(
      notice('No case here', 'This command works in the thread of a case. Open the case’s thread in the channel and mention me there.', 'warning'),
    );
    return null;
  }
  const denied = assertMediator(c, caller.aadObjectId ?? '');
  if (denied) {
    await turn.sendActivity(notice('Not allowed', denied.message, 'warning'));
    return null;
  }
  return c;
}
