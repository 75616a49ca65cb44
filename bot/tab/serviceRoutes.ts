/**
 * The service view's API (docs/service-view.md): the figures as JSON, the cases behind one
 * figure, and the whole view as CSV. Only for provider admins and mediators (serviceAccess.ts),
 * and only over the caller's tenant's cases.
 */
import type { Request, Response, Server } from 'restify';
import { dashboardLink } from '../../domain/dashboard';
import { londonDate } from '../../domain/londonTime';
import { buildServiceReport, loadServiceData, serviceCases, serviceCsv, type ServiceAccessAnswer, type ServiceQuery, type ServiceReport } from '../../domain/service';
import { recordAudit } from '../audit/recordAudit';
import { storeServiceSources } from '../service/storeSources';
import type { BotDeps } from '../deps';
import type { Caller } from './identity';
import { mayViewService, SERVICE_REFUSAL } from './serviceAccess';
import { parseServiceQuery, serviceQueryString } from './serviceQuery';

export type ApiHandler = (req: Request, res: Response, caller: Caller) => Promise<void>;
export type ApiWrapper = (handler: ApiHandler) => (req: Request, res: Response) => Promise<void>;
export type SendJson = (res: Response, status: number, body: unknown) => void;

export function registerServiceRoutes(server: Server, deps: BotDeps, api: ApiWrapper, sendJson: SendJson): void {
  const appId = deps.config.credentials?.appId;
  const linkFor = (caseId: string) => dashboardLink(caseId, { ...(appId ? { appId } : {}), baseUrl: deps.publicBaseUrl() });

  /** Checks who is asking and what; answers 403 or 400 itself and returns undefined. */
  const prepare = async (req: Request, res: Response, caller: Caller): Promise<{ report: ServiceReport; figure?: string } | undefined> => {
    if (!(await mayViewService(caller, deps))) {
      deps.log.info({ kind: 'service-refused' }, 'service view refused');
      sendJson(res, 403, { error: SERVICE_REFUSAL });
      return undefined;
    }
    const now = deps.now();
    const parsed = parseServiceQuery(req.url, londonDate(now));
    if (!parsed.ok) {
      sendJson(res, 400, { error: parsed.message });
      return undefined;
    }
    const report = await serviceReport(parsed.query, caller, now);
    return { report, ...(parsed.figure !== undefined ? { figure: parsed.figure } : {}) };
  };

  const serviceReport = async (query: ServiceQuery, caller: Caller, now: Date): Promise<ServiceReport> => {
    const data = await loadServiceData(storeServiceSources(deps.store, deps.calendar), { ...(caller.tenantId !== undefined ? { tenantId: caller.tenantId } : {}), from: query.from, to: query.to });
    return buildServiceReport(data, query, { now, calendar: deps.calendar, csvUrl: `/tab/api/service.csv?${serviceQueryString(query)}`, linkFor });
  };

  /** Case references shown are reads of those cases, logged before they are sent, as the case list's are. */
  const logListed = (caseIds: readonly string[], caller: Caller) => Promise.all([...new Set(caseIds)].map((id) => recordAudit(deps, id, caller.aadObjectId, 'cases.listed')));

  // The page asks this to show or hide its Service entry: no figures are built and no case is read.
  server.get(
    '/tab/api/service/access',
    api(async (_req, res, caller) => {
      const answer: ServiceAccessAnswer = { allowed: await mayViewService(caller, deps) };
      sendJson(res, 200, answer);
    }),
  );

  server.get(
    '/tab/api/service',
    api(async (req, res, caller) => {
      const ready = await prepare(req, res, caller);
      if (!ready) return;
      await logListed(ready.report.answer.late.map((l) => l.caseId), caller);
      sendJson(res, 200, ready.report.answer);
    }),
  );

  server.get(
    '/tab/api/service/cases',
    api(async (req, res, caller) => {
      const ready = await prepare(req, res, caller);
      if (!ready) return;
      const answer = ready.figure === undefined ? undefined : serviceCases(ready.report, ready.figure, linkFor);
      if (!answer) {
        sendJson(res, 400, { error: 'Say which figure: figure must be one of the keys the service view gave.' });
        return;
      }
      await logListed(answer.cases.map((c) => c.caseId), caller);
      sendJson(res, 200, answer);
    }),
  );

  server.get(
    '/tab/api/service.csv',
    api(async (req, res, caller) => {
      const ready = await prepare(req, res, caller);
      if (!ready) return;
      // Counts only, no case named: nothing to log per case.
      deps.log.info({ kind: 'service-exported', from: ready.report.period.from, to: ready.report.period.to }, 'service view exported');
      const body = `\ufeff${serviceCsv(ready.report)}`;
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Referrer-Policy', 'no-referrer');
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="service-view-${ready.report.period.from}-to-${ready.report.period.to}.csv"`);
      res.status(200);
      res.end(body);
    }),
  );
}
