import type { AuditInput, AuditRecord } from '../domain/audit';
import { AcknowledgementSchema, acknowledgementKey, type Acknowledgement } from '../domain/terms';
import { outboxEntry } from './auditOutbox';
import type { DocCollection, IndexSpec } from './collection';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';

export interface AcknowledgementDoc extends Acknowledgement {
  /** caseId|partyId|termsVersion: the uniqueness rule is the primary key itself. */
  _id: string;
  /** Its audit entry, written with it (see auditOutbox.ts): the log copy can follow after the answer. */
  auditOutbox?: AuditRecord;
}

export const ACKNOWLEDGEMENTS_COLLECTION = 'acknowledgements';

export const acknowledgementIndexes: readonly IndexSpec[] = [{ fields: ['caseId', 'at'] }];

export class AcknowledgementStore {
  constructor(
    private readonly docs: DocCollection<AcknowledgementDoc>,
    private readonly onCorrupt: OnCorruptDocument = () => {},
  ) {}

  /**
   * Stores the acknowledgement unless one exists for the same case, party and version, in
   * which case the first one is returned: a double click is one agreement, not two. With
   * `audit`, its audit entry is stored in the same write and returned, for the caller to copy
   * to the log after answering (one synced write on the click's path, not two; a crash before
   * the copy is caught by the start-up sweep).
   */
  async record(
    ack: Acknowledgement,
    audit?: AuditInput,
  ): Promise<{ readonly acknowledgement: Acknowledgement; readonly created: boolean; readonly auditEntry?: AuditRecord }> {
    const valid = AcknowledgementSchema.parse(ack);
    const _id = acknowledgementKey(valid.caseId, valid.partyId, valid.termsVersion);
    const auditEntry = audit ? outboxEntry('acknowledgement', _id, 1, audit, valid.caseId, new Date(valid.at)) : undefined;
    if (await this.docs.insertOne({ ...valid, _id, ...(auditEntry ? { auditOutbox: auditEntry } : {}) })) {
      return { acknowledgement: valid, created: true, ...(auditEntry ? { auditEntry } : {}) };
    }
    const existing = await this.docs.findById(_id);
    if (!existing) throw new Error(`Acknowledgement ${_id} was refused as a duplicate but cannot be read`);
    return { acknowledgement: parseStored(AcknowledgementSchema, ACKNOWLEDGEMENTS_COLLECTION, _id, existing), created: false };
  }

  async listForCase(caseId: string): Promise<Acknowledgement[]> {
    return this.parseAll(await this.docs.find({ caseId }, { sort: { at: 1 } }));
  }

  async listForCases(caseIds: readonly string[]): Promise<Acknowledgement[]> {
    if (caseIds.length === 0) return [];
    return this.parseAll(await this.docs.find({ caseId: { $in: [...caseIds] } }, { sort: { at: 1 } }));
  }

  /** A corrupt acknowledgement is reported and left out: the party shows as not agreed, the safe side. */
  private parseAll(docs: readonly AcknowledgementDoc[]): Acknowledgement[] {
    return parseEach(docs, (doc) => parseStored(AcknowledgementSchema, ACKNOWLEDGEMENTS_COLLECTION, String(doc._id), doc), this.onCorrupt);
  }
}
