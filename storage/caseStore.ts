import type { AuditInput, AuditRecord } from '../domain/audit';
import { CaseSchema, memberIdsOf, referenceKey, type Case, type CaseState } from '../domain/cases';
import type { AuditLog } from './auditLog';
import { flushOutbox, outboxEntry, outboxWriter, type WithOutbox } from './auditOutbox';
import type { DocCollection, IndexSpec } from './collection';
import { updateOptimistically } from './optimistic';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';
import { ParsedCache } from './parsedCache';

/** A case as stored: the case plus the derived fields its indexes need. */
export interface CaseDoc extends Case, WithOutbox {
  _id: string;
  /** providerKey|lower-cased reference: collection indexes are single-field. */
  refKey: string;
  /** Lower-cased AAD ids of mediators and parties, for "my cases". */
  memberIds: string[];
}

export const CASES_COLLECTION = 'cases';

export const caseIndexes: readonly IndexSpec[] = [
  { field: 'refKey', unique: true },
  // "My cases": a person's cases, most recently changed first.
  { fields: ['memberIds', 'updatedAt'], array: true },
  // Also serves the lookup by thread root and conversation together.
  { field: 'thread.conversationId' },
  { field: 'meetingChatId' },
  // The daily purge's candidates: the ended cases.
  { field: 'state' },
];

/**
 * The filter for one tenant's cases: provider keys start with the tenant id and a bar (caseReference.ts).
 * No tenant (local mode, this computer only): every case.
 */
export function tenantFilter(tenantId: string | undefined, field = 'providerKey'): Record<string, unknown> {
  return tenantId === undefined ? {} : { [field]: { $gte: `${tenantId}|`, $lt: `${tenantId}}` } };
}

/** Enough for a burst of simultaneous clicks on one case; each round has one winner. */
export const MAX_UPDATE_ATTEMPTS = 30;

export type CreateResult = 'created' | 'duplicate_reference';

export type UpdateResult =
  /** `previous`: the case as it was before this change. */
  | { readonly status: 'updated'; readonly case: Case; readonly previous: Case }
  /** The mutation returned the case it was given: nothing to write (a repeated click). */
  | { readonly status: 'unchanged'; readonly case: Case }
  | { readonly status: 'rejected'; readonly error: Error; readonly case: Case }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

export type CaseMutation = (c: Case) => Case | Error;

function toDoc(c: Case, audit: AuditRecord): CaseDoc {
  return { ...c, _id: c.id, refKey: referenceKey(c.providerKey, c.caseReference), memberIds: memberIdsOf(c), auditOutbox: audit };
}

/** The cases a busy service has in play at once; a few megabytes. */
const PARSED_CASES = 500;

/** For the daily sweeps, which read every case once: keeping them would push out the ones in play. */
function checkedOnce(doc: CaseDoc): Case {
  return parseStored(CaseSchema, CASES_COLLECTION, String(doc._id), doc);
}

/** Every write of a case bumps its version and sets its time (see `update`). */
function stampOf(c: { version?: unknown; updatedAt?: unknown }): string {
  return `${String(c.version)}|${String(c.updatedAt)}`;
}

/**
 * Cases, with optimistic concurrency: every change is a pure mutation applied to the
 * latest stored version and written only if nobody wrote in between (`version`).
 */
export class CaseStore {
  private readonly parsed = new ParsedCache<Case>(PARSED_CASES);

  constructor(
    private readonly docs: DocCollection<CaseDoc>,
    private readonly log: AuditLog,
    private readonly onCorrupt: OnCorruptDocument = () => {},
    private readonly onAuditDeferred: (err: Error) => void = () => {},
  ) {}

  private readonly fromDoc = (doc: CaseDoc): Case =>
    // The schema strips the derived fields (and anything a backend adds).
    this.parsed.get(String(doc._id), stampOf(doc), () => parseStored(CaseSchema, CASES_COLLECTION, String(doc._id), doc));

