/**
 * Links between the bot's cards, the dashboard tab and the case's conversations. Pure string
 * building, so the card, the tab and the tests agree on one spelling.
 */

/** The personal tab's entity id in the manifest (staticTabs). */
export const MY_CASES_ENTITY_ID = 'mycases';
/** Path of the tab page on the bot's server. */
export const TAB_PATH = '/tab/';

/**
 * Teams entity deep link to the "My cases" tab, opened at one case: Teams hands `subEntityId`
 * to the tab in its context (page.subPageId), and the tab opens that case.
 * https://learn.microsoft.com/microsoftteams/platform/concepts/build-and-test/deep-link-application
 */
export function teamsTabDeepLink(appId: string, caseId: string, entityId: string = MY_CASES_ENTITY_ID): string {
  const context = encodeURIComponent(JSON.stringify({ subEntityId: caseId }));
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}?context=${context}`;
}

/** The standalone page (local mode) opened at one case. */
export function localDashboardLink(baseUrl: string, caseId: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${TAB_PATH}?case=${encodeURIComponent(caseId)}`;
}

/** Where the case card's "Open in dashboard" goes: the Teams tab when the bot has an app id, else the local page. */
export function dashboardLink(caseId: string, options: { readonly appId?: string; readonly baseUrl: string }): string {
  return options.appId ? teamsTabDeepLink(options.appId, caseId) : localDashboardLink(options.baseUrl, caseId);
}

/**
 * Link to a channel thread. The case stores the thread's conversation id
 * (`19:…@thread.tacv2;messageid=<root>`) and the root activity id; Teams' message deep link wants
 * the channel id and the root message id.
 */
export function threadDeepLink(thread: { readonly conversationId: string; readonly rootActivityId: string }, tenantId?: string): string {
  const channelId = thread.conversationId.split(';')[0] ?? thread.conversationId;
  const params = new URLSearchParams({ parentMessageId: thread.rootActivityId });
  if (tenantId) params.set('tenantId', tenantId);
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${encodeURIComponent(thread.rootActivityId)}?${params.toString()}`;
}

/** Link to the person's 1:1 chat with the bot, where their cards are. */
export function botChatDeepLink(appId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`28:${appId}`)}`;
}
