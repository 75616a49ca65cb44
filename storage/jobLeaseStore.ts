import type { DocCollection, IndexSpec } from './collection';

/**
 * Once-a-day jobs run by every instance (the purge): a lease so that one instance does the day's
 * run. A claim succeeds only when the day's run has not finished and nobody holds an unexpired
 * lease; an instance that stops mid-run loses its lease when it expires, and another finishes.
 */
export interface JobLeaseDoc {
  _id: string;
  holder: string;
  /** ISO instant the lease runs out. */
  until: string;
  /** YYYY-MM-DD of the last finished run. */
  lastRunDay: string;
}

export const JOB_LEASES_COLLECTION = 'job_leases';
export const jobLeaseIndexes: readonly IndexSpec[] = [];

export class JobLeaseStore {
  constructor(private readonly docs: DocCollection<JobLeaseDoc>) {}

  /** True when `holder` now holds today's run of `job` until `now + leaseMs`. */
  async claim(job: string, holder: string, today: string, now: Date, leaseMs: number): Promise<boolean> {
    // Creating the document is itself a claim: the unique _id lets one instance in.
    const until = new Date(now.getTime() + leaseMs).toISOString();
    if (await this.docs.insertOne({ _id: job, holder, until, lastRunDay: '' })) return true;
    const taken = await this.docs.updateOne({ _id: job, until: { $lt: now.toISOString() }, lastRunDay: { $lt: today } }, { holder, until });
    if (taken !== 1) return false;
    // Two instances may both have seen the lease expired; the document says who won.
    return (await this.docs.findById(job))?.holder === holder;
  }

  /** Marks today's run finished and lets the lease go. */
  async finish(job: string, holder: string, today: string, now: Date): Promise<void> {
    await this.docs.updateOne({ _id: job, holder }, { lastRunDay: today, until: now.toISOString() });
  }
}
