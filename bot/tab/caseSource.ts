/**
 * Everything stored about a case that the dashboard needs, read from the stores that own it,
 * in the shape domain/dashboard takes.
 */
import { isMediator, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { termsStatus } from '../../domain/terms';
import { botChatDeepLink, dashboardLink, threadDeepLink, type CaseLinks, type DashboardSource } from '../../domain/dashboard';
import { preparationBoard } from '../../domain/preparation';
import type { BotDeps } from '../deps';
import { actionFollowUpFacts, deadlineFactsOf } from '../reminders/deadlineFacts';

export type SourceDeps = Pick<BotDeps, 'store' | 'terms' | 'calendar' | 'now' | 'config' | 'publicBaseUrl'>;

export async function dashboardSource(c: Case, deps: SourceDeps): Promise<DashboardSource> {
  const [acks, meeting, outcome, certificates, records, changes, tracked, progress] = await Promise.all([
    deps.store.acknowledgements.listForCase(c.id),
    deps.store.meetings.current(c.id),
    deps.store.outcomes.get(c.id),
    deps.store.certificates.listForCase(c.id),
    deps.store.preparation.listRecords(c.id),
    deps.store.preparation.listChanges(c.id),
    deps.store.reminders.listForCase(c.id),
    deps.store.followUp.listForCase(c.id),
  ]);
  const statuses = termsStatus(c, acks, deps.terms.version);
  // The same board the case card summarises (bot/cases/caseCards.ts boardFor), from the records read above.
  const board = preparationBoard(c, statuses, records, changes, londonDate(deps.now()), deps.calendar);
  const publishedAt = outcome?.versions[0]?.publishedAt;
  const latest = [...certificates].sort((a, b) => (a.issuedAt < b.issuedAt ? 1 : -1))[0];
  return {
    c,
    meeting,
    facts: { ...deadlineFactsOf(outcome, certificates, changes), ...actionFollowUpFacts(progress) },
    actionProgress: progress,
    doneDeadlineIds: new Set(tracked.deadlines.filter((d) => d.done !== undefined).map((d) => d.deadlineId)),
    board,
    termsStatuses: statuses,
    ...(publishedAt ? { outcomePublishedOn: londonDate(new Date(publishedAt)) } : {}),
    ...(latest ? { certificate: { issueDate: latest.issueDate, ...(latest.appeal.appealBy ? { appealBy: latest.appeal.appealBy } : {}) } } : {}),
  };
}

/** The links a viewer gets: mediators go to the thread, parties to their chat with the bot (Teams only). */
export function linksFor(c: Case, viewer: string, deps: Pick<SourceDeps, 'config' | 'publicBaseUrl'>): CaseLinks {
  const appId = deps.config.credentials?.appId;
  const dashboard = dashboardLink(c.id, { ...(appId ? { appId } : {}), baseUrl: deps.publicBaseUrl() });
  if (isMediator(c, viewer) && c.thread && appId) {
    return { dashboard, conversation: threadDeepLink(c.thread, deps.config.credentials?.tenantId), conversationLabel: 'Open the case thread' };
  }
  if (appId) return { dashboard, conversation: botChatDeepLink(appId), conversationLabel: 'Open your chat with the bot' };
  return { dashboard };
}
