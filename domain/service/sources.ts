import type { IsoDate } from '../timescales';
import type { ActionProgressFact, FeedbackFact } from './facts';
import type { ServiceData } from './serviceData';

/** Whose records and which days: the caller's tenant (none in local mode: this computer's store). */
export interface ServiceScope {
  readonly tenantId?: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
}

/**
 * Where the service view reads from (bot/service/storeSources.ts implements it over the stores).
 * The after-the-meeting feature owns the action progress and the feedback; the view only counts them.
 */
export interface ServiceSources {
  /**
   * The tenant's cases with anything in the period, plus `alsoCases` (of the tenant only),
   * each with all its sessions, certificates and outcome record.
   */
  records(scope: ServiceScope, alsoCases: readonly string[]): Promise<Pick<ServiceData, 'cases' | 'meetings' | 'certificates' | 'outcomes' | 'records'>>;
  /** The local authorities' agreed actions due in the period, of any tenant: the view keeps its own cases'. */
  actionProgress(scope: ServiceScope): Promise<ActionProgressFact[]>;
  /** Feedback answers given in the period, in the tenant only (a fact carries no case to check it by). */
  feedback(scope: ServiceScope): Promise<FeedbackFact[]>;
}

/** Everything the view counts, read through the sources. */
export async function loadServiceData(sources: ServiceSources, scope: ServiceScope): Promise<ServiceData> {
  const [actions, feedback] = await Promise.all([sources.actionProgress(scope), sources.feedback(scope)]);
  const records = await sources.records(scope, [...new Set(actions.map((a) => a.caseId))]);
  // records() keeps only the tenant's cases; actions of any other case go no further.
  const ours = new Set(records.cases.map((c) => c.id));
  return { ...records, actions: actions.filter((a) => ours.has(a.caseId)), feedback };
}
