/**
 * The dashboard tab on the bot's own server: the built page (tab/ → tab/dist by
 * scripts/build-tab.ts) and its JSON API. Every API request is identified afresh (bot/tab/identity.ts)
 * and a case is answered only to its mediators and parties.
 */
import { withAuditPlace } from '../../storage/auditPlace';
import { recordAudit } from '../audit/recordAudit';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { canViewCase, ID_PATTERN, sameTenant } from '../../domain/cases';
import { caseDetail, caseSummary, sortSummaries, type CaseListAnswer, type TabSettings } from '../../domain/dashboard';
import { londonDate } from '../../domain/londonTime';
import { formatDate } from '../../domain/timescales';
import type { BotApp } from '../app';
import { dashboardSource, linksFor } from './caseSource';
import { identify, isLocalMode, isLoopbackAddress, isLoopbackHost, LOCAL_USER_HEADER, type Caller, type IdentityDeps } from './identity';
import { findRepoFile, loadPlaygroundUsers, type LocalUser } from './localUsers';
import { registerServiceRoutes } from './serviceRoutes';
import { remoteSigningKeys, type SigningKeys } from './ssoToken';

export interface TabRouteOptions {
  /** Tests inject a generated key pair; otherwise the configured key set URL is used. */
  readonly keys?: SigningKeys;
  readonly localUsers?: readonly LocalUser[];
  /** Where the built page is; default: tab/dist above this file. */
  readonly distDir?: string;
}

/** Most cases a list shows; a mediator with more sees the most recently changed. */
const LIST_LIMIT = 200;

const STATIC_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'config.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'config.js': 'text/javascript; charset=utf-8',
  'styles.css': 'text/css; charset=utf-8',
};

/** Teams shows tabs in frames on these origins (and in its desktop and mobile clients, which load the same). */
const TEAMS_FRAME_ANCESTORS = [
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.office.com',
  'https://*.cloud.microsoft',
  'https://*.skype.com',
];

export const PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  // teams-js checks Teams' origins against a list it fetches from Microsoft's CDN.
  "connect-src 'self' https://res.cdn.office.net",
  "base-uri 'none'",
  "form-action 'none'",
  `frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`,
].join('; ');

const CaseIdSchema = z.string().regex(ID_PATTERN);

function header(req: Request, name: string): string | undefined {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Vary', `Authorization, ${LOCAL_USER_HEADER}`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.status(status);
  res.json(body);
}

