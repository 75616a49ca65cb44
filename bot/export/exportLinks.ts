import { exportLinksCard } from '../../cards/exportLinksCard';
import { createAccessToken, hashAccessToken } from '../../domain/certificate';
import { formatLondonDateTime } from '../../domain/londonTime';
import { EXPORT_LINK_HOURS } from '../../storage/exportLinkStore';
import { cardActivity } from '../cases/caseCards';
import type { BotDeps } from '../deps';
import type { Caller } from '../turnInfo';

/** Makes the two one-time links (page and JSON) for `target` and sends them to the requester's 1:1 chat only. */
export async function sendExportLinks(
  deps: Pick<BotDeps, 'store' | 'now' | 'publicBaseUrl' | 'proactive'>,
  caller: Caller,
  viaConversationId: string,
  target: { readonly caseId: string } | { readonly personId: string },
  title: string,
): Promise<void> {
  const expiresAt = new Date(deps.now().getTime() + EXPORT_LINK_HOURS * 3600_000);
  const base = deps.publicBaseUrl().replace(/\/+$/, '');
  const link = async (format: 'html' | 'json'): Promise<string> => {
    const token = createAccessToken();
    await deps.store.exportLinks.create({ _id: hashAccessToken(token), ...target, format, createdBy: caller.aadObjectId ?? '', expiresAt });
    return `${base}/exports/${token}`;
  };
  const htmlUrl = await link('html');
  const jsonUrl = await link('json');
  await deps.proactive.sendToPerson(
    { aadObjectId: caller.aadObjectId, channelAccountId: caller.channelAccountId },
    viaConversationId,
    cardActivity(exportLinksCard({ title, htmlUrl, jsonUrl, expiresText: formatLondonDateTime(expiresAt) })),
  );
}
