import type { AuditInput, AuditRecord } from '../domain/audit';
import { CaseError } from '../domain/cases';
import {
  PreparationRecordSchema,
  RequestedChangeSchema,
  applyPreparationPatch,
  type NewRequestedChange,
  type PreparationPatch,
  type PreparationRecord,
  type PreparationSubject,
  type RequestedChange,
} from '../domain/preparation';
import type { DocCollection, IndexSpec } from './collection';
import { backoff, updateOptimistically } from './optimistic';
import { outboxEntry } from './auditOutbox';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';

/** One party's preparation answers; the key is the uniqueness rule. */
export interface PreparationRecordDoc extends PreparationRecord {
  /** caseId|partyId */
  _id: string;
  /** The audit entry of its latest answer, written with it (see auditOutbox.ts). */
  auditOutbox?: AuditRecord;
}

/**
 * One document per requested change: two people acting on different changes never touch the
 * same document, so neither can overwrite the other, and the change id is the document id.
 */
export interface RequestedChangeDoc extends RequestedChange {
  /** The changeId. */
  _id: string;
  /** caseId|number: a unique index keeps "change 3" unique within a case under racing adds. */
  numberKey: string;
}

export const PREPARATION_RECORDS_COLLECTION = 'preparation_records';
export const REQUESTED_CHANGES_COLLECTION = 'requested_changes';

export const preparationRecordIndexes: readonly IndexSpec[] = [{ field: 'caseId' }];
export const requestedChangeIndexes: readonly IndexSpec[] = [{ fields: ['caseId', 'number'] }, { field: 'numberKey', unique: true }];

/** Enough for a burst of simultaneous clicks; each round has one winner. */
const MAX_ATTEMPTS = 30;

export type RecordSaveResult =
  /** With `auditEntry` when an audit input was given: stored with the record, for the caller to copy to the log. */
  | { readonly status: 'saved'; readonly record: PreparationRecord; readonly auditEntry?: AuditRecord }
  /** The answer was already stored (a repeated click or a redelivered message): nothing written. */
  | { readonly status: 'unchanged'; readonly record: PreparationRecord }
  | { readonly status: 'rejected'; readonly error: CaseError; readonly record: PreparationRecord | null }
  | { readonly status: 'conflict' };

export type ChangeUpdateResult =
  | { readonly status: 'updated'; readonly change: RequestedChange }
  | { readonly status: 'unchanged'; readonly change: RequestedChange }
  | { readonly status: 'rejected'; readonly error: Error; readonly change: RequestedChange }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

export type ChangeMutation = (change: RequestedChange) => RequestedChange | Error;

export function preparationRecordKey(caseId: string, partyId: string): string {
  return `${caseId}|${partyId}`;
}

function toChangeDoc(change: RequestedChange): RequestedChangeDoc {
  return { ...change, _id: change.changeId, numberKey: `${change.caseId}|${change.number}` };
}

/**
 * Preparation records and requested changes, with the same optimistic concurrency as cases:
 * every change is a pure function applied to the latest stored version and written only if
 * nobody wrote in between (`version`). Documents are validated on every read.
 */
export class PreparationStore {
  constructor(
    private readonly records: DocCollection<PreparationRecordDoc>,
    private readonly changes: DocCollection<RequestedChangeDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
    /**
     * Puts an entry in the audit log unless it is there (AuditLog.ensure). Called with a record's
     * outbox entry before an answer replaces it, so the entry can never be lost between its copy
     * (which waits for no fsync: AuditLog.copyUnsynced) and the next answer.
     */
    private readonly ensureLogged: (entry: AuditRecord) => Promise<unknown> = async () => undefined,
  ) {}

  // ---- preparation records ----

  /** Throws CorruptDocumentError for a document that does not parse. */
  async getRecord(caseId: string, partyId: string): Promise<PreparationRecord | null> {
    const id = preparationRecordKey(caseId, partyId);
    const doc = await this.records.findById(id);
    return doc ? parseStored(PreparationRecordSchema, PREPARATION_RECORDS_COLLECTION, id, doc) : null;
  }

  /** Every party's record in a case; a corrupt one is reported and left out (shown as not started). */
  async listRecords(caseId: string): Promise<PreparationRecord[]> {
    const docs = await this.records.find({ caseId });
    return parseEach(docs, (doc) => parseStored(PreparationRecordSchema, PREPARATION_RECORDS_COLLECTION, String(doc._id), doc), this.onCorrupt);
  }

