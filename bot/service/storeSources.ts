import type { Calendar } from '../../domain/timescales';
import { sameTenant } from '../../domain/cases';
import { actionFactsFromMeetings, type ServiceScope, type ServiceSources } from '../../domain/service';
import { shiftDays } from '../../domain/service/period';
import type { AppStore } from '../../storage/appStore';

/** Instants a day either side of the period: London's day starts an hour before UTC's in summer. */
function instantRange(scope: ServiceScope): [string, string] {
  return [`${shiftDays(scope.from, -1)}T00:00:00.000Z`, `${shiftDays(scope.to, 1)}T23:59:59.999Z`];
}

/** Slack before the period for clocks that run into it: the 30 days, and a certificate's 3 working days over Christmas. */
const THIRTY_DAYS_BACK = 31;
const CLOSE_BACK = 14;
/** Agreed actions fall due up to a year after the agreement (T13c's 20 weeks, or a date agreed further out). */
const ACTIONS_BACK = 366;

/**
 * The service view's sources over the product's stores. Each read is one indexed query on a
 * date (docs/service-view.md#how-it-is-read); the cases found are then read with all their
 * sessions, certificates and outcome records by id.
 *
 * actionProgress and feedback are stand-ins until the after-the-meeting feature's stores land:
 * the lead plugs them in here (see the report of issue 18).
 */
export function storeServiceSources(store: Pick<AppStore, 'cases' | 'meetings' | 'certificates' | 'outcomes'>, calendar: Calendar): ServiceSources {
  return {
    async records(scope, alsoCases) {
      const [from, to] = instantRange(scope);
      const closeFrom = `${shiftDays(scope.from, -CLOSE_BACK)}T00:00:00.000Z`;
      const [informed, created, ended, started, closed, issued] = await Promise.all([
        store.cases.listBetween('dates.laInformed', shiftDays(scope.from, -THIRTY_DAYS_BACK), scope.to, scope.tenantId),
        store.cases.listBetween('createdAt', from, to, scope.tenantId),
        store.cases.listBetween('ending.date', scope.from, scope.to, scope.tenantId),
        store.meetings.listBetween('startedAt', from, to),
        store.meetings.listBetween('close.closedAt', closeFrom, to),
        store.certificates.listIssuedBetween(scope.from, scope.to),
      ]);
      const known = new Map([...informed, ...created, ...ended].map((c) => [c.id, c]));
      const more = [...new Set([...started, ...closed, ...issued].map((x) => x.caseId).concat(alsoCases))].filter((id) => !known.has(id));
      for (const c of await store.cases.getMany(more, scope.tenantId)) known.set(c.id, c);
      // The provider key's tenant, compared as sameTenant does (case-insensitively), after the indexed range.
      const cases = [...known.values()].filter((c) => scope.tenantId === undefined || sameTenant(c, scope.tenantId));
      const ids = cases.map((c) => c.id);
      const [meetings, certificates, outcomes] = await Promise.all([store.meetings.listForCases(ids), store.certificates.listForCases(ids), store.outcomes.getMany(ids)]);
      return { cases, meetings, certificates, outcomes };
    },

    // STAND-IN: replace with the after-the-meeting feature's action progress store (due date in force, doneOn).
    async actionProgress(scope) {
      const closed = await store.meetings.listBetween('close.closedAt', `${shiftDays(scope.from, -ACTIONS_BACK)}T00:00:00.000Z`, `${shiftDays(scope.to, 1)}T23:59:59.999Z`);
      return actionFactsFromMeetings(closed, calendar).filter((a) => a.dueDate >= scope.from && a.dueDate <= scope.to);
    },

    // STAND-IN: replace with the after-the-meeting feature's feedback store (answers given in the period, this tenant only).
    async feedback() {
      return [];
    },
  };
}
