import { isDeepStrictEqual } from 'node:util';
import type { AuditInput, AuditRecord } from '../domain/audit';
import { OutcomeRecordSchema, type OutcomeRecord } from '../domain/outcome';
import type { AuditLog } from './auditLog';
import { flushOutbox, outboxEntry, outboxWriter, type WithOutbox } from './auditOutbox';
import type { DocCollection, IndexSpec } from './collection';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';
import { updateOptimistically } from './optimistic';

/**
 * One outcome record per case: its published versions, the parties' answers, the amended
 * plan and the chases for it (docs/rules.md#outcome-statement, T8, T9).
 *
 * Answers live inside the record rather than in a collection of their own: whether an answer
 * is allowed depends on which version is the latest, and publishing a revision must see every
 * answer in the same conditional write (ADR 0002: no multi-document transactions). A case has
 * tens of parties at most, so twenty people answering at once cost a few retries each.
 */
export interface OutcomeDoc extends OutcomeRecord, WithOutbox {
  /** The caseId: one record per case. */
  _id: string;
}

export const OUTCOMES_COLLECTION = 'outcomes';

/** The document id is the case id, so no further index is needed. */
export const outcomeIndexes: readonly IndexSpec[] = [];

/** Twenty parties answering within the same second each win one round in twenty. */
export const MAX_OUTCOME_ATTEMPTS = 60;

export type OutcomeOpenResult =
  | { readonly status: 'created'; readonly record: OutcomeRecord }
  /** The case already had its record (a repeated close, or two at once): that one stands. */
  | { readonly status: 'existing'; readonly record: OutcomeRecord };

export type OutcomeUpdateResult =
  | { readonly status: 'updated'; readonly record: OutcomeRecord }
  /** The mutation returned the record it was given: nothing written (a repeated click). */
  | { readonly status: 'unchanged'; readonly record: OutcomeRecord }
  | { readonly status: 'rejected'; readonly error: Error; readonly record: OutcomeRecord }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

export type OutcomeMutation = (record: OutcomeRecord) => OutcomeRecord | Error;

function toDoc(record: OutcomeRecord, audit: AuditRecord): OutcomeDoc {
  return { ...record, _id: record.caseId, auditOutbox: audit };
}

export class OutcomeStore {
  constructor(
    private readonly docs: DocCollection<OutcomeDoc>,
    private readonly log: AuditLog,
    private readonly onAuditDeferred: (err: Error) => void = () => {},
    private readonly onCorrupt: OnCorruptDocument = () => {},
  ) {}

  /**
   * Stores the case's record unless it has one, with an `outcome.opened` entry by `openedBy`;
   * either way returns the stored record. Throws CorruptDocumentError.
   */
  async open(initial: OutcomeRecord, openedBy: string): Promise<OutcomeOpenResult> {
    const record = OutcomeRecordSchema.parse(initial);
    const entry = outboxEntry('outcome', record.caseId, record.version, { by: openedBy, action: 'outcome.opened', subject: `meeting:${record.meetingId}` }, record.caseId, new Date(record.createdAt));
    if (await this.docs.insertOne(toDoc(record, entry))) {
      await flushOutbox(this.log, entry, this.onAuditDeferred);
      return { status: 'created', record };
    }
    const existing = await this.get(record.caseId);
    if (!existing) throw new Error(`Outcome record of case ${record.caseId} could not be created or read`);
    return { status: 'existing', record: existing };
  }

  /** Throws CorruptDocumentError for a document that does not parse. */
  async get(caseId: string): Promise<OutcomeRecord | null> {
    const doc = await this.docs.findById(caseId);
    return doc ? parseStored(OutcomeRecordSchema, OUTCOMES_COLLECTION, caseId, doc) : null;
  }

  /** The records of these cases; a corrupt one is reported and left out. */
  async getMany(caseIds: readonly string[]): Promise<OutcomeRecord[]> {
    if (caseIds.length === 0) return [];
    const docs = await this.docs.find({ _id: { $in: [...caseIds] } });
    return parseEach(docs, (doc) => parseStored(OutcomeRecordSchema, OUTCOMES_COLLECTION, String(doc._id), doc), this.onCorrupt);
  }

  /**
   * Reads the record, applies `mutate`, and writes the result only if the stored version is
   * still the one read; on a conflict it re-reads and re-applies. The mutation must be pure:
   * it may run several times. It returns an Error to refuse, or the record it was given when
   * there is nothing to do; nothing is written in either case.
   */
  async update(caseId: string, mutate: OutcomeMutation, audit: AuditInput, now: Date = new Date()): Promise<OutcomeUpdateResult> {
    const writer = outboxWriter<OutcomeRecord>('outcome', caseId, caseId, audit, now, (next, current, entry) =>
      this.docs.replaceOne({ _id: caseId, version: current.version }, toDoc(next, entry)),
    );
    const r = await updateOptimistically<OutcomeRecord>({
      attempts: MAX_OUTCOME_ATTEMPTS,
      read: () => this.get(caseId),
      mutate,
      identityProblem: (next, current) => {
        if (next.caseId !== current.caseId || next.meetingId !== current.meetingId) return 'An outcome update cannot change its case or meeting.';
        // Published versions are immutable: a mutation may only append.
        const rewritten = current.versions.some((v, i) => !isDeepStrictEqual(v, next.versions[i]));
        return rewritten ? 'A published version of the outcome cannot be changed.' : undefined;
      },
      finish: (next, current) => OutcomeRecordSchema.parse({ ...next, version: current.version + 1, updatedAt: now.toISOString() }),
      write: writer.write,
    });
    await writer.flush(this.log, this.onAuditDeferred);
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, record: r.value };
      default:
        return { status: r.status, record: r.value };
    }
  }
}
