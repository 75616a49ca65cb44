import { randomUUID } from 'node:crypto';
import { hasEnded, memberIdsOf, type Case } from '../../domain/cases';
import { londonDate } from '../../domain/londonTime';
import { purgeDecision, purgeDueOn } from '../../domain/retention';
import { addCalendarMonths, isoFromDayNumber, parseIsoDate } from '../../domain/timescales';
import type { RecordCounts } from '../../storage/caseRecords';
import type { BotDeps } from '../deps';
import { forgetDialogAbout } from './forgetDialog';

export interface PurgePlanItem {
  readonly caseId: string;
  readonly caseReference: string;
  /** YYYY-MM-DD the case ended. */
  readonly endedOn: string;
  readonly counts: RecordCounts;
}

export interface PurgeRun {
  readonly day: string;
  readonly purged: readonly PurgePlanItem[];
  readonly registerRemoved: number;
  /** Sent, failed or cancelled reminders past SENT_REMINDER_RETENTION_DAYS. */
  readonly remindersRemoved: number;
}

export const PURGE_JOB = 'purge';
/** Long enough for a day's purge; an instance that stops mid-run frees the job after this. */
export const PURGE_LEASE_MS = 10 * 60 * 1000;

type PurgeDeps = Pick<BotDeps, 'store' | 'config' | 'log' | 'now'>;

/** "cases 1, meetings 2, audit_log 57": the non-zero counts, for the tombstone and the dry run. */
export function countsText(counts: RecordCounts): string {
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ');
}

/**
 * The daily purge (docs/operations.md "Retention and purge"). Every instance checks every
 * PURGE_CHECK_MINUTES whether today's run is done; a lease in the store lets exactly one run it.
 * Each ended case past its retention and not on legal hold loses every record (storage/caseRecords.ts),
 * its certificates' numbers go to the register, the 1:1 chat references of people in no other live
 * case go, and one tombstone stays in the audit log.
 */
export class PurgeService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private readonly holder = randomUUID();

  /** `daily`: other once-a-day work run under the same lease (the follow-up sweep, bot/followUp). */
  constructor(
    private readonly deps: PurgeDeps,
    private readonly daily: () => Promise<unknown> = async () => undefined,
  ) {}

  start(): void {
    const minutes = this.deps.config.purgeCheckMinutes;
    if (minutes <= 0 || this.timer) return;
    this.timer = setInterval(() => {
      this.running = this.runIfDue().catch((err: unknown) => this.deps.log.error({ err: (err as Error).message }, 'purge failed'));
    }, minutes * 60_000);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** What the next run would delete (purge --dry-run). */
  async plan(): Promise<PurgePlanItem[]> {
    const today = londonDate(this.deps.now());
    const due = (await this.deps.store.cases.listEnded()).filter((c) => purgeDecision(c, this.deps.config.retentionMonths, today).due);
    const out: PurgePlanItem[] = [];
    for (const c of due) out.push({ caseId: c.id, caseReference: c.caseReference, endedOn: c.ending?.date ?? today, counts: await this.deps.store.caseRecords.count(c.id) });
    return out;
  }

  /** Runs today's purge if no instance has; undefined when another holds or finished it. */
  async runIfDue(): Promise<PurgeRun | undefined> {
    const now = this.deps.now();
    const today = londonDate(now);
    if (!(await this.deps.store.jobLeases.claim(PURGE_JOB, this.holder, today, now, PURGE_LEASE_MS))) return undefined;
    const purged: PurgePlanItem[] = [];
    for (const item of await this.plan()) {
      const c = await this.deps.store.cases.get(item.caseId);
      if (!c) continue;
      // Read again: a legal hold or an undo since the plan was made wins.
      if (!purgeDecision(c, this.deps.config.retentionMonths, today).due) continue;
      purged.push({ ...item, counts: await this.purgeCase(c, item.counts, now) });
    }
    const keepFrom = isoFromDayNumber(addCalendarMonths(parseIsoDate(today), -this.deps.config.certificateRegisterMonths));
    const registerRemoved = await this.deps.store.certificateRegister.removeIssuedBefore(keepFrom);
    const remindersRemoved = await this.deps.store.reminders.deleteFinishedBefore(new Date(now.getTime() - this.deps.config.sentReminderRetentionDays * 86_400_000));
    await this.daily().catch((err: unknown) => this.deps.log.error({ err: (err as Error).message }, 'daily follow-up sweep failed'));
    await this.deps.store.jobLeases.finish(PURGE_JOB, this.holder, today, this.deps.now());
    if (purged.length > 0 || registerRemoved > 0 || remindersRemoved > 0) this.deps.log.info({ cases: purged.length, registerRemoved, remindersRemoved }, 'purge finished');
    return { day: today, purged, registerRemoved, remindersRemoved };
  }

  private async purgeCase(c: Case, counts: RecordCounts, now: Date): Promise<RecordCounts> {
    const { store, config } = this.deps;
    for (const cert of await store.certificates.listForCase(c.id)) {
      await store.certificateRegister.register({ _id: cert.number, issueDate: cert.issueDate, caseType: cert.caseType }, now);
    }
    const policy = `RETENTION_MONTHS=${config.retentionMonths} from ${purgeDueOn(c, 0) ?? '?'} (provider configuration)`;
    // The policy first: the entry holds 300 characters, and a long list of counts must not cut it off.
    await store.auditLog.tombstone(c.id, `purged ${londonDate(now)}; ${policy}; removed ${countsText(counts)}`, now);
    const removed = await store.caseRecords.remove(c.id);
    for (const id of memberIdsOf(c)) await forgetDialogAbout(this.deps, c.id, id);
    for (const id of memberIdsOf(c)) {
      const others = (await store.cases.listForUser(id)).filter((x) => x.id !== c.id && !hasEnded(x));
      if (others.length === 0) await store.conversations.removePersonal(id);
    }
    return removed;
  }
}
