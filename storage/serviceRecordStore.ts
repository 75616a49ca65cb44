import { randomBytes } from 'node:crypto';
import { sameTenant } from '../domain/cases';
import { referredOn } from '../domain/service/measures';
import { ServiceRecordSchema, serviceRecordOf, type ServiceRecord } from '../domain/service/serviceRecord';
import { tenantFilter, type CaseStore } from './caseStore';
import { CoalescedRuns } from './coalescedRuns';
import type { CertificateStore } from './certificateStore';
import type { DocCollection, Filter, IndexSpec } from './collection';
import { CorruptDocumentError, parseStored, type OnCorruptDocument } from './corruptDocument';
import type { MeetingStore } from './meetingStore';
import type { OutcomeStore } from './outcomeStore';
import { everyDocument, type StoreMarkers } from './storeMarkers';

/**
 * The service view's copy of each case's records (domain/service/serviceRecord.ts): derived
 * from the cases, meetings, certificates and outcomes, rebuilt whenever storage announces a
 * change to one of them (caseChanges.ts), and read instead of them by the service view.
 */
export interface ServiceRecordDoc {
  _id: string;
  /** The case's referral day (referredOn in domain/service/measures.ts), for the index. */
  referredOn: string;
  /** The case id, a space and a random part, new at every rebuild: a record read before with the same stamp is the same record. */
  stamp: string;
  record: ServiceRecord;
}

export const SERVICE_RECORDS_COLLECTION = 'service_records';

/**
 * The periods the view finds cases by: the LA being told, the opening, the ending. The tenant and
 * the stamp (which starts with the case id) follow, so the index alone says which records are in
 * a period and whether this process has read them before.
 */
export const serviceRecordIndexes: readonly IndexSpec[] = [
  { fields: ['referredOn', 'record.c.providerKey', 'stamp'] },
  { fields: ['record.c.ending.date', 'record.c.providerKey', 'stamp'] },
];

/** `referredOn`: the LA being told, or the day the case was opened without that date (referredOn in measures.ts). */
export type ServiceRecordDateField = 'referredOn' | 'ending.date';

export interface ServiceRecordSources {
  readonly cases: Pick<CaseStore, 'get'>;
  readonly meetings: Pick<MeetingStore, 'listForCases'>;
  readonly certificates: Pick<CertificateStore, 'listFactsForCases'>;
  readonly outcomes: Pick<OutcomeStore, 'getMany'>;
}

/**
 * Records remembered per process, with their stamps (about 1 KB each): a service's worth, so
 * that asking again (another filter, another period) reads only what changed. Cleared when full.
 */
const MEMO_MAX = 20_000;

const BACKFILL_MARKER = 'service-records-v1';
const BACKFILL_PAGE = 200;

export interface ServiceRecordBackfill {
  /** Cases read. */
  readonly cases: number;
  /** Records written. */
  readonly built: number;
  /** Cases that failed validation (reported through onCorrupt) and have no record. */
  readonly damaged: number;
}

export class ServiceRecordMigrationError extends Error {
  override readonly name = 'ServiceRecordMigrationError';
}


/** The provider key's tenant, compared as sameTenant does (case-insensitively), after the range in the query. */
function ofTenant(records: ServiceRecord[], tenantId: string | undefined): ServiceRecord[] {
  return tenantId === undefined ? records : records.filter((r) => sameTenant(r.c, tenantId));
}

export class ServiceRecordStore {
  private readonly runs = new CoalescedRuns();
  private readonly memo = new Map<string, { readonly stamp: string; readonly record: ServiceRecord }>();

  constructor(
    private readonly docs: DocCollection<ServiceRecordDoc>,
    private readonly sources: ServiceRecordSources,
    private readonly onCorrupt: OnCorruptDocument = () => {},
    private readonly onRebuildFailed: (caseId: string, err: Error) => void = () => {},
  ) {}

  /** Builds the case's copy from its records now; removes it when the case is gone. */
  async rebuild(caseId: string): Promise<ServiceRecord | null> {
    return (await this.rebuildMany([caseId])).records.get(caseId) ?? null;
  }

