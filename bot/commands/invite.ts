import { inviteCard } from '../../cards/inviteCard';
import { recordAudit } from '../audit/recordAudit';
import { roleLabel } from '../../domain/cases';
import { createInvite } from '../../domain/invites';
import { cardActivity, notice } from '../cases/caseCards';
import { parseRoleWords, ROLE_WORDS_HINT } from '../cases/roleWords';
import { mediatorCaseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/**
 * `invite <role>` (case thread, mediator): a one-time code for someone outside the team.
 * The code goes to the mediator's 1:1 chat, never to the channel, where anyone could use it.
 */
export const inviteCommand: Command = {
  name: 'invite',
  async run({ turn, caller, args, deps }: CommandContext): Promise<void> {
    const role = parseRoleWords(args);
    if (!role) {
      await turn.sendActivity(notice('Which role?', `Say who you are inviting, for example **invite parent**. Roles: ${ROLE_WORDS_HINT}.`, 'warning'));
      return;
    }
    const c = await mediatorCaseOfThread(turn, deps, caller);
    if (!c) return;
    const { code, invite } = createInvite(c.id, role, deps.now(), caller.aadObjectId ?? '');
    await deps.store.invites.save(invite);
    await recordAudit(deps, c.id, caller.aadObjectId, 'invite.created', undefined, role);
    const card = inviteCard({ caseReference: c.caseReference, roleLabel: roleLabel(role), code, expiresAt: invite.expiresAt.toISOString() });
    await deps.proactive.sendToPerson(
      { aadObjectId: caller.aadObjectId, channelAccountId: caller.channelAccountId },
      turn.activity.conversation.id,
      cardActivity(card),
    );
    await turn.sendActivity(
      notice('Invitation ready', `I have sent you a one-time code for a ${roleLabel(role).toLowerCase()} in our 1:1 chat. It works once, for 14 days.`, 'success'),
    );
  },
};
