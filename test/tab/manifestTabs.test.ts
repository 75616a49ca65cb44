/** The dashboard's entries in the Teams app manifest, validated offline against the bundled 1.25 schema. */
import { buildManifest, validateManifest } from '../../manifest/build';

const BOT = '1b2c3d4e-5f60-4a7b-8c9d-0e1f2a3b4c5d';

describe('manifest: dashboard tabs', () => {
  const manifest = buildManifest({ botId: BOT, version: '1.2.3', publicHost: 'mediation-bot.example.org' });

  it('passes the schema with the tabs in', async () => {
    expect(await validateManifest(manifest)).toEqual([]);
  });

  it('has the personal "My cases" tab after the chat, on the bot host', () => {
    expect(manifest.staticTabs).toEqual([
      { entityId: 'conversations', scopes: ['personal'] },
      expect.objectContaining({ entityId: 'mycases', name: 'My cases', contentUrl: 'https://mediation-bot.example.org/tab/?view=personal', scopes: ['personal'] }),
    ]);
  });

  it('has the channel "Cases" tab with the configuration page the bot serves', () => {
    expect(manifest.configurableTabs).toEqual([
      { configurationUrl: 'https://mediation-bot.example.org/tab/config.html', canUpdateConfiguration: false, scopes: ['team'], context: ['channelTab'] },
    ]);
  });

  it('declares the SSO resource for the bot app id, on a valid domain', () => {
    expect(manifest.webApplicationInfo).toEqual({ id: BOT, resource: `api://mediation-bot.example.org/${BOT}` });
    expect(manifest.validDomains).toEqual(['mediation-bot.example.org']);
  });

  it('leaves the tabs out without a public host (there is nowhere to load them from)', async () => {
    const local = buildManifest({ botId: BOT, version: '1.2.3' });
    expect(local.staticTabs).toBeUndefined();
    expect(local.configurableTabs).toBeUndefined();
    expect(local.webApplicationInfo).toBeUndefined();
    expect(await validateManifest(local)).toEqual([]);
  });
});
