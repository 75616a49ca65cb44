import type { TurnContext } from 'botbuilder';
import { STRANGER_REFUSAL, type Case } from '../../domain/cases';
import { caseAccessDenied } from '../actions/caseAction';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';
import { notice } from './caseCards';

/** The case whose thread this message was posted in, if any. */
export function caseOfThread(turn: TurnContext, deps: BotDeps): Promise<Case | null> {
  return deps.store.cases.findByThreadConversation(turn.activity.conversation.id);
}

const NOT_IN_A_CASE_THREAD = 'This command works in the thread of a case. Open the case’s thread in the channel and mention me there.';

/**
 * For commands: `c` when there is one and the caller has the access `need` to it; otherwise
 * replies with the reason (`noCase` says where the command works) and gives null.
 */
export async function checkedCase(
  turn: TurnContext,
  c: Case | null,
  caller: Caller,
  need: 'mediator' | 'member',
  noCase: string = NOT_IN_A_CASE_THREAD,
): Promise<Case | null> {
  if (!c) {
    await turn.sendActivity(notice('No case here', noCase, 'warning'));
    return null;
  }
  const denied = caseAccessDenied(c, caller, need);
  if (denied) {
    await turn.sendActivity(notice('Not allowed', denied === STRANGER_REFUSAL ? "You can't use that here." : denied, 'warning'));
    return null;
  }
  return c;
}

/** The thread's case, when the caller is one of its mediators; else replies why not. */
export async function mediatorCaseOfThread(turn: TurnContext, deps: BotDeps, caller: Caller): Promise<Case | null> {
  return checkedCase(turn, await caseOfThread(turn, deps), caller, 'mediator');
}

/** The thread's case, when the caller is one of its mediators or parties; else replies why not. */
export async function memberCaseOfThread(turn: TurnContext, deps: BotDeps, caller: Caller): Promise<Case | null> {
  return checkedCase(turn, await caseOfThread(turn, deps), caller, 'member');
}
