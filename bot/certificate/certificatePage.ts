import type { Request, Response } from 'restify';
import { LINK_ACTOR } from '../../domain/audit';
import { withAuditPlace } from '../../storage/auditPlace';
import { certificateHtml, hashAccessToken, verifyCertificateToken } from '../../domain/certificate';
import type { AppStore } from '../../storage/appStore';
import type { Logger } from '../logger';

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * GET /certificates/:token: the printable certificate the family keeps. The token in the link
 * is the only key (only its hash is stored), so the page is never cached, indexed or leaked
 * through a Referer header.
 */
export function certificatePage(store: AppStore, log: Logger) {
  return async (req: Request, res: Response): Promise<void> => {
    const token = String(req.params.token ?? '');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    const cert = TOKEN.test(token) ? await store.certificates.findByTokenHash(hashAccessToken(token)) : null;
    if (!cert || !verifyCertificateToken(cert, token)) {
      log.info({ kind: 'certificate-link-refused' }, 'unknown certificate link');
      res.status(404);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('This certificate link is not valid. Ask your mediator for a new link.');
      return;
    }
    await withAuditPlace('page', () => store.auditLog.append({ by: LINK_ACTOR, action: 'certificate.viewed', subject: `certificate:${cert.number}` }, cert.caseId, new Date()));
    res.status(200);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'");
    res.end(certificateHtml(cert));
  };
}
