import type { Request, Response } from 'restify';
import { LINK_ACTOR } from '../../domain/audit';
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from '../../domain/certificate';
import { caseExport, caseExportHtml } from '../../domain/export';
import type { AppStore } from '../../storage/appStore';
import { withAuditPlace } from '../../storage/auditPlace';
import type { Logger } from '../logger';

/**
 * GET /exports/:token: a one-time export link. Taking the link deletes it, so a second open (or a
 * copy of the URL) gets the same "not valid" page as a made-up one. Never cached, never framed.
 */
export function exportPage(store: AppStore, log: Logger, now: () => Date) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = String(req.params.token ?? '');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    const link = ACCESS_TOKEN_PATTERN.test(token) ? await store.exportLinks.take(hashAccessToken(token), now()) : null;
    const c = link ? await store.cases.get(link.caseId) : null;
    if (!link || !c) {
      log.info({ kind: 'export-link-refused' }, 'unknown, used or expired export link');
      res.status(404);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('This export link is not valid: it has been used, has expired, or never existed. Ask for a new export.');
      return;
    }
    await withAuditPlace('page', () => store.auditLog.append({ by: LINK_ACTOR, action: 'export.viewed', detail: link.format }, c.id, now()));
    const exported = caseExport(c.id, c.caseReference, await store.caseRecords.read(c.id), now());
    res.status(200);
    if (link.format === 'json') {
      res.setHeader('Content-Type', 'application/json; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="case-${c.id}.json"`);
      res.end(JSON.stringify(exported, null, 2));
      return;
    }
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
    res.end(caseExportHtml(exported));
  };
}
