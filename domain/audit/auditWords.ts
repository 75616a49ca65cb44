import { mediatorFor, partyFor, PARTY_ROLE_LABELS, type Case } from '../cases';
import { formatLondonDateTime } from '../londonTime';
import { AUDIT_ACTIONS, AUDIT_PLACES, LINK_ACTOR, SYSTEM_ACTOR } from './auditActions';
import type { AuditRecord } from './auditEntry';

/** One entry as the `audit` card says it. */
export interface AuditLine {
  /** "Priya Shah (Local authority officer)". */
  readonly who: string;
  /** "viewed the outcome". */
  readonly what: string;
  /** "in a 1:1 chat"; empty when the place was not recorded. */
  readonly where: string;
  /** "Thu 3 Dec 2026 at 14:05", Europe/London. */
  readonly when: string;
}

/**
 * Names come from the case as it is now, never from the log (the log holds ids only), so a
 * person who has left the case, or been forgotten, is described without a name.
 */
export function whoDid(c: Case, by: string): string {
  if (by === SYSTEM_ACTOR) return 'The bot';
  if (by === LINK_ACTOR) return 'Someone with the link';
  const mediator = mediatorFor(c, by);
  if (mediator) return `${mediator.displayName} (${mediator.lead ? 'lead mediator' : 'co-mediator'})`;
  const party = partyFor(c, by);
  if (party) return `${party.displayName} (${PARTY_ROLE_LABELS[party.role]})`;
  return 'Someone no longer in the case';
}

export function auditLine(c: Case, entry: AuditRecord): AuditLine {
  return {
    who: whoDid(c, entry.by),
    what: AUDIT_ACTIONS[entry.action],
    where: AUDIT_PLACES[entry.via],
    when: formatLondonDateTime(new Date(entry.at)),
  };
}
