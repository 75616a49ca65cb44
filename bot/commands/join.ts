import { joinWithInvite, roleLabel } from '../../domain/cases';
import { redeemInvite } from '../../domain/invites';
import { notice, refreshRootCard } from '../cases/caseCards';
import type { Command, CommandContext } from './command';

/** `join <code>` (1:1 chat): the person becomes the party the invitation was made for. */
export const joinCommand: Command = {
  name: 'join',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    if (!caller.aadObjectId) {
      await turn.sendActivity(notice('Cannot join', 'I could not read your Teams identity. Ask the mediator to add you instead.', 'error'));
      return;
    }
    if (!args) {
      await turn.sendActivity(notice('Which code?', 'Send **join** followed by the code from your invitation, like **join ABCD-EFGH-JKMN-PQRS**.', 'warning'));
      return;
    }
    const now = deps.now();
    const outcome = await redeemInvite({ invites: deps.store.invites, limiter: deps.store.rateLimits }, args, caller.aadObjectId, now);
    if (outcome.outcome !== 'joined') {
      await turn.sendActivity(notice('That code did not work', outcome.message, 'warning'));
      return;
    }
    const person = { aadObjectId: caller.aadObjectId, displayName: caller.name, teamsUserId: caller.channelAccountId };
    const result = await deps.store.cases.update(
      outcome.caseId,
      (c) => joinWithInvite(c, person, outcome.role, now),
      { by: caller.aadObjectId, action: 'party.joined', detail: outcome.role },
      now,
    );
    if (result.status === 'rejected') {
      await turn.sendActivity(notice('Cannot join', result.error.message, 'warning'));
      return;
    }
    if (result.status !== 'updated' && result.status !== 'unchanged') {
      await turn.sendActivity(notice('Cannot join', 'That case is no longer available. Please contact the mediator.', 'error'));
      return;
    }
    await turn.sendActivity(
      notice(
        `You have joined case ${result.case.caseReference}`,
        `You are in this case as ${roleLabel(outcome.role).toLowerCase()}. I will send you what the mediation needs from you here, starting with the Terms of Engagement. Type **my cases** to see your cases.`,
        'success',
      ),
    );
    if (result.status === 'updated') await refreshRootCard(result.case, deps);
  },
};
