import { hasEnded, type Case } from '../cases';
import { addCalendarMonths, isoFromDayNumber, parseIsoDate, type IsoDate } from '../timescales';

/**
 * Retention (UK GDPR Art 5(1)(e), storage limitation): a case is deleted a set number of
 * months after it ended (closed or cancelled), unless a provider admin has put it on legal hold.
 * No period is set in law for SEND mediation records; the default (72 months, 6 years: the
 * limitation period for most civil claims, and what family mediation services publish) is a
 * starting point the provider must replace with its own documented policy.
 */
export const DEFAULT_RETENTION_MONTHS = 72;

/** The first day the case may be purged, or undefined while it has not ended. */
export function purgeDueOn(c: Case, retentionMonths: number): IsoDate | undefined {
  if (!hasEnded(c) || !c.ending) return undefined;
  return isoFromDayNumber(addCalendarMonths(parseIsoDate(c.ending.date), retentionMonths));
}

export type PurgeDecision = { readonly due: true } | { readonly due: false; readonly why: 'running' | 'retained' | 'legal_hold' };

export function purgeDecision(c: Case, retentionMonths: number, today: IsoDate): PurgeDecision {
  const dueOn = purgeDueOn(c, retentionMonths);
  if (dueOn === undefined) return { due: false, why: 'running' };
  if (dueOn > today) return { due: false, why: 'retained' };
  if (c.legalHold) return { due: false, why: 'legal_hold' };
  return { due: true };
}

/** A certificate register entry is kept this long after the certificate's issue date. */
export function registerExpired(issueDate: IsoDate, registerMonths: number, today: IsoDate): boolean {
  return isoFromDayNumber(addCalendarMonths(parseIsoDate(issueDate), registerMonths)) <= today;
}
