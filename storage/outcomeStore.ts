import { setTimeout as sleep } from 'node:timers/promises';
import { isDeepStrictEqual } from 'node:util';
import type { AuditInput } from '../domain/cases';
import { appendOutcomeAudit, OutcomeRecordSchema, type OutcomeRecord } from '../domain/outcome';
import type { DocCollection, IndexSpec } from './collection';
import { parseStored } from './corruptDocument';

/**
 * One outcome record per case: its published versions, the parties' answers, the amended
 * plan and the chases for it (domain.md §10.1, T8, T9).
 *
 * Answers live inside the record rather than in a collection of their own: whether an answer
 * is allowed depends on which version is the latest, and publishing a revision must see every
 * answer in the same conditional write (ADR 0002: no multi-document transactions). A case has
 * tens of parties at most, so twenty people answering at once cost a few retries each.
 */
export interface OutcomeDoc extends OutcomeRecord {
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

function toDoc(record: OutcomeRecord): OutcomeDoc {
  return { ...record, _id: record.caseId };
}

function backoff(attempt: number): Promise<void> {
  return sleep(Math.floor(Math.random() * Math.min(5 * attempt, 50)));
}

export class OutcomeStore {
  constructor(private readonly docs: DocCollection<OutcomeDoc>) {}

  /** Stores the case's record unless it has one; either way returns the stored record. Throws CorruptDocumentError. */
  async open(initial: OutcomeRecord): Promise<OutcomeOpenResult> {
    const record = OutcomeRecordSchema.parse(initial);
    if (await this.docs.insertOne(toDoc(record))) return { status: 'created', record };
    const existing = await this.get(record.caseId);
    if (!existing) throw new Error(`Outcome record of case ${record.caseId} could not be created or read`);
    return { status: 'existing', record: existing };
  }

  /** Throws CorruptDocumentError for a document that does not parse. */
  async get(caseId: string): Promise<OutcomeRecord | null> {
    const doc = await this.docs.findById(caseId);
    return doc ? parseStored(OutcomeRecordSchema, OUTCOMES_COLLECTION, caseId, doc) : null;
  }

  /**
   * Reads the record, applies `mutate`, and writes the result only if the stored version is
   * still the one read; on a conflict it re-reads and re-applies. The mutation must be pure:
   * it may run several times. It returns an Error to refuse, or the record it was given when
   * there is nothing to do; nothing is written in either case.
   */
  async update(caseId: string, mutate: OutcomeMutation, audit: AuditInput, now: Date = new Date()): Promise<OutcomeUpdateResult> {
    for (let attempt = 1; attempt <= MAX_OUTCOME_ATTEMPTS; attempt++) {
      const current = await this.get(caseId);
      if (!current) return { status: 'not_found' };
      const result = mutate(current);
      if (result instanceof Error) return { status: 'rejected', error: result, record: current };
      if (result === current) return { status: 'unchanged', record: current };
      if (result.caseId !== current.caseId || result.meetingId !== current.meetingId) {
        return { status: 'rejected', error: new Error('An outcome update cannot change its case or meeting.'), record: current };
      }
      // Published versions are immutable: a mutation may only append.
      const rewritten = current.versions.some((v, i) => !isDeepStrictEqual(v, result.versions[i]));
      if (rewritten) return { status: 'rejected', error: new Error('A published version of the outcome cannot be changed.'), record: current };
      const next = OutcomeRecordSchema.parse(
        appendOutcomeAudit({ ...result, version: current.version + 1, updatedAt: now.toISOString() }, audit, now),
      );
      if ((await this.docs.replaceOne({ _id: caseId, version: current.version }, toDoc(next))) === 1) {
        return { status: 'updated', record: next };
      }
      await backoff(attempt);
    }
    return { status: 'conflict' };
  }
}