export function registerTabRoutes(server: Server, app: BotApp, options: TabRouteOptions = {}): void {
  const { deps } = app;
  const { config, log } = deps;
  const distDir = options.distDir ?? path.join(path.dirname(findRepoFile('tab/index.html') ?? path.resolve('tab/index.html')), 'dist');
  const keys = options.keys ?? remoteSigningKeys({ url: config.tabJwksUrl });
  let localUsers: readonly LocalUser[] | undefined = options.localUsers;
  const identityDeps: IdentityDeps = {
    config,
    keys,
    now: deps.now,
    // Read once, and only in local mode: with credentials the playground file means nothing.
    localUsers: () => (localUsers ??= loadPlaygroundUsers()),
  };

  const facts = (req: Request) => ({
    authorization: header(req, 'authorization'),
    localUser: header(req, LOCAL_USER_HEADER),
    remoteAddress: req.socket.remoteAddress,
    host: header(req, 'host'),
  });

  /** Runs an API handler for an identified caller; any other answer is 401/403 and says nothing about cases. */
  const api = (handler: (req: Request, res: Response, caller: Caller) => Promise<void>) => async (req: Request, res: Response): Promise<void> => {
    try {
      const who = await identify(facts(req), identityDeps);
      if (!who.ok) {
        log.info({ kind: 'tab-refused', status: who.status }, 'dashboard request refused');
        sendJson(res, who.status, { error: who.message });
        return;
      }
      await withAuditPlace('tab', () => handler(req, res, who.caller));
    } catch (err) {
      log.error({ err: (err as Error).message }, 'dashboard request failed');
      sendJson(res, 500, { error: 'Something went wrong. Try again in a moment.' });
    }
  };

  const serveStatic = (file: string) => async (_req: Request, res: Response): Promise<void> => {
    const type = STATIC_FILES[file];
    let body: Buffer;
    try {
      if (!type) throw new Error('not a tab file');
      body = await readFile(path.join(distDir, file));
    } catch {
      res.status(type ? 503 : 404);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(type ? 'The dashboard is not built. Run: npm run build:tab' : 'Not found');
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', type);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    // The page is small and changes with each deployment; revalidating keeps Teams from showing an old one.
    res.setHeader('Cache-Control', 'no-cache');
    if (type.startsWith('text/html')) {
      res.setHeader('Content-Security-Policy', PAGE_CSP);
      // Teams frames the tab: frame-ancestors above says where; the server-wide DENY would contradict it.
      res.removeHeader('X-Frame-Options');
    }
    res.end(body);
  };

  server.get('/tab', serveStatic('index.html'));
  server.get('/tab/', serveStatic('index.html'));
  server.get('/tab/:file', async (req: Request, res: Response) => serveStatic(String(req.params.file ?? ''))(req, res));

  server.get('/tab/api/settings', async (req: Request, res: Response) => {
    const local = isLocalMode(config);
    // The mock users are offered only to this machine, as the API accepts them only from it.
    const here = isLoopbackAddress(req.socket.remoteAddress) && isLoopbackHost(header(req, 'host'));
    const body: TabSettings = local ? { mode: 'local', ...(here ? { localUsers: identityDeps.localUsers() } : {}) } : { mode: 'teams' };
    sendJson(res, 200, body);
  });

  server.get(
    '/tab/api/cases',
    api(async (_req, res, caller) => {
      const now = deps.now();
      const cases = (await deps.store.cases.listForUser(caller.aadObjectId, LIST_LIMIT)).filter((c) => canViewCase(c, caller.aadObjectId) && (caller.tenantId === undefined || sameTenant(c, caller.tenantId)));
      const rows = await Promise.all(
        cases.map(async (c) =>
          caseSummary(await dashboardSource(c, deps), { viewer: caller.aadObjectId, now, calendar: deps.calendar, links: linksFor(c, caller.aadObjectId, deps) }),
        ),
      );
      // The list shows each case's stage and dates: a read of each, logged before it is sent.
      await Promise.all(cases.map((c) => recordAudit(deps, c.id, caller.aadObjectId, 'cases.listed')));
      const today = londonDate(now);
      const body: CaseListAnswer = {
        today,
        todayText: formatDate(today),
        viewer: caller.displayName ? { displayName: caller.displayName } : {},
        cases: sortSummaries(rows),
      };
      sendJson(res, 200, body);
    }),
  );

  server.get(
    '/tab/api/cases/:caseId',
    api(async (req, res, caller) => {
      const id = CaseIdSchema.safeParse(req.params.caseId);
      const c = id.success ? await deps.store.cases.get(id.data) : null;
      // One answer for "no such case" and "not yours": nobody learns which cases exist.
      const otherTenant = c !== null && caller.tenantId !== undefined && !sameTenant(c, caller.tenantId);
      if (!c || otherTenant || !canViewCase(c, caller.aadObjectId)) {
        log.info({ kind: 'tab-case-refused' }, 'dashboard case refused');
        sendJson(res, 403, { error: 'You are not part of this case, or it does not exist.' });
        return;
      }
      await recordAudit(deps, c.id, caller.aadObjectId, 'dashboard.viewed');
      const detail = caseDetail(await dashboardSource(c, deps), {
        viewer: caller.aadObjectId,
        now: deps.now(),
        calendar: deps.calendar,
        links: linksFor(c, caller.aadObjectId, deps),
      });
      sendJson(res, 200, detail);
    }),
  );

  registerServiceRoutes(server, deps, api, sendJson);
}

/** The URL `npm start` prints for the standalone dashboard. */
export function dashboardUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/tab/`;
}
