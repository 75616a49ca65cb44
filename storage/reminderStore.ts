import {
  planReminderChanges,
  TrackedDeadlineSchema,
  TrackedReminderSchema,
  type Deadline,
  type DeadlineKind,
  type DeadlineTrigger,
  type DoneMark,
  type RecipientDelivery,
  type Reminder,
  type ReminderKind,
  type ReminderStatus,
  type Responsibility,
  type Satisfied,
  type ScheduleKey,
  type TrackedDeadline,
  type TrackedReminder,
} from '../domain/reminders';
import type { RuleId } from '../domain/timescales';
import type { DocCollection, IndexSpec } from './collection';
import { CorruptDocumentError, parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';

/**
 * Deadlines and their reminders, on both backends through DocCollection only.
 *
 * Every decision is one atomic single-document write (ADR 0002), which is what makes a lease
 * work on NeDB and MongoDB alike:
 * - a claim is `updateOne({_id, queueAt <= now})`, so of several schedulers racing for a
 *   reminder exactly one matches; a crash after claiming leaves `queueAt = leaseUntil`, so
 *   the reminder comes due again when the lease runs out (a retry, not a loss);
 * - sent, failed and released are written only by the lease owner;
 * - a recomputation `$set`s a deadline's computed fields and never touches `done`, so a
 *   "Mark done" click racing with a recomputation is never lost.
 *
 * `queueAt` is the one field findDue reads: the send time while pending, the end of the
 * lease while claimed, null once the reminder is sent, failed or cancelled. One indexed range
 * query then serves both "due" and "lease expired" on both backends, and history (sent
 * reminders) never enters the query. The lower bound keeps NeDB's index from returning the
 * nulls, which its ordering puts before every date.
 */

export const DEADLINES_COLLECTION = 'reminder_deadlines';
export const REMINDERS_COLLECTION = 'reminders';

export interface DeadlineDoc {
  /** The deadlineId. */
  _id: string;
  caseId: string;
  kind: DeadlineKind;
  ruleId: RuleId | null;
  scheduleKey: ScheduleKey;
  tNumber: string | null;
  title: string;
  detail: string | null;
  why: string;
  due: string;
  dueAt: string | null;
  lastWorkingDay: string;
  ideal: string | null;
  trigger: DeadlineTrigger;
  responsible: Responsibility;
  source: string;
  escalates: boolean;
  actionId: string | null;
  satisfied: Satisfied | null;
  /** Set by markDone only; a recomputation never writes it. */
  done: DoneMark | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ReminderDoc {
  /** The reminderId. */
  _id: string;
  deadlineId: string;
  caseId: string;
  offset: string;
  kind: ReminderKind;
  title: string;
  sendAt: Date;
  status: ReminderStatus;
  queueAt: Date | null;
  owner: string | null;
  leaseUntil: Date | null;
  attempts: number;
  lastError: string | null;
  deliveredAt: Date | null;
  activityId: string | null;
  recipients: RecipientDelivery[];
  cancelReason: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export const deadlineIndexes: readonly IndexSpec[] = [{ fields: ['caseId', 'due'] }];
export const reminderIndexes: readonly IndexSpec[] = [
  // The scheduler's one range query: due, or lease run out.
  { field: 'queueAt' },
  { fields: ['caseId', 'sendAt'] },
  // A deadline marked done cancels its pending reminders. On deadlineId alone, SQLite took the
  // (status, sendAt) index for that query and read every pending reminder of every case.
  { fields: ['deadlineId', 'status'] },
  // The daily purge of reminders that went out (or were given up) long ago.
  { fields: ['status', 'sendAt'] },
];

/**
 * Below every real queue time: excludes the nulls of finished reminders from the range. Not
 * the epoch itself: NeDB compares null with a Date as the number 0, so `null >= epoch` holds.
 */
const QUEUE_FLOOR = new Date(1);
/** Bounds what one stored error says. */
const ERROR_MAX = 500;

/** Drops undefined keys at every depth: MongoDB would store them as null, which the schemas refuse. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function clip(text: string): string {
  return text.length > ERROR_MAX ? `${text.slice(0, ERROR_MAX - 1)}…` : text;
}

/** The computed part of a deadline document, with null for every absent optional field. */
function computedFields(d: Deadline): Omit<DeadlineDoc, '_id' | 'done' | 'createdAt' | 'updatedAt'> {
  return {
    caseId: d.caseId,
    kind: d.kind,
    ruleId: d.ruleId ?? null,
    scheduleKey: d.scheduleKey,
    tNumber: d.tNumber ?? null,
    title: d.title,
    detail: d.detail ?? null,
    why: d.why,
    due: d.due,
    dueAt: d.dueAt ?? null,
    lastWorkingDay: d.lastWorkingDay,
    ideal: d.ideal ?? null,
    trigger: plain(d.trigger),
    responsible: plain(d.responsible),
    source: d.source,
    escalates: d.escalates,
    actionId: d.actionId ?? null,
    satisfied: d.satisfied ? plain(d.satisfied) : null,
  };
}

function withoutNulls(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) {
    if (v === null || v === undefined) continue;
    out[k] = v instanceof Date ? v.toISOString() : v;
  }
  return out;
}

function fromDeadlineDoc(doc: DeadlineDoc): TrackedDeadline {
  const { _id, ...rest } = doc;
  return parseStored(TrackedDeadlineSchema, DEADLINES_COLLECTION, String(_id), { ...withoutNulls(rest), deadlineId: _id });
}

function fromReminderDoc(doc: ReminderDoc): TrackedReminder {
  const { _id, ...rest } = doc;
  return parseStored(TrackedReminderSchema, REMINDERS_COLLECTION, String(_id), { ...withoutNulls(rest), reminderId: _id });
}

function sameComputed(a: Deadline, b: Deadline): boolean {
  return JSON.stringify(computedFields(a)) === JSON.stringify(computedFields(b));
}

export interface DeadlineChanges {
  readonly added: number;
  readonly updated: number;
  readonly removed: number;
  readonly unchanged: number;
}

export interface SyncResult {
  readonly deadlines: DeadlineChanges;
  readonly reminders: { readonly added: number; readonly rescheduled: number; readonly cancelled: number };
  /** Deadlines whose reminders could not be worked out (the error's message), the rest were stored. */
  readonly problems: readonly { readonly deadlineId: string; readonly message: string }[];
}

export type MarkDoneResult =
  | { readonly status: 'marked'; readonly deadline: TrackedDeadline; readonly cancelledReminders: number }
  /** Someone marked it first (a double click): the stored mark is kept. */
  | { readonly status: 'already'; readonly deadline: TrackedDeadline }
  | { readonly status: 'not_found' };

/** What a delivery pass learnt, written with the outcome. */
export interface DeliveryReport {
  /** Sends tried so far, over every pass. */
  readonly attempts?: number;
  readonly activityId?: string;
  readonly recipients?: readonly RecipientDelivery[];
}

export interface CaseReminders {
  /** By due date. */
  readonly deadlines: readonly TrackedDeadline[];
  /** By send time. */
  readonly reminders: readonly TrackedReminder[];
}

/** Builds the reminders of one open deadline (remindersFor with the deployment's schedules and calendar). */
export type ReminderPlan = (deadline: TrackedDeadline) => readonly Reminder[];

export class ReminderStore {
  constructor(
    private readonly deadlines: DocCollection<DeadlineDoc>,
    private readonly reminders: DocCollection<ReminderDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
  ) {}

  // ---- deadlines ----

  /**
   * Makes the stored deadlines of a case exactly `deadlines`: new ones added, changed ones
   * updated (keeping their done mark), gone ones deleted. Returns the case's deadlines after.
   */
  async upsertDeadlines(caseId: string, deadlines: readonly Deadline[], now: Date): Promise<{ changes: DeadlineChanges; deadlines: TrackedDeadline[] }> {
    for (const d of deadlines) {
      if (d.caseId !== caseId) throw new Error(`Deadline ${d.deadlineId} belongs to another case than ${caseId}.`);
    }
    const stored = new Map((await this.deadlinesOf(caseId)).map((d) => [d.deadlineId, d]));
    const wanted = new Set(deadlines.map((d) => d.deadlineId));
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    let removed = 0;
    for (const d of deadlines) {
      const existing = stored.get(d.deadlineId);
      if (existing && sameComputed(existing, d)) {
        unchanged += 1;
        continue;
      }
      const fields = { ...computedFields(d), updatedAt: now };
      if (!existing && (await this.deadlines.insertOne({ _id: d.deadlineId, ...fields, done: null, createdAt: now }))) {
        added += 1;
        continue;
      }
      // Changed, or inserted by a racing recomputation a moment ago: $set leaves `done` alone.
      await this.deadlines.updateOne({ _id: d.deadlineId }, fields);
      updated += 1;
    }
    for (const id of stored.keys()) {
      if (wanted.has(id)) continue;
      removed += await this.deadlines.deleteOne({ _id: id });
    }
    return { changes: { added, updated, removed, unchanged }, deadlines: await this.deadlinesOf(caseId) };
  }

  /** Marks a deadline done once; its pending reminders are cancelled. A second click keeps the first mark. */
  async markDone(deadlineId: string, by: string, at: Date): Promise<MarkDoneResult> {
    const mark: DoneMark = { at: at.toISOString(), by };
    const won = (await this.deadlines.updateOne({ _id: deadlineId, done: null }, { done: mark, updatedAt: at })) === 1;
    const deadline = await this.getDeadline(deadlineId);
    if (!deadline) return { status: 'not_found' };
    if (!won) return { status: 'already', deadline };
    const cancelledReminders = await this.cancelPendingOf(deadlineId, 'the deadline was marked done', at);
    return { status: 'marked', deadline, cancelledReminders };
  }

  /** Throws CorruptDocumentError for a damaged document. */
  async getDeadline(deadlineId: string): Promise<TrackedDeadline | null> {
    const doc = await this.deadlines.findById(deadlineId);
    return doc ? fromDeadlineDoc(doc) : null;
  }

  // ---- reminders: planning ----

  /**
   * Brings the stored reminders of a case in line with a fresh computation (`reminders`,
   * past ones included): see planReminderChanges for the rules. History is never rewritten.
   */
  async upsertReminders(
    caseId: string,
    reminders: readonly Reminder[],
    titles: ReadonlyMap<string, string>,
    now: Date,
  ): Promise<SyncResult['reminders']> {
    const stored = await this.reminders.find({ caseId });
    const changes = planReminderChanges(
      stored.map((s) => ({ reminderId: s._id, status: s.status, sendAt: s.sendAt.toISOString() })),
      reminders.filter((r) => r.caseId === caseId),
      now,
    );
    let added = 0;
    let rescheduled = 0;
    let cancelled = 0;
    for (const r of changes.insert) {
      const sendAt = new Date(r.sendAt);
      const doc: ReminderDoc = {
        _id: r.reminderId,
        deadlineId: r.deadlineId,
        caseId: r.caseId,
        offset: r.offset,
        kind: r.kind,
        title: titles.get(r.deadlineId) ?? 'Deadline',
        sendAt,
        status: 'pending',
        queueAt: sendAt,
        owner: null,
        leaseUntil: null,
        attempts: 0,
        lastError: null,
        deliveredAt: null,
        activityId: null,
        recipients: [],
        cancelReason: null,
        createdAt: now,
        updatedAt: now,
      };
      // false: a racing recomputation stored it first, with the same content.
      if (await this.reminders.insertOne(doc)) added += 1;
    }
    for (const r of changes.reschedule) {
      const sendAt = new Date(r.sendAt);
      rescheduled += await this.reminders.updateOne(
        { _id: r.reminderId, status: { $in: ['pending', 'cancelled'] } },
        { status: 'pending', sendAt, queueAt: sendAt, cancelReason: null, title: titles.get(r.deadlineId) ?? 'Deadline', updatedAt: now },
      );
    }
    for (const c of changes.cancel) {
      cancelled += await this.reminders.updateOne(
        { _id: c.reminderId, status: 'pending' },
        { status: 'cancelled', queueAt: null, cancelReason: c.reason, updatedAt: now },
      );
    }
    return { added, rescheduled, cancelled };
  }

  /**
   * The whole recomputation of a case in one call: store the deadlines, then the reminders
   * `plan` gives for each open one. Called whenever a case date, the meeting or an outcome
   * fact changes; running it twice changes nothing the second time.
   */
  async syncCase(caseId: string, deadlines: readonly Deadline[], plan: ReminderPlan, now: Date): Promise<SyncResult> {
    const { changes, deadlines: tracked } = await this.upsertDeadlines(caseId, deadlines, now);
    const titles = new Map(tracked.map((d) => [d.deadlineId, d.title]));
    const reminders: Reminder[] = [];
    const problems: { deadlineId: string; message: string }[] = [];
    for (const d of tracked) {
      if (d.done || d.satisfied) continue;
      try {
        reminders.push(...plan(d));
      } catch (error) {
        problems.push({ deadlineId: d.deadlineId, message: error instanceof Error ? error.message : String(error) });
      }
    }
    const planned = new Set(reminders.map((r) => r.deadlineId));
    // A deadline whose plan failed keeps its pending reminders rather than losing them.
    const kept = problems.length === 0 ? [] : await this.pendingOf(caseId, new Set(problems.map((p) => p.deadlineId)), planned);
    return { deadlines: changes, reminders: await this.upsertReminders(caseId, [...reminders, ...kept], titles, now), problems };
  }

  // ---- reminders: delivery ----

  /**
   * Reminders to work on now, oldest first: pending ones whose time has come, and claimed
   * ones whose lease has run out (the instance holding it crashed or stalled). One indexed
   * range query. A damaged document is reported and marked failed so it cannot block the queue.
   */
  async findDue(now: Date, limit: number): Promise<TrackedReminder[]> {
    const docs = await this.reminders.find({ queueAt: { $gte: QUEUE_FLOOR, $lte: now } }, { sort: { queueAt: 1 }, limit });
    const out: TrackedReminder[] = [];
    for (const doc of docs) {
      try {
        out.push(fromReminderDoc(doc));
      } catch (error) {
        if (!(error instanceof CorruptDocumentError)) throw error;
        this.onCorrupt(error);
        await this.reminders.updateOne(
          { _id: doc._id },
          { status: 'failed', queueAt: null, lastError: 'The stored reminder is damaged.', updatedAt: now },
        );
      }
    }
    return out;
  }

  /**
   * Deletes reminders that were sent, failed or cancelled with a send time before `cutoff`: their
   * delivery details (who was reached, in which chat) are kept no longer than needed. Safe from
   * recomputation, which never re-creates a reminder whose time has passed, except escalations:
   * those stay until their case is purged, or an open overdue deadline would be escalated again.
   */
  async deleteFinishedBefore(cutoff: Date): Promise<number> {
    return this.reminders.deleteMany({ status: { $in: ['sent', 'failed', 'cancelled'] }, sendAt: { $lt: cutoff }, kind: { $ne: 'escalation' } });
  }

  /**
   * Claims the oldest reminder that is due (or whose lease ran out) in one atomic write
   * (findOneAndUpdate), and returns it; null when nothing is due. Several instances calling
   * this at once each get a different reminder: none fetches a page that another is claiming.
   */
  async claimNext(owner: string, now: Date, leaseMs: number): Promise<TrackedReminder | null> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    for (;;) {
      // On queueAt alone, which is set only while pending or claimed (see the top of this file).
      // A status condition beside it made SQLite's planner choose the (status, sendAt) index and
      // sort every pending reminder for each claim: 30 ms a claim with 11,600 pending, eight
      // claims at once when the scheduler starts.
      const doc = await this.reminders.findOneAndUpdate(
        { queueAt: { $gte: QUEUE_FLOOR, $lte: now } },
        { status: 'claimed', owner, leaseUntil, queueAt: leaseUntil, updatedAt: now },
        { sort: { queueAt: 1 } },
      );
      if (!doc) return null;
      try {
        return fromReminderDoc(doc);
      } catch (error) {
        if (!(error instanceof CorruptDocumentError)) throw error;
        this.onCorrupt(error);
        // Out of the queue for good, so that it cannot be claimed again and block the rest.
        await this.reminders.updateOne({ _id: doc._id }, { status: 'failed', queueAt: null, leaseUntil: null, lastError: 'The stored reminder is damaged.', updatedAt: now });
      }
    }
  }

  /** Delivered. Only the lease owner can say so; false if the lease was lost to another instance. */
  async markSent(reminderId: string, owner: string, deliveredAt: Date, report: DeliveryReport = {}): Promise<boolean> {
    const n = await this.reminders.updateOne(
      { _id: reminderId, status: 'claimed', owner },
      {
        status: 'sent',
        queueAt: null,
        leaseUntil: null,
        deliveredAt,
        activityId: report.activityId ?? null,
        ...(report.attempts !== undefined ? { attempts: report.attempts } : {}),
        ...(report.recipients ? { recipients: plain([...report.recipients]) } : {}),
        updatedAt: deliveredAt,
      },
    );
    return n === 1;
  }

  /** Given up: shown in the reminders list with the reason. */
  async markFailed(reminderId: string, owner: string, reason: string, attempts: number, at: Date, recipients?: readonly RecipientDelivery[]): Promise<boolean> {
    const n = await this.reminders.updateOne(
      { _id: reminderId, status: 'claimed', owner },
      {
        status: 'failed',
        queueAt: null,
        leaseUntil: null,
        lastError: clip(reason),
        attempts,
        ...(recipients ? { recipients: plain([...recipients]) } : {}),
        updatedAt: at,
      },
    );
    return n === 1;
  }

  /** Back to pending, to be tried again at `retryAt` (a transient failure, or a stop mid-pass). */
  async release(
    reminderId: string,
    owner: string,
    retryAt: Date,
    details: { readonly reason?: string; readonly attempts?: number; readonly recipients?: readonly RecipientDelivery[] } = {},
  ): Promise<boolean> {
    const n = await this.reminders.updateOne(
      { _id: reminderId, status: 'claimed', owner },
      {
        status: 'pending',
        queueAt: retryAt,
        owner: null,
        leaseUntil: null,
        ...(details.reason !== undefined ? { lastError: clip(details.reason) } : {}),
        ...(details.attempts !== undefined ? { attempts: details.attempts } : {}),
        ...(details.recipients ? { recipients: plain([...details.recipients]) } : {}),
        updatedAt: retryAt,
      },
    );
    return n === 1;
  }

  /** The lease owner found the deadline done or gone just before sending: nothing goes out. */
  async cancelClaimed(reminderId: string, owner: string, reason: string, at: Date): Promise<boolean> {
    const n = await this.reminders.updateOne(
      { _id: reminderId, status: 'claimed', owner },
      { status: 'cancelled', queueAt: null, leaseUntil: null, cancelReason: reason, updatedAt: at },
    );
    return n === 1;
  }

  /** Throws CorruptDocumentError for a damaged document. */
  async getReminder(reminderId: string): Promise<TrackedReminder | null> {
    const doc = await this.reminders.findById(reminderId);
    return doc ? fromReminderDoc(doc) : null;
  }

  // ---- lists ----

  /** Everything the reminders list shows for a case; damaged documents are reported and left out. */
  async listForCase(caseId: string): Promise<CaseReminders> {
    const docs = await this.reminders.find({ caseId }, { sort: { sendAt: 1 } });
    return { deadlines: await this.deadlinesOf(caseId), reminders: parseEach(docs, fromReminderDoc, this.onCorrupt) };
  }

  private async deadlinesOf(caseId: string): Promise<TrackedDeadline[]> {
    const docs = await this.deadlines.find({ caseId }, { sort: { due: 1 } });
    return parseEach(docs, fromDeadlineDoc, this.onCorrupt);
  }

  private async cancelPendingOf(deadlineId: string, reason: string, at: Date): Promise<number> {
    const pending = await this.reminders.find({ deadlineId, status: 'pending' });
    let n = 0;
    for (const r of pending) {
      n += await this.reminders.updateOne({ _id: r._id, status: 'pending' }, { status: 'cancelled', queueAt: null, cancelReason: reason, updatedAt: at });
    }
    return n;
  }

  /** Pending reminders of these deadlines, as plans, for deadlines whose new plan failed. */
  private async pendingOf(caseId: string, deadlineIds: ReadonlySet<string>, alreadyPlanned: ReadonlySet<string>): Promise<Reminder[]> {
    const docs = await this.reminders.find({ caseId, status: 'pending' });
    return docs
      .filter((d) => deadlineIds.has(d.deadlineId) && !alreadyPlanned.has(d.deadlineId))
      .map((d) => ({ reminderId: d._id, deadlineId: d.deadlineId, caseId: d.caseId, offset: d.offset, sendAt: d.sendAt.toISOString(), kind: d.kind }));
  }
}
