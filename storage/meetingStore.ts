import type { AuditInput, AuditRecord } from '../domain/audit';
import { MeetingSchema, type Meeting } from '../domain/meeting';
import type { AuditLog } from './auditLog';
import { flushOutbox, outboxEntry, outboxWriter, type WithOutbox } from './auditOutbox';
import type { DocCollection, IndexSpec } from './collection';
import { backoff, updateOptimistically } from './optimistic';
import { parseEach, parseStored, type OnCorruptDocument } from './corruptDocument';

/**
 * One document per meeting session, holding its checklist ticks, breaks, agreed actions and
 * change results.
 *
 * Actions and change results live inside the meeting document rather than in a collection
 * of their own: closing the meeting must see every action in the same write that fixes the
 * agreement date ("no agreement" is refused while actions exist, and the next session copies
 * them forward), and ADR 0002 gives us no multi-document transactions. A meeting holds at
 * most ACTIONS_MAX actions, so the document stays small. The cost is that two mediators
 * adding actions at once touch the same document; the version check retries the loser,
 * which a meeting's handful of writers per second does not notice.
 */
export interface MeetingDoc extends Meeting, WithOutbox {
  /** The meetingId. */
  _id: string;
  /** caseId|session: a unique index keeps one record per session under racing starts. */
  sessionKey: string;
}

export const MEETINGS_COLLECTION = 'meetings';

export const meetingIndexes: readonly IndexSpec[] = [
  { fields: ['caseId', 'session'] },
  { field: 'sessionKey', unique: true },
  // The service view's periods: sessions held, sessions closed (with an agreement). The case id
  // last, so the index alone answers "which cases" without reading a single meeting.
  { fields: ['startedAt', 'caseId'] },
  { fields: ['close.closedAt', 'close.outcome', 'caseId'] },
];

/** Every tick is a write to the same document; allow for a burst from two mediators at once. */
export const MAX_MEETING_ATTEMPTS = 40;

export type MeetingCreateResult = 'created' | 'duplicate_session';

export type MeetingStartResult =
  | { readonly status: 'created'; readonly meeting: Meeting }
  /** A meeting was already in progress and the start returned it: nothing written. */
  | { readonly status: 'unchanged'; readonly meeting: Meeting }
  | { readonly status: 'rejected'; readonly error: Error; readonly meeting: Meeting | null }
  | { readonly status: 'conflict' };

export type MeetingUpdateResult =
  /** `previous`: the session as it was before this change. */
  | { readonly status: 'updated'; readonly meeting: Meeting; readonly previous: Meeting }
  /** The mutation returned the meeting it was given: nothing to write (a repeated click). */
  | { readonly status: 'unchanged'; readonly meeting: Meeting }
  | { readonly status: 'rejected'; readonly error: Error; readonly meeting: Meeting }
  | { readonly status: 'not_found' }
  | { readonly status: 'conflict' };

export type MeetingMutation = (meeting: Meeting) => Meeting | Error;
/** Builds the next session from the case's latest meeting (startMeeting). */
export type MeetingStarter = (previous: Meeting | null) => Meeting | Error;

export function sessionKey(caseId: string, session: number): string {
  return `${caseId}|${session}`;
}

function toDoc(meeting: Meeting, audit: AuditRecord): MeetingDoc {
  return { ...meeting, _id: meeting.meetingId, sessionKey: sessionKey(meeting.caseId, meeting.session), auditOutbox: audit };
}

/** A new session's `meeting.started` entry, by whoever started it, when they did. */
function startedEntry(m: Meeting): AuditRecord {
  const input: AuditInput = { by: m.startedBy, action: 'meeting.started', subject: `meeting:${m.meetingId}`, detail: `session ${m.session}${m.startedAnywayReason !== undefined ? '; started with failing checks' : ''}` };
  return outboxEntry('meeting', m.meetingId, m.version, input, m.caseId, new Date(m.startedAt));
}

function fromDoc(doc: MeetingDoc): Meeting {
  // The schema strips the derived fields (and anything a backend adds).
  return parseStored(MeetingSchema, MEETINGS_COLLECTION, String(doc._id), doc);
}

/**
 * Meetings, with the optimistic concurrency of cases: every change is a pure mutation
 * applied to the latest stored version and written only if nobody wrote in between.
 */
export class MeetingStore {
  constructor(
    private readonly docs: DocCollection<MeetingDoc>,
    private readonly log: AuditLog,
    private readonly onCorrupt: OnCorruptDocument = () => {},
    private readonly onAuditDeferred: (err: Error) => void = () => {},
  ) {}

  private async insert(meeting: Meeting): Promise<boolean> {
    const entry = startedEntry(meeting);
    if (!(await this.docs.insertOne(toDoc(meeting, entry)))) return false;
    await flushOutbox(this.log, entry, this.onAuditDeferred);
    return true;
  }

