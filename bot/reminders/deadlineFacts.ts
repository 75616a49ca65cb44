import type { Case } from '../../domain/cases';
import type { DeadlineFacts } from '../../domain/reminders';
import type { AppStore } from '../../storage/appStore';

const earliest = (values: readonly (string | undefined)[]): string | undefined =>
  values.filter((v): v is string => v !== undefined).sort()[0];

/**
 * The facts a case's deadlines need that live outside the case record: when the outcome was
 * first published (T8 done), when the amended plan arrived (T9 done), when the first
 * certificate was issued (T2/T6(b)/T7 done, T17 starts), and when the requested changes went
 * to the LA (T10 done). Read fresh each time, so a recomputation is the same whatever order
 * the writes happened in.
 */
export async function deadlineFactsFor(c: Case, store: Pick<AppStore, 'outcomes' | 'certificates' | 'preparation'>): Promise<DeadlineFacts> {
  const [outcome, certificates, changes] = await Promise.all([
    store.outcomes.get(c.id),
    store.certificates.listForCase(c.id),
    store.preparation.listChanges(c.id),
  ]);
  const outcomePublishedAt = earliest(outcome?.versions.map((v) => v.publishedAt) ?? []);
  const amendedPlanSuppliedAt = earliest(outcome?.amendedPlans.map((p) => p.suppliedAt) ?? []);
  const certificateIssued = earliest(certificates.map((x) => x.originalIssueDate));
  const noMediation = certificates.find((x) => x.noMediation)?.noMediation?.toldOn;
  const cannotArrange = certificates.find((x) => x.cannotArrange)?.cannotArrange?.cannotMeetOn;
  const requestedChangesSentAt = earliest(changes.map((ch) => ch.sentAt));
  return {
    ...(outcomePublishedAt ? { outcomePublishedAt } : {}),
    ...(amendedPlanSuppliedAt ? { amendedPlanSuppliedAt } : {}),
    ...(certificateIssued ? { certificateIssued } : {}),
    ...(noMediation ? { adviserToldNoMediation: noMediation } : {}),
    ...(cannotArrange ? { adviserToldCannotArrange: cannotArrange } : {}),
    ...(requestedChangesSentAt ? { requestedChangesSentAt } : {}),
  };
}
