import { isMediator, type Case, type RandomBytes } from '../cases';
import { createAccessToken, hashAccessToken } from '../certificate';

/**
 * Each person's link to the meeting's calendar invitation: the certificate page's pattern (a
 * 256-bit token in the address, only its SHA-256 stored). A link belongs to one person in one
 * case; it stops working when they leave the case, and each person keeps the few newest links.
 */
export const CALENDAR_LINKS_KEPT = 5;

/** Who a link was made for: a party by their id in the case, or a mediator by their AAD id. */
export type CalendarHolder = { readonly kind: 'party'; readonly partyId: string } | { readonly kind: 'mediator'; readonly aadObjectId: string };

export interface CalendarLink {
  /** SHA-256 (hex) of the token. */
  readonly tokenHash: string;
  readonly caseId: string;
  /** `party:<partyId>` or `mediator:<aad id, lower case>`. */
  readonly holder: string;
  readonly createdAt: Date;
}

export function holderKey(holder: CalendarHolder): string {
  return holder.kind === 'party' ? `party:${holder.partyId}` : `mediator:${holder.aadObjectId.toLowerCase()}`;
}

/** A new link: the token for the address (returned once) and the record to store. */
export function newCalendarLink(caseId: string, holder: CalendarHolder, now: Date, random?: RandomBytes): { token: string; link: CalendarLink } {
  const token = createAccessToken(random);
  return { token, link: { tokenHash: hashAccessToken(token), caseId, holder: holderKey(holder), createdAt: now } };
}

/** Whether the link's holder is still in the case (a party removed, or a mediator replaced, loses access). */
export function holderStillInCase(c: Case, holder: string): boolean {
  if (holder.startsWith('party:')) return c.parties.some((p) => `party:${p.partyId}` === holder);
  if (holder.startsWith('mediator:')) return isMediator(c, holder.slice('mediator:'.length));
  return false;
}