  /** Refused when the case already has a meeting with that session number. */
  async create(meeting: Meeting): Promise<MeetingCreateResult> {
    return (await this.insert(MeetingSchema.parse(meeting))) ? 'created' : 'duplicate_session';
  }

  /**
   * Starts a meeting: reads the case's latest meeting, builds the next one and inserts it.
   * When two mediators start at once, one insert wins the session number and the other
   * builds again from the winner (which startMeeting returns unchanged).
   */
  async start(caseId: string, build: MeetingStarter): Promise<MeetingStartResult> {
    for (let attempt = 1; attempt <= MAX_MEETING_ATTEMPTS; attempt++) {
      const previous = await this.current(caseId);
      const result = build(previous);
      if (result instanceof Error) return { status: 'rejected', error: result, meeting: previous };
      if (result === previous) return { status: 'unchanged', meeting: previous };
      if (result.caseId !== caseId) {
        return { status: 'rejected', error: new Error('A meeting must be started in its own case.'), meeting: previous };
      }
      const meeting = MeetingSchema.parse(result);
      if (await this.insert(meeting)) return { status: 'created', meeting };
      await backoff(attempt);
    }
    return { status: 'conflict' };
  }

  /** The meeting, if it belongs to that case: an id from a card is only trusted within its case. Throws CorruptDocumentError. */
  async get(caseId: string, meetingId: string): Promise<Meeting | null> {
    const doc = await this.docs.findById(meetingId);
    if (!doc) return null;
    const meeting = fromDoc(doc);
    return meeting.caseId === caseId ? meeting : null;
  }

  /** The case's latest session (running or closed), or null before the first. Throws CorruptDocumentError. */
  async current(caseId: string): Promise<Meeting | null> {
    const [doc] = await this.docs.find({ caseId }, { sort: { session: -1 }, limit: 1 });
    return doc ? fromDoc(doc) : null;
  }

  /** Every session of the case in order; a corrupt one is reported and left out. */
  async listForCase(caseId: string): Promise<Meeting[]> {
    const docs = await this.docs.find({ caseId }, { sort: { session: 1 } });
    return parseEach(docs, fromDoc, this.onCorrupt);
  }

  /** The cases with a session closed with an agreement (full or partial) between two instants, both included. */
  async caseIdsAgreedBetween(from: string, to: string): Promise<string[]> {
    const ids = await this.docs.distinct('caseId', { 'close.closedAt': { $gte: from, $lte: to }, 'close.outcome': { $in: ['full', 'partial'] } });
    return ids.filter((id): id is string => typeof id === 'string');
  }

  /**
   * The cases of the sessions with `field` (an instant) between `from` and `to`, without reading
   * the sessions: the service view then reads each case's sessions once (listForCases).
   */
  async caseIdsBetween(field: 'startedAt' | 'close.closedAt', from: string, to: string): Promise<string[]> {
    const ids = await this.docs.distinct('caseId', { [field]: { $gte: from, $lte: to } });
    return ids.filter((id): id is string => typeof id === 'string');
  }

  /** Every session of these cases. */
  async listForCases(caseIds: readonly string[]): Promise<Meeting[]> {
    if (caseIds.length === 0) return [];
    return parseEach(await this.docs.find({ caseId: { $in: [...caseIds] } }), fromDoc, this.onCorrupt);
  }

  /**
   * Reads the meeting, applies `mutate`, and writes the result only if the stored version is
   * still the one read; on a conflict it re-reads and re-applies. The mutation must be pure:
   * it may run several times. It returns an Error to refuse (nothing is written), or the
   * meeting it was given when there is nothing to do (nothing is written either).
   */
  async update(caseId: string, meetingId: string, mutate: MeetingMutation, audit: AuditInput, now: Date = new Date()): Promise<MeetingUpdateResult> {
    const input: AuditInput = { subject: `meeting:${meetingId}`, ...audit };
    const writer = outboxWriter<Meeting>('meeting', meetingId, caseId, input, now, (next, current, entry) =>
      this.docs.replaceOne({ _id: meetingId, version: current.version }, toDoc(next, entry)),
    );
    const r = await updateOptimistically<Meeting>({
      attempts: MAX_MEETING_ATTEMPTS,
      read: () => this.get(caseId, meetingId),
      mutate,
      identityProblem: (next, current) =>
        next.meetingId !== current.meetingId || next.caseId !== current.caseId || next.session !== current.session
          ? 'A meeting update cannot change its id, case or session.'
          : undefined,
      finish: (next, current) => MeetingSchema.parse({ ...next, version: current.version + 1, updatedAt: now.toISOString() }),
      write: writer.write,
    });
    await writer.flush(this.log, this.onAuditDeferred);
    switch (r.status) {
      case 'not_found':
      case 'conflict':
        return r;
      case 'rejected':
        return { status: 'rejected', error: r.error, meeting: r.value };
      case 'updated':
        return { status: r.status, meeting: r.value, previous: r.previous };
      default:
        return { status: r.status, meeting: r.value };
    }
  }
}
