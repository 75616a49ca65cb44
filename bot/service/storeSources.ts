import type { Calendar } from '../../domain/timescales';
import { sameTenant } from '../../domain/cases';
import type { Meeting } from '../../domain/meeting';
import { actionFactsFromMeetings, type ServiceSources } from '../../domain/service';
import { REACH_DAYS } from '../../domain/service/measures';
import { shiftDays } from '../../domain/service/period';
import type { AppStore } from '../../storage/appStore';

/** Instants a day either side of a period: London's day starts an hour before UTC's in summer. */
function instants(from: string, to: string): [string, string] {
  return [`${shiftDays(from, -1)}T00:00:00.000Z`, `${shiftDays(to, 1)}T23:59:59.999Z`];
}

/** Slack before the period for clocks that run into it: the 30 days, and a certificate's 3 working days over Christmas. */
const CLOSE_BACK = 14;
/** Agreed actions fall due up to a year after the agreement (T13c's 20 weeks, or a date agreed further out). */
const ACTIONS_BACK = 366;

/**
 * The service view's sources over the product's stores (docs/service-view.md#how-it-is-read).
 * Each case is found by one indexed query on a date: the LA being told (the 30 days, referrals,
 * the time to the meeting), the day it was opened (referrals without that date), its ending
 * (withdrawals), a session started or closed, or a certificate issued. Then each case found is
 * read once with all its sessions, certificates and outcome record.
 *
 * Made for one answer: the sessions actionProgress reads are kept for records() to use again, so
 * no session is read twice.
 */
export function storeServiceSources(store: Pick<AppStore, 'cases' | 'meetings' | 'certificates' | 'outcomes' | 'followUp'>, calendar: Calendar): ServiceSources {
  const sessions = new Map<string, Meeting[]>();
  const sessionsOf = async (caseIds: readonly string[]): Promise<Meeting[]> => {
    const missing = caseIds.filter((id) => !sessions.has(id));
    for (const id of missing) sessions.set(id, []);
    for (const m of await store.meetings.listForCases(missing)) sessions.get(m.caseId)?.push(m);
    return caseIds.flatMap((id) => sessions.get(id) ?? []);
  };
  return {
    async records(scope, alsoCases) {
      const [from, to] = instants(scope.from, scope.to);
      const [closeFrom] = instants(shiftDays(scope.from, -CLOSE_BACK), scope.to);
      const [informed, openedWithoutDate, ended, started, closed, issued] = await Promise.all([
        store.cases.listBetween('dates.laInformed', shiftDays(scope.from, -REACH_DAYS), scope.to, scope.tenantId),
        store.cases.listBetween('createdAt', from, to, scope.tenantId, { withoutLaInformed: true }),
        store.cases.listBetween('ending.date', scope.from, scope.to, scope.tenantId),
        store.meetings.caseIdsBetween('startedAt', from, to),
        store.meetings.caseIdsBetween('close.closedAt', closeFrom, to),
        store.certificates.caseIdsIssuedBetween(scope.from, scope.to),
      ]);
      const known = new Map([...informed, ...openedWithoutDate, ...ended].map((c) => [c.id, c]));
      const more = [...new Set([...started, ...closed, ...issued, ...alsoCases])].filter((id) => !known.has(id));
      for (const c of await store.cases.getMany(more, scope.tenantId)) known.set(c.id, c);
      // The provider key's tenant, compared as sameTenant does (case-insensitively), after the indexed range.
      const cases = [...known.values()].filter((c) => scope.tenantId === undefined || sameTenant(c, scope.tenantId));
      const ids = cases.map((c) => c.id);
      const [meetings, certificates] = await Promise.all([sessionsOf(ids), store.certificates.listFactsForCases(ids)]);
      // Outcome records are large snapshots: read only those of cases with a session closed in reach of the period.
      const closedIds = new Set(closed);
      const outcomes = await store.outcomes.getMany(ids.filter((id) => closedIds.has(id)));
      return { cases, meetings, certificates, outcomes };
    },

    // The LA's actions as agreed at the meeting, then as followed through: the date in force (a new
    // date the family agreed) and the day it was done.
    async actionProgress(scope) {
      const [, to] = instants(scope.from, scope.to);
      const agreed = await store.meetings.caseIdsAgreedBetween(`${shiftDays(scope.from, -ACTIONS_BACK)}T00:00:00.000Z`, to);
      const planned = actionFactsFromMeetings(await sessionsOf(agreed), calendar);
      const progress = new Map((await store.followUp.listActionProgress([...new Set(planned.map((a) => a.caseId))])).map((p) => [`${p.caseId}|${p.actionId}`, p]));
      return planned
        .map((a) => {
          const p = progress.get(`${a.caseId}|${a.actionId}`);
          return p ? { ...a, dueDate: p.dueDate, ...(p.doneOn ? { doneOn: p.doneOn } : {}) } : a;
        })
        .filter((a) => a.dueDate >= scope.from && a.dueDate <= scope.to);
    },

    async feedback(scope) {
      // Answers carry their tenant and no case; local mode (no tenant) has no answers to show.
      return scope.tenantId ? store.followUp.listFeedback(scope.tenantId, scope.from, scope.to) : [];
    },
  };
}
