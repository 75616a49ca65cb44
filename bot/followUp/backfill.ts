import type { BotDeps } from '../deps';
import { startFollowUp } from './startFollowUp';

/** The marker of the one-time start-up job below (storage/storeMarkers.ts). */
export const FOLLOW_UP_BACKFILL = 'followUp.backfill.v1';

export interface BackfillReport {
  readonly cases: number;
  readonly actions: number;
}

/**
 * Once, on the first start of the version that follows agreed actions through: cases whose
 * outcome was published before it (still at "Outcome issued" or "Certificate issued") start
 * following their actions as if the outcome had just been published, owners' cards included, but
 * without feedback cards (those belong to the moment of publishing). Verified by counts: the
 * marker is set only when every agreed action of those cases has its record, so an interrupted
 * run is finished at the next start. Undefined when it had already run or could not finish.
 */
export async function backfillFollowUp(deps: BotDeps): Promise<BackfillReport | undefined> {
  if (await deps.store.markers.get(FOLLOW_UP_BACKFILL)) return undefined;
  let cases = 0;
  let expected = 0;
  let found = 0;
  for (const c of await deps.store.cases.listInStates(['OUTCOME_ISSUED', 'CERTIFICATE_ISSUED'])) {
    const outcome = await deps.store.outcomes.get(c.id);
    if (!outcome || outcome.versions.length === 0) continue;
    const meeting = await deps.store.meetings.current(c.id);
    const agreed = meeting?.close?.outcome === 'full' || meeting?.close?.outcome === 'partial';
    const skipped = await startFollowUp(c, meeting, false, deps);
    cases += 1;
    // An action with no due date is reported when skipped, and not waited for at every start.
    expected += agreed ? (meeting?.actions.length ?? 0) - skipped : 0;
    found += (await deps.store.followUp.listForCase(c.id)).length;
  }
  if (found < expected) {
    deps.log.warn({ expected, found }, 'agreed actions of earlier outcomes not all followed; the next start tries again');
    return undefined;
  }
  await deps.store.markers.set(FOLLOW_UP_BACKFILL, { cases, actions: found }, deps.now());
  if (cases > 0) deps.log.info({ cases, actions: found }, 'agreed actions of earlier outcomes are now followed');
  return { cases, actions: found };
}
