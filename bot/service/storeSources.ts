import type { Calendar } from '../../domain/timescales';
import { actionFactsFromMeetings, type ServiceSources } from '../../domain/service';
import type { ServiceScope } from '../../domain/service/sources';
import { REACH_DAYS } from '../../domain/service/measures';
import { shiftDays } from '../../domain/service/period';
import type { ServiceRecord } from '../../domain/service/serviceRecord';
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
 * Each case is found by one indexed query on a date: its referral day (the LA being told, for the
 * 30 days, referrals and the time to the meeting; or the day it was opened without that date), its ending
 * (withdrawals), a session started or closed, or a certificate issued. What is counted of each
 * case comes from its service record (storage/serviceRecordStore.ts): one small document per
 * case, kept beside its case, sessions, certificates and outcome.
 *
 * Made for one answer: the records actionProgress reads are kept for records() to use again.
 */
export function storeServiceSources(store: Pick<AppStore, 'meetings' | 'certificates' | 'serviceRecords' | 'followUp'>, calendar: Calendar): ServiceSources {
  const records = new Map<string, ServiceRecord>();
  const read = async (caseIds: readonly string[], tenantId: string | undefined): Promise<void> => {
    const missing = [...new Set(caseIds)].filter((id) => !records.has(id));
    for (const r of await store.serviceRecords.getMany(missing, tenantId)) records.set(r.c.id, r);
  };
  // The cases found by their own dates, read once: actionProgress reads only the agreed cases not among them.
  const byDate = new Map<string, Promise<readonly ServiceRecord[]>>();
  const casesByDate = (scope: ServiceScope): Promise<readonly ServiceRecord[]> => {
    const key = `${scope.tenantId ?? ''}|${scope.from}|${scope.to}`;
    const known = byDate.get(key);
    if (known) return known;
    const reading = (async () => {
      const found = (
        await Promise.all([
          // The LA being told in reach of the period (the 30 days, referrals, the time to the meeting), or the opening of a case without that date.
          store.serviceRecords.between('referredOn', shiftDays(scope.from, -REACH_DAYS), scope.to, scope.tenantId),
          store.serviceRecords.between('ending.date', scope.from, scope.to, scope.tenantId),
        ])
      ).flat();
      for (const r of found) records.set(r.c.id, r);
      return found;
    })();
    byDate.set(key, reading);
    return reading;
  };
  return {
    async records(scope, alsoCases) {
      const [from, to] = instants(scope.from, scope.to);
      const [closeFrom] = instants(shiftDays(scope.from, -CLOSE_BACK), scope.to);
      const [found, started, closed, issued] = await Promise.all([
        casesByDate(scope),
        store.meetings.caseIdsBetween('startedAt', from, to),
        store.meetings.caseIdsBetween('close.closedAt', closeFrom, to),
        store.certificates.caseIdsIssuedBetween(scope.from, scope.to),
      ]);
      const more = [...started, ...closed, ...issued, ...alsoCases];
      await read(more, scope.tenantId);
      const ids = new Set([...found.map((r) => r.c.id), ...more]);
      const counted = [...ids].flatMap((id) => records.get(id) ?? []);
      return {
        cases: counted.map((r) => r.c),
        meetings: counted.flatMap((r) => r.sessions),
        certificates: counted.flatMap((r) => r.certificates),
        outcomes: counted.flatMap((r) => (r.outcome ? [r.outcome] : [])),
        records: counted,
      };
    },

    // The LA's actions as agreed at the meeting, then as followed through: the date in force (a new
    // date the family agreed) and the day it was done.
    async actionProgress(scope) {
      const [, to] = instants(scope.from, scope.to);
      const [agreed] = await Promise.all([store.meetings.caseIdsAgreedBetween(`${shiftDays(scope.from, -ACTIONS_BACK)}T00:00:00.000Z`, to), casesByDate(scope)]);
      await read(agreed, scope.tenantId);
      const planned = actionFactsFromMeetings(agreed.flatMap((id) => records.get(id)?.sessions ?? []), calendar);
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
