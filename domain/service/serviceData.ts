import type { ServiceCase } from './serviceRecord';
import type { CertificateFacts } from '../certificate';
import type { ServiceOutcome, ServiceSession } from './serviceRecord';
import type { ActionProgressFact, FeedbackFact } from './facts';
import type { CaseRecordSet } from './measures';

/**
 * What the service view counts, as read for one tenant and period (bot/service/storeSources.ts):
 * every case with something in the period, with all its sessions, certificates and outcome,
 * and the action and feedback facts of the period.
 */
export interface ServiceData {
  readonly cases: readonly ServiceCase[];
  readonly meetings: readonly ServiceSession[];
  readonly certificates: readonly CertificateFacts[];
  readonly outcomes: readonly ServiceOutcome[];
  /** Agreed LA actions due in the period. */
  readonly actions: readonly ActionProgressFact[];
  /** Answers given in the period. */
  readonly feedback: readonly FeedbackFact[];
  /** The same cases with their records, when the source already holds them so (the service records): not grouped again. */
  readonly records?: readonly CaseRecordSet[];
}

/** The records of each case, sessions in order. */
export function recordSets(data: ServiceData): readonly CaseRecordSet[] {
  if (data.records) return data.records;
  const sessions = new Map<string, ServiceSession[]>();
  for (const m of data.meetings) sessions.set(m.caseId, [...(sessions.get(m.caseId) ?? []), m]);
  const certificates = new Map<string, CertificateFacts[]>();
  for (const x of data.certificates) certificates.set(x.caseId, [...(certificates.get(x.caseId) ?? []), x]);
  const outcomes = new Map(data.outcomes.map((o) => [o.caseId, o]));
  return data.cases.map((c) => {
    const outcome = outcomes.get(c.id);
    return {
      c,
      sessions: (sessions.get(c.id) ?? []).sort((a, b) => a.session - b.session),
      certificates: certificates.get(c.id) ?? [],
      ...(outcome ? { outcome } : {}),
    };
  });
}
