import { isLeadMediator, sameTenant } from '../../domain/cases';
import { isProviderAdmin } from '../../domain/retention';
import { EXPORT_LINK_HOURS } from '../../storage/exportLinkStore';
import { recordAudit } from '../audit/recordAudit';
import { notice } from '../cases/caseCards';
import { sendExportLinks } from '../export/exportLinks';
import { caseOfThread } from '../cases/threadCase';
import type { Command, CommandContext } from './command';

/**
 * `export` (case thread; the lead mediator or a provider admin): one-time links, valid 24 hours,
 * to everything stored about the case, as a printable page and as JSON. The links go to the
 * requester's 1:1 chat, never to the channel.
 */
export const exportCommand: Command = {
  name: 'export',
  async run({ turn, caller, deps }: CommandContext): Promise<void> {
    const me = caller.aadObjectId ?? '';
    const c = await caseOfThread(turn, deps);
    const allowed = c !== null && sameTenant(c, caller.tenantId) && (isLeadMediator(c, me) || isProviderAdmin(deps.config.adminAllowlist, me));
    if (!c || !allowed) {
      await turn.sendActivity(notice('Not allowed', "You can't use that here: the lead mediator or a provider admin exports a case, in its thread.", 'warning'));
      return;
    }
    await sendExportLinks(deps, caller, turn.activity.conversation.id, { caseId: c.id }, `Export of case ${c.caseReference}`);
    await recordAudit(deps, c.id, me, 'export.created');
    await turn.sendActivity(notice('Export ready', `I have sent you two one-time links in our 1:1 chat, valid for ${EXPORT_LINK_HOURS} hours.`, 'success'));
  },
};
