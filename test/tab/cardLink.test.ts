/** "Open in dashboard" on the case card, and the deep links it and the tab use. */
import { caseCard } from '../../cards/caseCard';
import { toCaseCardView } from '../../cards/caseView';
import { botChatDeepLink, dashboardLink, teamsTabDeepLink, threadDeepLink } from '../../domain/dashboard';
import { caseFlow } from '../bot/caseFlow';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { PG, storeCase } from './tabFixtures';

const APP = '11111111-2222-4333-8444-555555555555';

describe('deep links', () => {
  it('opens the personal tab at the case: Teams passes subEntityId to the tab', () => {
    const link = teamsTabDeepLink(APP, 'case_123');
    const url = new URL(link);
    expect(url.origin + url.pathname).toBe(`https://teams.microsoft.com/l/entity/${APP}/mycases`);
    expect(JSON.parse(url.searchParams.get('context') ?? '')).toEqual({ subEntityId: 'case_123' });
  });

  it('uses the local page when the bot has no app id', () => {
    expect(dashboardLink('case_123', { baseUrl: 'http://localhost:3978/' })).toBe('http://localhost:3978/tab/?case=case_123');
    expect(dashboardLink('case_123', { appId: APP, baseUrl: 'http://localhost:3978' })).toBe(teamsTabDeepLink(APP, 'case_123'));
  });

  it('links a channel thread by channel id and root message, and a party to their chat with the bot', () => {
    const link = new URL(threadDeepLink({ conversationId: '19:abc@thread.tacv2;messageid=1700000000000', rootActivityId: '1700000000000' }, 'tenant-1'));
    expect(decodeURIComponent(link.pathname)).toBe('/l/message/19:abc@thread.tacv2/1700000000000');
    expect(link.searchParams.get('parentMessageId')).toBe('1700000000000');
    expect(link.searchParams.get('tenantId')).toBe('tenant-1');
    expect(botChatDeepLink(APP)).toBe(`https://teams.microsoft.com/l/chat/0/0?users=28%3A${APP}`);
  });
});

describe('the case card', () => {
  it('has "Open in dashboard" only when given a link', async () => {
    const t = await startTestBot();
    try {
      const c = await storeCase(t.bot.store, { reference: 'SM-CARD', mediator: PG.maya, createdAt: new Date('2026-12-01T09:00:00Z') });
      const withLink = caseCard(toCaseCardView(c, [], 'v1', { dashboardUrl: 'https://example.org/tab/?case=x' }));
      expect(withLink.actions).toContainEqual({ type: 'Action.OpenUrl', title: 'Open in dashboard', url: 'https://example.org/tab/?case=x' });
      const without = caseCard(toCaseCardView(c, [], 'v1'));
      expect(JSON.stringify(without)).not.toContain('Open in dashboard');
    } finally {
      await t.stop();
    }
  });

  describe('posted by the running bot', () => {
    let t: TestBot;
    beforeAll(async () => {
      t = await startTestBot();
    });
    afterAll(async () => t.stop());

    it('links to the local dashboard page at that case', async () => {
      const flow = caseFlow(t);
      const c = await flow.openCase('SM-LINK');
      const res = await flow.say('status');
      expect(res.status).toBe(200);
      await t.bot.app.deps.background.idle();
      const sent = JSON.stringify(t.connector.delivered());
      expect(sent).toContain('Open in dashboard');
      expect(sent).toContain(`${t.bot.url}/tab/?case=${c.id}`);
    });
  });
});
