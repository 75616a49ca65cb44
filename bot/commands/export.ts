import { exportLinksCard } from '../../cards/exportLinksCard';
import { createAccessToken, hashAccessToken } from '../../domain/certificate';
import { isLeadMediator, sameTenant } from '../../domain/cases';
import { formatLondonDateTime } from '../../domain/londonTime';
import { isProviderAdmin } from '../../domain/retention';
import { EXPORT_LINK_HOURS } from '../../storage/exportLinkStore';
import { recordAudit } from '../audit/recordAudit';
import { cardActivity, notice } from '../cases/caseCards';
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
    const now = deps.now();
    const expiresAt = new Date(now.getTime() + EXPORT_LINK_HOURS * 3600_000);
    const base = deps.publicBaseUrl().replace(/\/+$/, '');
    const link = async (format: 'html' | 'json'): Promise<string> => {
      const token = createAccessToken();
      await deps.store.exportLinks.create({ _id: hashAccessToken(token), caseId: c.id, format, createdBy: me, expiresAt });
      return `${base}/exports/${token}`;
    };
    const [htmlUrl, jsonUrl] = [await link('html'), await link('json')];
    await recordAudit(deps, c.id, me, 'export.created');
    await deps.proactive.sendToPerson(
      { aadObjectId: caller.aadObjectId, channelAccountId: caller.channelAccountId },
      turn.activity.conversation.id,
      cardActivity(exportLinksCard({ caseReference: c.caseReference, htmlUrl, jsonUrl, expiresText: formatLondonDateTime(expiresAt) })),
    );
    await turn.sendActivity(notice('Export ready', `I have sent you two one-time links in our 1:1 chat, valid for ${EXPORT_LINK_HOURS} hours.`, 'success'));
  },
};
