import { changeFormCard } from '../../cards/changeFormCard';
import { changeReviewCard, toChangeReviewView } from '../../cards/changeReviewCard';
import { changesSummaryCard, toChangesSummaryView } from '../../cards/changesSummaryCard';
import type { AdaptiveCard } from '../../cards/adaptive';
import { isMediator, partyFor, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { REQUESTER_ROLES, requesterParties, type ChangeErrors, type ChangeFormValues, type RequestedChange } from '../../domain/preparation';
import type { BotDeps } from '../deps';

/** The requested-change form; a mediator also picks which family member asks for the change. */
export function changeFormFor(
  c: Case,
  viewer: string,
  extra: { change?: RequestedChange; values?: ChangeFormValues; errors?: ChangeErrors } = {},
): AdaptiveCard {
  const requesters = isMediator(c, viewer) ? requesterParties(c).map((p) => ({ partyId: p.partyId, displayName: p.displayName })) : undefined;
  return changeFormCard({
    caseId: c.id,
    caseReference: c.caseReference,
    ...(extra.change ? { changeId: extra.change.changeId, number: extra.change.number, sent: extra.change.sentAt !== undefined } : {}),
    ...(extra.values ? { values: extra.values } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(requesters ? { requesters } : {}),
  });
}

/** Counts by position, what needs discussion, and the warnings; buttons by what the viewer may do. */
export async function changesSummaryFor(c: Case, viewer: string, deps: BotDeps): Promise<AdaptiveCard> {
  const changes = await deps.store.preparation.listChanges(c.id);
  const role = partyFor(c, viewer)?.role;
  const mediator = isMediator(c, viewer);
  return changesSummaryCard(
    toChangesSummaryView(c, changes, londonDate(deps.now()), {
      showReview: mediator || role === 'la_officer',
      showAdd: mediator || (role !== undefined && REQUESTER_ROLES.has(role)),
      calendar: deps.calendar,
    }),
  );
}

/** One sent change for review: the one asked for, else the first without an LA position, else the first. */
export async function reviewCardFor(c: Case, deps: BotDeps, changeId?: string): Promise<AdaptiveCard | undefined> {
  const changes = await deps.store.preparation.listChanges(c.id);
  const sent = changes.filter((ch) => ch.sentAt !== undefined);
  const change = changeId ? sent.find((ch) => ch.changeId === changeId) : (sent.find((ch) => ch.laPosition === undefined) ?? sent[0]);
  return change ? changeReviewCard(toChangeReviewView(c, change, changes, deps.now(), deps.calendar)) : undefined;
}

/** Who may see the review cards: the LA officer and the mediators (positions are internal to the mediation). */
export function mayReview(c: Case, viewer: string): boolean {
  return isMediator(c, viewer) || partyFor(c, viewer)?.role === 'la_officer';
}
