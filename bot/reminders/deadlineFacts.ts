import type { Case } from '../../domain/cases';
import type { Certificate } from '../../domain/certificate';
import type { ActionProgress } from '../../domain/followUp';
import type { OutcomeRecord } from '../../domain/outcome';
import type { RequestedChange } from '../../domain/preparation';
import type { DeadlineFacts } from '../../domain/reminders';
import type { AppStore } from '../../storage/appStore';

const earliest = (values: readonly (string | undefined)[]): string | undefined =>
  values.filter((v): v is string => v !== undefined).sort()[0];

/**
 * The facts a case's deadlines need that live outside the case record: when the outcome was
 * first published (T8 done), when the amended plan arrived (T9 done), when the first
 * certificate was issued (T2/T6(b)/T7 done, T17 starts), and when the requested changes went
 * to the LA (T10 done). Earliest of each, so the result does not depend on write order.
 */
export function deadlineFactsOf(
  outcome: OutcomeRecord | null | undefined,
  certificates: readonly Certificate[],
  changes: readonly Pick<RequestedChange, 'sentAt'>[],
): DeadlineFacts {
  const outcomePublishedAt = earliest(outcome?.versions.map((v) => v.publishedAt) ?? []);
  const amendedPlanSuppliedAt = earliest(outcome?.amendedPlans.map((p) => p.suppliedAt) ?? []);
  const certificateIssued = earliest(certificates.map((x) => x.originalIssueDate));
  const adviserToldNoMediation = earliest(certificates.map((x) => x.noMediation?.toldOn));
  const adviserToldCannotArrange = earliest(certificates.map((x) => x.cannotArrange?.cannotMeetOn));
  const requestedChangesSentAt = earliest(changes.map((ch) => ch.sentAt));
  return {
    ...(outcomePublishedAt ? { outcomePublishedAt } : {}),
    ...(amendedPlanSuppliedAt ? { amendedPlanSuppliedAt } : {}),
    ...(certificateIssued ? { certificateIssued } : {}),
    ...(adviserToldNoMediation ? { adviserToldNoMediation } : {}),
    ...(adviserToldCannotArrange ? { adviserToldCannotArrange } : {}),
    ...(requestedChangesSentAt ? { requestedChangesSentAt } : {}),
  };
}

/** The same, read fresh from the stores that own each fact. */
export async function deadlineFactsFor(c: Case, store: Pick<AppStore, 'outcomes' | 'certificates' | 'preparation' | 'followUp'>): Promise<DeadlineFacts> {
  const [outcome, certificates, changes, progress] = await Promise.all([
    store.outcomes.get(c.id),
    store.certificates.listForCase(c.id),
    store.preparation.listChanges(c.id),
    store.followUp.listForCase(c.id),
  ]);
  return { ...deadlineFactsOf(outcome, certificates, changes), ...actionFollowUpFacts(progress) };
}

/** Moved dates and finished actions, by action id (only those that change a deadline). */
export function actionFollowUpFacts(progress: readonly ActionProgress[]): DeadlineFacts {
  const moved = progress.filter((p) => p.agreedNewDate !== undefined || p.doneOn !== undefined);
  if (moved.length === 0) return {};
  return {
    actionProgress: Object.fromEntries(
      moved.map((p) => [p.actionId, { ...(p.agreedNewDate ? { agreedNewDate: p.agreedNewDate } : {}), ...(p.doneOn ? { doneOn: p.doneOn } : {}) }]),
    ),
  };
}
