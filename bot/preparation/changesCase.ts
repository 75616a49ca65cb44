import type { TurnContext } from 'botbuilder';
import { CASE_TYPES } from '../../domain/caseTypes';
import { sameTenant, type Case } from '../../domain/cases';
import { caseAccessDenied } from '../actions/caseAction';
import { assertMayEditChanges, REQUESTER_ROLES } from '../../domain/preparation';
import { notice } from '../cases/caseCards';
import { caseOfThread } from '../cases/threadCase';
import type { CommandContext } from '../commands/command';
import { callerCase } from './personalCase';

/**
 * The plan-content case a requested-changes command is about: the thread's case in a
 * channel; in a 1:1 chat, the caller's latest plan-content case where they are the family
 * side or the LA officer. Replies with the reason when there is none.
 */
export async function changesCaseOf({ turn, scope, caller, deps }: CommandContext): Promise<Case | undefined> {
  const me = caller.aadObjectId ?? '';
  let c: Case | undefined;
  if (scope === 'team') {
    const found = await caseOfThread(turn, deps);
    c = found && !caseAccessDenied(found, caller, 'member') ? found : undefined;
  } else {
    c = (await callerCase(deps, me, (x, p) => sameTenant(x, caller.tenantId) && CASE_TYPES[x.caseType].planContent && (REQUESTER_ROLES.has(p.role) || p.role === 'la_officer')))?.c;
  }
  if (!c) {
    await say(turn, 'No case found', 'Requested changes belong to a plan-content case (sections B, F, I) you are part of. In a channel, use this in the case’s thread.');
    return undefined;
  }
  if (!CASE_TYPES[c.caseType].planContent) {
    await say(turn, 'Not a plan-content case', `Case ${c.caseReference} is not about the contents of a plan, so it has no requested changes.`);
    return undefined;
  }
  return c;
}

async function say(turn: TurnContext, title: string, text: string): Promise<void> {
  await turn.sendActivity(notice(title, text, 'warning'));
}

/** The case, when the caller may enter and send its requested changes (the family side or a mediator). */
export async function editableChangesCaseOf(ctx: CommandContext): Promise<Case | undefined> {
  const c = await changesCaseOf(ctx);
  if (!c) return undefined;
  const denied = assertMayEditChanges(c, ctx.caller.aadObjectId ?? '');
  if (!denied) return c;
  await say(ctx.turn, 'Not allowed', denied.message);
  return undefined;
}
