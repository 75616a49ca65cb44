import { actionsListCard } from '../../cards/actionsListCard';
import { toActionsListView, type RequestedChangeSummary } from '../../cards/actionViews';
import { checklistCard } from '../../cards/checklistCard';
import { toChecklistView } from '../../cards/meetingView';
import type { AdaptiveCard } from '../../cards/adaptive';
import type { Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import type { Meeting } from '../../domain/meeting';
import { PLAN_SECTION_LABELS, LA_POSITION_LABELS } from '../../domain/preparation';
import type { BotDeps } from '../deps';

/** The case's sent requested changes as the meeting cards name them. */
export async function changeSummaries(c: Case, deps: Pick<BotDeps, 'store'>): Promise<RequestedChangeSummary[]> {
  const changes = await deps.store.preparation.listChanges(c.id);
  return changes
    .filter((ch) => ch.sentAt !== undefined)
    .map((ch) => ({
      changeId: ch.changeId,
      label: `Change ${ch.number}: section ${ch.section} (${PLAN_SECTION_LABELS[ch.section]}), ${ch.location}`,
      ...(ch.currentWording ? { currentWording: ch.currentWording } : {}),
      requestedWording: ch.requestedWording,
      ...(ch.laPosition ? { laPositionText: `LA position before the meeting: ${LA_POSITION_LABELS[ch.laPosition]}` } : {}),
    }));
}

export async function checklistFor(c: Case, m: Meeting, deps: BotDeps, viewer?: string): Promise<AdaptiveCard> {
  const changes = await changeSummaries(c, deps);
  return checklistCard(toChecklistView(c, m, { ...(viewer ? { viewer } : {}), requestedChangeCount: changes.length }));
}

export async function actionsListFor(c: Case, m: Meeting, deps: BotDeps, viewer?: string): Promise<AdaptiveCard> {
  return actionsListCard(
    toActionsListView(c, m, { today: londonDate(deps.now()), changes: await changeSummaries(c, deps), calendar: deps.calendar, ...(viewer ? { viewer } : {}) }),
  );
}
