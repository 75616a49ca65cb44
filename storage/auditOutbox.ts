import { auditRecord, type AuditInput, type AuditRecord } from '../domain/audit';
import type { AuditLog } from './auditLog';
import { currentAuditPlace } from './auditPlace';
import type { DocCollection } from './collection';
import { everyDocument } from './storeMarkers';

/**
 * How a change and its audit entry cannot part. Neither backend has multi-document
 * transactions (ADR 0002), so a versioned document (case, meeting, outcome) carries the entry
 * of its latest write in `auditOutbox`, written by the same conditional write as the change:
 * a write that loses its version race leaves no entry, a write that wins always has one.
 * The entry is then copied to the log; its id is derived from the document and version, so
 * copying twice stores it once. If the copy fails (or the process dies first), the next
 * start-up finds the entry in the document and copies it (sweepOutboxes). Only the latest
 * write's entry is kept, so the document does not grow and no extra write is needed.
 */
export interface WithOutbox {
  _id: string;
  auditOutbox?: AuditRecord;
}

export type OutboxKind = 'case' | 'meeting' | 'outcome' | 'acknowledgement' | 'preparation';

export function outboxEntry(kind: OutboxKind, docId: string, version: number, input: AuditInput, caseId: string, now: Date): AuditRecord {
  return auditRecord(input, now, `${kind}:${docId}:v${version}`, currentAuditPlace(), caseId);
}

/** Copies a won write's entry to the log; a failure is left for the start-up sweep, reported to `onDeferred`. */
export async function flushOutbox(log: AuditLog, entry: AuditRecord, onDeferred: (err: Error) => void): Promise<void> {
  try {
    await log.writeOnce(entry);
  } catch (err) {
    onDeferred(err as Error);
  }
}

/**
 * After start-up, in the background: every entry still only in a document's outbox is copied
 * to the log. Read a page at a time (500 documents, yielding between pages), so it neither
 * delays the start nor holds the collections in memory; a shutdown (`stopping`) ends it early,
 * as the next start-up sweeps again. Returns how many were missing.
 */
export async function sweepOutboxes(log: AuditLog, collections: readonly DocCollection<WithOutbox>[], stopping: () => boolean = () => false): Promise<number> {
  let added = 0;
  for (const docs of collections) {
    if (stopping()) break;
    let batch: AuditRecord[] = [];
    // Only the outbox of each document: reading and decoding whole cases cost 12 MB and 200 ms at 10,000 cases.
    for await (const doc of everyDocument(docs, ['auditOutbox'])) {
      // A shutdown does not wait for the rest: the next start-up sweeps again.
      if (stopping()) break;
      if (doc.auditOutbox) batch.push(doc.auditOutbox);
      if (batch.length >= 500) {
        added += await log.ensure(batch);
        batch = [];
      }
    }
    added += await log.ensure(batch);
  }
  return added;
}

/**
 * The `write` step of an optimistic update that carries its audit entry in the same
 * conditional write; `flush` then copies the winning write's entry to the log.
 */
export function outboxWriter<T extends { readonly version: number }>(
  kind: OutboxKind,
  docId: string,
  caseId: string,
  audit: AuditInput,
  now: Date,
  replace: (next: T, current: T, entry: AuditRecord) => Promise<number>,
): { write(next: T, current: T): Promise<boolean>; flush(log: AuditLog, onDeferred: (err: Error) => void): Promise<void> } {
  let won: AuditRecord | undefined;
  return {
    async write(next, current) {
      const entry = outboxEntry(kind, docId, next.version, audit, caseId, now);
      const ok = (await replace(next, current, entry)) === 1;
      if (ok) won = entry;
      return ok;
    },
    flush: (log, onDeferred) => (won ? flushOutbox(log, won, onDeferred) : Promise.resolve()),
  };
}