  /** rebuild, for several cases with one read of each kind of record. */
  private async rebuildMany(caseIds: readonly string[]): Promise<{ records: Map<string, ServiceRecord | null>; damaged: string[] }> {
    const [meetings, certificates, outcomes, stored] = await Promise.all([
      this.sources.meetings.listForCases(caseIds),
      this.sources.certificates.listFactsForCases(caseIds),
      this.sources.outcomes.getMany(caseIds),
      this.docs.find({ _id: { $in: [...caseIds] } }),
    ]);
    // A stored record with a stamp of another shape (or no referral day) is rewritten even when its contents agree.
    const before = new Map(stored.filter((d) => typeof d.stamp === 'string' && d.stamp.startsWith(`${d._id} `) && typeof d.referredOn === 'string').map((d) => [d._id, JSON.stringify(d.record)]));
    const out = new Map<string, ServiceRecord | null>();
    const damaged: string[] = [];
    for (const caseId of caseIds) {
      let c: Awaited<ReturnType<ServiceRecordSources['cases']['get']>>;
      try {
        c = await this.sources.cases.get(caseId);
      } catch (error) {
        // A damaged case is reported where it is read; its copy is left as it was.
        if (!(error instanceof CorruptDocumentError)) throw error;
        this.onCorrupt(error);
        damaged.push(caseId);
        continue;
      }
      if (!c) {
        await this.docs.deleteOne({ _id: caseId });
        out.set(caseId, null);
        continue;
      }
      const record = serviceRecordOf(c, meetings, certificates, outcomes.find((o) => o.caseId === caseId));
      // Announced writes include refused and repeated ones: a record that would not change is not written.
      if (before.get(caseId) !== JSON.stringify(record)) await this.docs.updateOne({ _id: caseId }, { referredOn: referredOn(record.c), stamp: `${caseId} ${randomBytes(9).toString('base64url')}`, record }, { upsert: true });
      out.set(caseId, record);
    }
    return { records: out, damaged };
  }

  /**
   * Rebuilds in the background (the change feed's listener). A burst of changes to one case is
   * folded into one more pass after the running one, so the last write always wins.
   */
  request(caseId: string): void {
    void this.runs.request(caseId, () =>
      this.rebuild(caseId).then(
        () => undefined,
        async (err: unknown) => {
          this.onRebuildFailed(caseId, err instanceof Error ? err : new Error(String(err)));
          // Missing rather than out of date: the view rebuilds a missing record when it reads it.
          await this.docs.deleteOne({ _id: caseId }).catch(() => undefined);
        },
      ),
    );
  }

  /** Resolves once every rebuild this process has asked for is written: a view read after a write sees it. */
  settled(): Promise<void> {
    return this.runs.settled();
  }

  /** The tenant's records with `field` between two values (both included). */
  async between(field: ServiceRecordDateField, from: string, to: string, tenantId: string | undefined): Promise<ServiceRecord[]> {
    await this.settled();
    const filter = { [field === 'referredOn' ? 'referredOn' : `record.c.${field}`]: { $gte: from, $lte: to }, ...tenantFilter(tenantId, 'record.c.providerKey') };
    // Nothing remembered yet (the first view after a start): the records at once, not their stamps first.
    if (this.memo.size === 0) return ofTenant(await this.parse(await this.docs.find(filter)), tenantId);
    return (await this.read(await this.stamps(filter), tenantId)).records;
  }

  /**
   * The records of these cases that belong to the tenant. A case without one (written by a
   * process that stopped before its rebuild) or with a damaged one is rebuilt from its records here.
   */
  async getMany(caseIds: readonly string[], tenantId: string | undefined): Promise<ServiceRecord[]> {
    if (caseIds.length === 0) return [];
    await this.settled();
    const { records, seen } = await this.read(await this.stamps({ _id: { $in: [...caseIds] } }), tenantId);
    const missing = caseIds.filter((id) => !seen.has(id));
    if (missing.length > 0) {
      for (const record of (await this.rebuildMany(missing)).records.values()) if (record) records.push(...ofTenant([record], tenantId));
    }
    return records;
  }

