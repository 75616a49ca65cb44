import type { Request, Response } from 'restify';
import { LINK_ACTOR } from '../../domain/audit';
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from '../../domain/certificate';
import { caseExport, caseExportHtml, personCaseExport, personExport, personExportSections, recordsHtml } from '../../domain/export';
import type { AppStore } from '../../storage/appStore';
import { withAuditPlace } from '../../storage/auditPlace';
import type { ExportLinkDoc } from '../../storage/exportLinkStore';
import type { Logger } from '../logger';

/** How many of a person's cases one export covers (listForUser's page). */
const PERSON_CASES_MAX = 500;

interface Built {
  readonly name: string;
  readonly json: unknown;
  readonly html: string;
}

async function buildCase(store: AppStore, caseId: string, now: Date): Promise<Built | null> {
  const c = await store.cases.get(caseId);
  if (!c) return null;
  await withAuditPlace('page', () => store.auditLog.append({ by: LINK_ACTOR, action: 'export.viewed' }, c.id, now));
  const e = caseExport(c.id, c.caseReference, await store.caseRecords.read(c.id), now);
  return { name: `case-${c.id}`, json: e, html: caseExportHtml(e) };
}

async function buildPerson(store: AppStore, aadObjectId: string, now: Date): Promise<Built> {
  const cases = await store.cases.listForUser(aadObjectId, PERSON_CASES_MAX);
  const parts = [];
  for (const c of cases) {
    await withAuditPlace('page', () => store.auditLog.append({ by: LINK_ACTOR, action: 'export.viewed', subject: `person:${aadObjectId}` }, c.id, now));
    parts.push(personCaseExport(c, aadObjectId, await store.caseRecords.read(c.id)));
  }
  const e = personExport(aadObjectId, parts, await store.conversations.listPersonal(aadObjectId), now);
  return { name: `person-${aadObjectId}`, json: e, html: recordsHtml('Everything stored about one person', e.exportedAt, personExportSections(e)) };
}

function build(store: AppStore, link: ExportLinkDoc, now: Date): Promise<Built | null> {
  if (link.caseId) return buildCase(store, link.caseId, now);
  if (link.personId) return buildPerson(store, link.personId, now);
  return Promise.resolve(null);
}

/**
 * GET /exports/:token: a one-time export link. Taking the link deletes it, so a second open (or a
 * copy of the URL) gets the same "not valid" page as a made-up one. Never cached, never framed.
 * Opening it is logged in each case it covers.
 */
export function exportPage(store: AppStore, log: Logger, now: () => Date) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = String(req.params.token ?? '');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    const link = ACCESS_TOKEN_PATTERN.test(token) ? await store.exportLinks.take(hashAccessToken(token), now()) : null;
    const built = link ? await build(store, link, now()) : null;
    if (!link || !built) {
      log.info({ kind: 'export-link-refused' }, 'unknown, used or expired export link');
      res.status(404);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('This export link is not valid: it has been used, has expired, or never existed. Ask for a new export.');
      return;
    }
    res.status(200);
    if (link.format === 'json') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="${built.name}.json"`);
      res.end(JSON.stringify(built.json, null, 2));
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.end(built.html);
  };
}
