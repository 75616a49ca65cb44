import type { Request, Response } from 'restify';
import { holderStillInCase } from '../../domain/calendar';
import { ACCESS_TOKEN_PATTERN, hashAccessToken } from '../../domain/certificate';
import type { AppStore } from '../../storage/appStore';
import type { Logger } from '../logger';

/** The right-hand side of every invitation's UID: fixed, so a UID outlives a change of PUBLIC_BASE_URL. */
export const CALENDAR_UID_DOMAIN = 'send-mediation.invalid';

/**
 * GET /calendar/<token>.ics: the meeting's calendar invitation, always as it stands now (a
 * moved meeting gives the same UID with a higher SEQUENCE). The token is the only key, as for
 * the certificate page: never cached, indexed or passed on in a Referer header.
 */
export function calendarPage(store: AppStore, log: Logger, options: { now: () => Date; uidDomain: () => string }) {
  return async (req: Request, res: Response): Promise<void> => {
    const file = String(req.params.file ?? '');
    const token = file.endsWith('.ics') ? file.slice(0, -'.ics'.length) : file;
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Robots-Tag', 'noindex, nofollow');
    const refuse = (status: number, text: string): void => {
      res.status(status);
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end(text);
    };
    const link = ACCESS_TOKEN_PATTERN.test(token) ? await store.calendarLinks.findByTokenHash(hashAccessToken(token)) : null;
    const c = link ? await store.cases.get(link.caseId) : null;
    if (!link || !c || !holderStillInCase(c, link.holder)) {
      log.info({ kind: 'calendar-link-refused' }, 'unknown calendar link');
      refuse(404, 'This calendar link is not valid. Send "my cases" to the bot in Teams for a new one.');
      return;
    }
    // Loaded by the first invitation served, not at start-up: ical-generator and its zone tables.
    const { meetingInvitation } = await import('../../domain/calendar/meetingInvitation');
    const ics = meetingInvitation(c, { now: options.now(), uidDomain: options.uidDomain() });
    if (!ics) {
      refuse(409, "The meeting's date and time are not fixed yet. Your mediator will tell you when they are.");
      return;
    }
    res.status(200);
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="mediation-meeting.ics"');
    res.end(ics);
  };
}