  /**
   * The records behind these stamps: those already read in this process with the same stamp
   * from memory, the rest from the store (checked, and a damaged one rebuilt). Every rebuild
   * writes a new stamp, in whichever process, so a remembered record is never out of date.
   */
  private async stamps(filter: Filter): Promise<{ _id: string; stamp: string }[]> {
    const out: { _id: string; stamp: string }[] = [];
    for (const stamp of await this.docs.distinct('stamp', filter)) {
      if (typeof stamp !== 'string') continue;
      const space = stamp.indexOf(' ');
      if (space > 0) out.push({ _id: stamp.slice(0, space), stamp });
    }
    return out;
  }

  private async read(stamps: readonly { _id: string; stamp: string }[], tenantId: string | undefined): Promise<{ records: ServiceRecord[]; seen: Set<string> }> {
    const records: ServiceRecord[] = [];
    const seen = new Set<string>();
    const fetch: string[] = [];
    for (const { _id, stamp } of stamps) {
      seen.add(_id);
      const known = this.memo.get(_id);
      if (known && known.stamp === stamp) records.push(known.record);
      else fetch.push(_id);
    }
    if (fetch.length > 0) records.push(...(await this.parse(await this.docs.find({ _id: { $in: fetch } }))));
    return { records: ofTenant(records, tenantId), seen };
  }

  /** Each stored record checked and remembered; a damaged one is reported and rebuilt from the case's records. */
  private async parse(docs: readonly ServiceRecordDoc[]): Promise<ServiceRecord[]> {
    const out: ServiceRecord[] = [];
    if (this.memo.size + docs.length > MEMO_MAX) this.memo.clear();
    for (const doc of docs) {
      let record: ServiceRecord | null;
      try {
        if (typeof doc.stamp !== 'string' || !doc.stamp.startsWith(`${doc._id} `)) throw new CorruptDocumentError(SERVICE_RECORDS_COLLECTION, doc._id, 'stamp: not the case id and a random part');
        record = parseStored(ServiceRecordSchema, SERVICE_RECORDS_COLLECTION, doc._id, doc.record);
        this.memo.set(doc._id, { stamp: doc.stamp, record });
      } catch (error) {
        if (!(error instanceof CorruptDocumentError)) throw error;
        this.onCorrupt(error);
        record = await this.rebuild(doc._id);
      }
      if (record) out.push(record);
    }
    return out;
  }

  /**
   * Start-up migration for stores written before the service view kept its own records: builds
   * every case's, a page of cases at a time, once (marker). Verified by counts: every case read
   * has a record afterwards.
   */
  async backfill(cases: DocCollection<{ _id: string }>, markers: StoreMarkers, now: Date): Promise<ServiceRecordBackfill | undefined> {
    if (await markers.get(BACKFILL_MARKER)) return undefined;
    let seen = 0;
    let built = 0;
    let gone = 0;
    let damaged = 0;
    let page: string[] = [];
    const flush = async () => {
      const done = await this.rebuildMany(page);
      damaged += done.damaged.length;
      for (const id of page) {
        if (done.records.get(id)) built++;
        else if (done.records.has(id)) gone++;
      }
      page = [];
    };
    for await (const doc of everyDocument(cases, [])) {
      seen++;
      page.push(String(doc._id));
      if (page.length >= BACKFILL_PAGE) await flush();
    }
    await flush();
    let stored = 0;
    for await (const doc of everyDocument(this.docs, [])) if (doc._id) stored++;
    // Every case read is accounted for (built, deleted meanwhile, or damaged and reported), and every record built is stored.
    if (built + gone + damaged !== seen || stored < built) {
      throw new ServiceRecordMigrationError(`service records: ${seen} cases read, ${built} built, ${gone} gone, ${damaged} damaged, ${stored} stored`);
    }
    await markers.set(BACKFILL_MARKER, { cases: seen, records: built, damaged }, now);
    return { cases: seen, built, damaged };
  }
}
