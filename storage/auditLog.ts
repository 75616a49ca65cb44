import { randomBytes } from 'node:crypto';
import { AuditRecordSchema, SYSTEM_ACTOR, auditRecord, type AuditInput, type AuditRecord } from '../domain/audit';
import type { DocCollection, IndexSpec } from './collection';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';
import { currentAuditPlace } from './auditPlace';

/** An audit entry as stored: the entry, keyed by its time-sorted id. */
export interface AuditDoc extends Omit<AuditRecord, 'id'> {
  _id: string;
}

export const AUDIT_LOG_COLLECTION = 'audit_log';

// No index on `by`: no query reads the log by person, and each index costs every entry a write.
export const auditLogIndexes: readonly IndexSpec[] = [{ fields: ['caseId', '_id'] }];

/** How many entries one page of the `audit` card shows. */
export const AUDIT_PAGE_SIZE = 15;

/** Batch size of the start-up checks: large enough to be few round trips, small enough for one `$in`. */
const BATCH = 500;

function toDoc(entry: AuditRecord): AuditDoc {
  const { id, ...rest } = AuditRecordSchema.parse(entry);
  return { ...rest, _id: id };
}

function fromDoc(doc: AuditDoc): AuditRecord {
  const { _id, ...rest } = doc;
  return parseStored(AuditRecordSchema, AUDIT_LOG_COLLECTION, String(_id), { ...rest, id: String(_id) });
}

export interface AuditPage {
  readonly entries: AuditRecord[];
  /** The id to pass as `before` for the next (older) page; undefined on the last page. */
  readonly older?: string;
}

/**
 * The audit log: append-only. This class has no method that changes or removes an entry;
 * the only deletion is the purge of a whole case past its retention (which leaves a
 * tombstone). Entries written on behalf of a change carry an id derived from the change
 * (see writeOnce), so writing one twice stores it once.
 */
export class AuditLog {
  constructor(
    private readonly docs: DocCollection<AuditDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
    /**
     * The same collection without a wait for the disk of its own (durability 'bookkeeping'), for
     * copyOfWrittenOnce. Without it, those copies wait like every other write.
     */
    private readonly unsynced: DocCollection<AuditDoc> = docs,
  ) {}

  /** A read or a change with no document of its own to carry the entry (see docs/operations.md). */
  async append(input: AuditInput, caseId: string | undefined, now: Date): Promise<AuditRecord> {
    const entry = auditRecord(input, now, randomBytes(8).toString('hex'), currentAuditPlace(), caseId);
    await this.docs.insertOne(toDoc(entry));
    return entry;
  }

  /** Stores the entry unless an entry with its id exists; true when it was new. */
  async writeOnce(entry: AuditRecord): Promise<boolean> {
    return this.docs.insertOne(toDoc(entry));
  }

  /**
   * writeOnce for an entry its record's own write already put on disk (in its outbox), when the
   * record keeps it until the copy is surely in the log: the copy does not wait for an fsync of its
   * own. If a crash loses the copy, the record still holds the entry and the start-up sweep copies
   * it again; otherwise the next synced write (of any collection, by any process on the file) takes
   * it to disk. Safe for an acknowledgement (written once, never rewritten) and a preparation record
   * (PreparationStore.saveAnswer puts the entry it replaces in the log first). Not for cases,
   * meetings or outcomes, whose next write replaces the entry without that check.
   */
  async copyUnsynced(entry: AuditRecord): Promise<boolean> {
    return this.unsynced.insertOne(toDoc(entry));
  }

  /** Stores those of `entries` not yet in the log; returns how many it added. */
  async ensure(entries: readonly AuditRecord[]): Promise<number> {
    let added = 0;
    for (let i = 0; i < entries.length; i += BATCH) {
      const batch = entries.slice(i, i + BATCH);
      const present = new Set((await this.docs.find({ _id: { $in: batch.map((e) => e.id) } })).map((d) => String(d._id)));
      for (const e of batch) if (!present.has(e.id) && (await this.writeOnce(e))) added++;
    }
    return added;
  }

  /** How many of these ids the log holds. */
  async countIds(ids: readonly string[]): Promise<number> {
    let n = 0;
    for (let i = 0; i < ids.length; i += BATCH) n += await this.docs.count({ _id: { $in: ids.slice(i, i + BATCH) } });
    return n;
  }

  /** The case's entries, newest first, a page at a time. */
  async pageForCase(caseId: string, before?: string, size = AUDIT_PAGE_SIZE): Promise<AuditPage> {
    const filter = before ? { caseId, _id: { $lt: before } } : { caseId };
    const docs = await this.docs.find(filter, { sort: { _id: -1 }, limit: size + 1 });
    const entries = parseEach(docs.slice(0, size), fromDoc, this.onCorrupt);
    const last = docs[size - 1];
    return docs.length > size && last ? { entries, older: String(last._id) } : { entries };
  }

  /** Every entry of the case, oldest first. */
  async listForCase(caseId: string): Promise<AuditRecord[]> {
    return parseEach(await this.docs.find({ caseId }, { sort: { _id: 1 } }), fromDoc, this.onCorrupt);
  }

  /**
   * The one entry a purged case leaves: its id, the day, how many records of each kind were
   * removed and the policy that applied; no names. Its id is derived from the case, so a purge
   * that is run again after a crash leaves one tombstone.
   */
  async tombstone(caseId: string, detail: string, now: Date): Promise<void> {
    if ((await this.docs.count({ caseId, action: 'case.purged' })) > 0) return;
    await this.writeOnce(auditRecord({ by: SYSTEM_ACTOR, action: 'case.purged', detail: detail.slice(0, 300) }, now, `purge:${caseId}`, 'system', caseId));
  }

  /** Whether the case's log holds any entry with one of these actions. */
  async hasAction(caseId: string, actions: readonly string[]): Promise<boolean> {
    return (await this.docs.count({ caseId, action: { $in: [...actions] } })) > 0;
  }

  async countForCase(caseId: string): Promise<number> {
    return this.docs.count({ caseId });
  }
}