  /** Stores a new case with its `case.created` audit entry (by its opener, at its creation time). */
  async create(c: Case): Promise<CreateResult> {
    const parsed = CaseSchema.parse(c);
    const entry = outboxEntry('case', parsed.id, parsed.version, { by: parsed.createdBy, action: 'case.created', detail: `state=${parsed.state}` }, parsed.id, new Date(parsed.createdAt));
    if (await this.docs.insertOne(toDoc(parsed, entry))) {
      await flushOutbox(this.log, entry, this.onAuditDeferred);
      return 'created';
    }
    // The id is 96 random bits, so a refusal is the (provider, reference) unique index.
    return 'duplicate_reference';
  }

  /** Throws CorruptDocumentError for a document that does not parse. */
  async get(id: string): Promise<Case | null> {
    const doc = await this.docs.findById(id);
    return doc ? this.fromDoc(doc) : null;
  }

  async findByReference(providerKey: string, caseReference: string): Promise<Case | null> {
    const doc = await this.docs.findOne({ refKey: referenceKey(providerKey, caseReference) });
    return doc ? this.fromDoc(doc) : null;
  }

  /** The case that lives in this channel thread (Teams' conversation id of the thread). */
  async findByThreadConversation(conversationId: string): Promise<Case | null> {
    const doc = await this.docs.findOne({ 'thread.conversationId': conversationId });
    return doc ? this.fromDoc(doc) : null;
  }

  /** The case whose meeting group chat this is. */
  async findByMeetingChat(conversationId: string): Promise<Case | null> {
    const doc = await this.docs.findOne({ meetingChatId: conversationId });
    return doc ? this.fromDoc(doc) : null;
  }

  /** The case whose root card starts this channel thread. */
  async findByThread(conversationId: string, rootActivityId: string): Promise<Case | null> {
    const doc = await this.docs.findOne({ 'thread.rootActivityId': rootActivityId, 'thread.conversationId': conversationId });
    return doc ? this.fromDoc(doc) : null;
  }

  /** Every closed or cancelled case (the purge's candidates); a corrupt one is reported and left out. */
  async listEnded(): Promise<Case[]> {
    return parseEach(await this.docs.find({ state: { $in: ['CLOSED', 'CANCELLED'] } }), checkedOnce, this.onCorrupt);
  }

  /** Every case in one of these states (the daily follow-up sweep); a corrupt one is reported and left out. */
  async listInStates(states: readonly CaseState[]): Promise<Case[]> {
    return parseEach(await this.docs.find({ state: { $in: [...states] } }), checkedOnce, this.onCorrupt);
  }

  /**
   * Cases where the person is a mediator or a party, most recently changed first. A corrupt
   * case is reported and left out, so one bad document does not hide all the others.
   */
  async listForUser(aadObjectId: string, limit = 50): Promise<Case[]> {
    const docs = await this.docs.find({ memberIds: aadObjectId.toLowerCase() }, { sort: { updatedAt: -1 }, limit });
    return parseEach(docs, this.fromDoc, this.onCorrupt);
  }

  /**
   * Reads the case, applies `mutate`, and writes the result only if the stored version is
   * still the one read; on a conflict it re-reads and re-applies. The mutation must be
   * pure: it may run several times. It returns an Error to refuse (nothing is written).
   * `audit` is written with the change (see auditOutbox.ts); a refused or empty change logs nothing.
   */
  async update(id: string, mutate: CaseMutation, audit: AuditInput, now: Date = new Date()): Promise<UpdateResult> {
    const writer = outboxWriter<Case>('case', id, id, audit, now, (next, current, entry) => this.docs.replaceOne({ _id: id, version: current.version }, toDoc(next, entry)));
    const r = await updateOptimistically<Case>({
      attempts: MAX_UPDATE_ATTEMPTS,
      read: () => this.get(id),
      mutate,
      identityProblem: (next, current) =>
        next.id !== current.id || next.providerKey !== current.providerKey || next.caseReference !== current.caseReference
          ? 'A case update cannot change its id, provider or reference.'
          : undefined,
      finish: (next, current) => CaseSchema.parse({ ...next, version: current.version + 1, updatedAt: now.toISOString() }),
      write: writer.write,
    });
    await writer.flush(this.log, this.onAuditDeferred);
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, case: r.value };
      case 'updated':
        this.parsed.put(id, stampOf(r.value), r.value);
        return { status: r.status, case: r.value, previous: r.previous };
      default:
        return { status: r.status, case: r.value };
    }
  }
}