  /**
   * Merges one answer (or several) into the party's record as soon as it is given, so
   * stopping half-way loses nothing. Conditional on the version read; retried on a race.
   */
  async saveAnswer(subject: PreparationSubject, patch: PreparationPatch, actor: string, now: Date = new Date(), audit?: AuditInput): Promise<RecordSaveResult> {
    const _id = preparationRecordKey(subject.caseId, subject.partyId);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const stored = await this.records.findById(_id);
      const current = stored ? parseStored(PreparationRecordSchema, PREPARATION_RECORDS_COLLECTION, _id, stored) : null;
      const next = applyPreparationPatch(subject, current, patch, actor, now);
      if (next instanceof CaseError) return { status: 'rejected', error: next, record: current };
      if (next === current) return { status: 'unchanged', record: current };
      const record = PreparationRecordSchema.parse({ ...next, version: (current?.version ?? 0) + 1 });
      // The answer and its audit entry in one write: a saved answer always has its entry.
      const auditEntry = audit ? outboxEntry('preparation', _id, record.version, audit, subject.caseId, now) : undefined;
      const doc = { ...record, _id, ...(auditEntry ? { auditOutbox: auditEntry } : {}) };
      // The entry this write replaces must be in the log first (committed there, this write's fsync takes it to disk).
      if (stored?.auditOutbox) await this.ensureLogged(stored.auditOutbox);
      const written = current ? (await this.records.replaceOne({ _id, version: current.version }, doc)) === 1 : await this.records.insertOne(doc);
      if (written) return { status: 'saved', record, ...(auditEntry ? { auditEntry } : {}) };
      await backoff(attempt);
    }
    return { status: 'conflict' };
  }

  // ---- requested changes ----

  /**
   * Stores a new change and gives it the next number in its case. Adding the same change
   * twice (a retried request) returns the stored one rather than a second copy.
   */
  async addChange(change: NewRequestedChange): Promise<RequestedChange> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const [last] = await this.changes.find({ caseId: change.caseId }, { sort: { number: -1 }, limit: 1 });
      const numbered = RequestedChangeSchema.parse({ ...change, number: (last?.number ?? 0) + 1 });
      if (await this.changes.insertOne(toChangeDoc(numbered))) return numbered;
      const existing = await this.getChange(change.caseId, change.changeId);
      if (existing) return existing;
      // Someone else took that number at the same moment: count again.
      await backoff(attempt);
    }
    throw new Error(`Could not number a new requested change in case ${change.caseId} after ${MAX_ATTEMPTS} attempts`);
  }

  /** The change, if it exists in that case: a change id from a card is only trusted within its case. */
  async getChange(caseId: string, changeId: string): Promise<RequestedChange | null> {
    const doc = await this.changes.findById(changeId);
    if (!doc) return null;
    const change = parseStored(RequestedChangeSchema, REQUESTED_CHANGES_COLLECTION, changeId, doc);
    return change.caseId === caseId ? change : null;
  }

  /** In number order; a corrupt change is reported and left out. */
  async listChanges(caseId: string): Promise<RequestedChange[]> {
    const docs = await this.changes.find({ caseId }, { sort: { number: 1 } });
    return parseEach(docs, (doc) => parseStored(RequestedChangeSchema, REQUESTED_CHANGES_COLLECTION, String(doc._id), doc), this.onCorrupt);
  }

  /**
   * Reads the change, applies `mutate`, and writes the result only if the stored version is
   * still the one read. The mutation must be pure: it may run several times.
   */
  async updateChange(caseId: string, changeId: string, mutate: ChangeMutation): Promise<ChangeUpdateResult> {
    const r = await updateOptimistically<RequestedChange>({
      attempts: MAX_ATTEMPTS,
      read: () => this.getChange(caseId, changeId),
      mutate,
      identityProblem: (next, current) =>
        next.changeId !== current.changeId || next.caseId !== current.caseId || next.number !== current.number
          ? 'A change update cannot change its id, case or number.'
          : undefined,
      finish: (next, current) => RequestedChangeSchema.parse({ ...next, version: current.version + 1 }),
      write: async (next, current) => (await this.changes.replaceOne({ _id: changeId, version: current.version }, toChangeDoc(next))) === 1,
    });
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, change: r.value };
      default:
        return { status: r.status, change: r.value };
    }
  }

  /**
   * Applies `mutate` (sendChange) to every draft of the case, one conditional write each.
   * Stops at the first refusal: a refusal is about the case or the caller, so it would refuse
   * every draft alike.
   */
  async sendDrafts(caseId: string, mutate: ChangeMutation): Promise<{ sent: RequestedChange[]; error?: Error }> {
    const drafts = (await this.listChanges(caseId)).filter((c) => c.sentAt === undefined);
    const sent: RequestedChange[] = [];
    for (const draft of drafts) {
      const r = await this.updateChange(caseId, draft.changeId, mutate);
      if (r.status === 'rejected') return { sent, error: r.error };
      if (r.status === 'updated') sent.push(r.change);
    }
    return { sent };
  }
}
