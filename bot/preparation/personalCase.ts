import { partyFor, type Case, type Party } from '../../domain/cases';
import type { BotDeps } from '../deps';

/**
 * In a 1:1 chat there is no thread to say which case is meant: take the caller's most
 * recently changed case in which they hold a party role that `accept` allows.
 */
export async function callerCase(
  deps: BotDeps,
  aadObjectId: string | undefined,
  accept: (c: Case, party: Party) => boolean,
): Promise<{ c: Case; party: Party } | undefined> {
  if (!aadObjectId) return undefined;
  for (const c of await deps.store.cases.listForUser(aadObjectId)) {
    const party = partyFor(c, aadObjectId);
    if (party && accept(c, party)) return { c, party };
  }
  return undefined;
}
