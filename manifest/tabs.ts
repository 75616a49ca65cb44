/**
 * The dashboard tab's manifest entries (docs/tab.md). They need the bot's public host: Teams
 * loads tab pages over https from a domain listed in validDomains, and the SSO resource is
 * named after that host.
 */
import type { TeamsManifestV1D25 } from '@microsoft/app-manifest';
import { MY_CASES_ENTITY_ID } from '../domain/dashboard/deepLinks';

type Manifest = TeamsManifestV1D25.TeamsManifestV1D25;

export function tabEntries(appId: string, host: string): Pick<Manifest, 'staticTabs' | 'configurableTabs' | 'webApplicationInfo'> {
  const base = `https://${host}/tab`;
  return {
    staticTabs: [
      // The bot's chat stays the first tab of the personal app.
      { entityId: 'conversations', scopes: ['personal'] },
      { entityId: MY_CASES_ENTITY_ID, name: 'My cases', contentUrl: `${base}/?view=personal`, websiteUrl: `${base}/?view=personal`, scopes: ['personal'] },
    ],
    configurableTabs: [{ configurationUrl: `${base}/config.html`, canUpdateConfiguration: false, scopes: ['team'], context: ['channelTab'] }],
    // Teams SSO: getAuthToken() returns a token for this resource; the bot verifies it with jose (bot/tab/ssoToken.ts).
    webApplicationInfo: { id: appId, resource: `api://${host}/${appId}` },
  };
}
