import fs from 'node:fs';
import path from 'node:path';
import type { Backend } from './collection';
import { damaged, SqliteBackend } from './sqlite/sqliteBackend';
import { SQLITE_FILE, type FileCheck } from './sqlite/fileCheck';
import { importNedbIfPresent, type NedbImportReport } from './sqlite/importNedb';
import type { QueryPlanCheck } from './sqlite/queryPlanCheck';
import { ConversationStore, CONVERSATIONS_COLLECTION, conversationIndexes, type ConversationRecord } from './conversationStore';
import { ProcessedActivityStore, processedActivityIndexes, type ProcessedActivityDoc } from './processedActivityStore';
import { StateStore, type StateDoc } from './stateStore';
import { CaseStore, CASES_COLLECTION, caseIndexes, type CaseDoc } from './caseStore';
import {
  AcknowledgementStore,
  ACKNOWLEDGEMENTS_COLLECTION,
  acknowledgementIndexes,
  type AcknowledgementDoc,
} from './acknowledgementStore';
import { InviteStore, INVITES_COLLECTION, inviteIndexes, type InviteDoc } from './inviteStore';
import { RateLimitStore, RATE_LIMITS_COLLECTION, rateLimitIndexes, type AttemptDoc } from './rateLimitStore';
import {
  PreparationStore,
  PREPARATION_RECORDS_COLLECTION,
  REQUESTED_CHANGES_COLLECTION,
  preparationRecordIndexes,
  requestedChangeIndexes,
  type PreparationRecordDoc,
  type RequestedChangeDoc,
} from './preparationStore';
import { MeetingStore, MEETINGS_COLLECTION, meetingIndexes, type MeetingDoc } from './meetingStore';
import { OutcomeStore, OUTCOMES_COLLECTION, outcomeIndexes, type OutcomeDoc } from './outcomeStore';
import { CertificateStore, CERTIFICATES_COLLECTION, certificateIndexes, type CertificateDoc } from './certificateStore';
import { announcing, announcingWhenChanged, CaseChangeFeed } from './caseChanges';
import { PollStore, DATE_POLLS_COLLECTION, datePollIndexes, type DatePollDoc } from './pollStore';
import { CalendarLinkStore, CALENDAR_LINKS_COLLECTION, calendarLinkIndexes, type CalendarLinkDoc } from './calendarLinkStore';
import {
  ReminderStore,
  DEADLINES_COLLECTION,
  REMINDERS_COLLECTION,
  deadlineIndexes,
  reminderIndexes,
  type DeadlineDoc,
  type ReminderDoc,
} from './reminderStore';
import type { OnCorruptDocument } from './corruptDocument';
import { AuditLog, AUDIT_LOG_COLLECTION, auditLogIndexes, type AuditDoc } from './auditLog';
import { migrateLegacyAudit, type AuditMigrationReport, type LegacyDoc } from './auditMigration';
import { migrateMeetingDates, type MeetingDateMigrationReport } from './meetingDateMigration';
import { sweepOutboxes, type WithOutbox } from './auditOutbox';
import { StoreMarkers, STORE_MARKERS_COLLECTION, type StoreMarkerDoc } from './storeMarkers';
import type { DocCollection, Filter } from './collection';
import { CaseRecords } from './caseRecords';
import type { Case } from '../domain/cases';
import type { Meeting } from '../domain/meeting';
import { SERVICE_RECORDS_COLLECTION, serviceRecordIndexes, ServiceRecordStore, type ServiceRecordBackfill, type ServiceRecordDoc } from './serviceRecordStore';
import { CertificateRegister, CERTIFICATE_REGISTER_COLLECTION, certificateRegisterIndexes, type RegisterDoc } from './certificateRegister';
import { ExportLinkStore, EXPORT_LINKS_COLLECTION, exportLinkIndexes, type ExportLinkDoc } from './exportLinkStore';
import {
  FollowUpStore,
  ACTION_PROGRESS_COLLECTION,
  FEEDBACK_ANSWERS_COLLECTION,
  FEEDBACK_GIVEN_COLLECTION,
  actionProgressIndexes,
  feedbackAnswerIndexes,
  feedbackGivenIndexes,
  type ActionProgressDoc,
  type FeedbackAnswerDoc,
  type FeedbackGivenDoc,
} from './followUpStore';
import { JobLeaseStore, JOB_LEASES_COLLECTION, jobLeaseIndexes, type JobLeaseDoc } from './jobLeaseStore';

/** Everything the product stores, behind one object; the backend is chosen at start-up. */
export interface AppStore {
  readonly kind: Backend['kind'];
  /** The SQLite file or the MongoDB database, for logs. */
  readonly location: string;
  readonly conversations: ConversationStore;
  readonly processedActivities: ProcessedActivityStore;
  readonly state: StateStore;
  readonly cases: CaseStore;
  readonly acknowledgements: AcknowledgementStore;
  readonly invites: InviteStore;
  readonly rateLimits: RateLimitStore;
  /** Preparation answers and requested changes (docs/rules.md#preparation-and-requested-changes). */
  readonly preparation: PreparationStore;
  /** Meeting sessions: checklist, breaks, agreed actions, change results (docs/rules.md#the-meeting-checklist, #outcome-statement). */
  readonly meetings: MeetingStore;
  /** Outcome statements: published versions, parties' answers, amended plan (docs/rules.md#outcome-statement). */
  readonly outcomes: OutcomeStore;
  /** Issued mediation certificates, every version (docs/rules.md#mediation-certificate). */
  readonly certificates: CertificateStore;
  /** Deadlines and their reminders, with leases for delivery (docs/rules.md#reminder-schedules). */
  readonly reminders: ReminderStore;
  /** Who did or saw what, append-only (docs/operations.md "The audit log"). */
  readonly auditLog: AuditLog;
  /** Each person's link to the meeting's calendar invitation (only token hashes). */
  readonly calendarLinks: CalendarLinkStore;
  /** Date polls ("find a date"), one per case at a time. */
  readonly polls: PollStore;
  /** Which one-time start-up jobs have run, with their counts (storeMarkers.ts). */
  readonly markers: StoreMarkers;
  /** After the meeting: agreed actions followed through, and the parties' feedback (docs/after-the-meeting.md). */
  readonly followUp: FollowUpStore;
  /** The service view's small copy of each case's records, kept current from the change feed. */
  readonly serviceRecords: ServiceRecordStore;
  /** Announces each case whose deadlines may have moved (see caseChanges.ts). */
  readonly caseChanges: CaseChangeFeed;
  /**
   * Starts the sweep of audit entries a crash left only in their documents (auditOutbox.ts), or
   * returns the one under way: a read of every case, meeting and outcome, so the bot starts it in
   * the background once it listens (startBot). Resolves to how many entries were copied. close()
   * ends it early: the next start-up sweeps again.
   */
  recoverAudit(): Promise<number>;
  /** Every collection holding a case's records: what the purge deletes and an export reads. */
  readonly caseRecords: CaseRecords;
  /** Certificate numbers and issue dates that outlive a purged case. */
  readonly certificateRegister: CertificateRegister;
  /** Leases of the once-a-day jobs (the purge). */
  readonly jobLeases: JobLeaseStore;
  /** One-time links to subject access exports. */
  readonly exportLinks: ExportLinkStore;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreHooks {
  /** A stored document that fails validation and was left out of a list (log it). */
  readonly onCorruptDocument?: OnCorruptDocument;
  /** An audit entry that could not be copied from its document to the log at once (the next start-up copies it). */
  readonly onAuditDeferred?: (err: Error) => void;
  /** What the one-time audit migration did (log it when anything moved). */
  readonly onAuditStartup?: (report: AuditMigrationReport) => void;
  /** What the one-time meeting-date migration did (log it; recompute the moved cases' reminders). */
  readonly onMeetingDatesStartup?: (report: MeetingDateMigrationReport) => void;
  /** What the one-time build of the service view's records did (log it), or undefined when it had run before. */
  readonly onServiceRecordsStartup?: (report: ServiceRecordBackfill | undefined) => void;
  /** A service view record could not be rebuilt after a change (the view rebuilds it when it next reads a missing one). */
  readonly onServiceRecordFailed?: (caseId: string, err: Error) => void;
  /** The background sweep after start-up copied entries a crash had left only in their documents. */
  readonly onAuditRecovered?: (entries: number) => void;
}

export { SQLITE_FILE } from './sqlite/fileCheck';

export type StoreOptions = StoreHooks &
  (
    | {
        readonly kind: 'embedded';
        readonly dataDir: string;
        /** An earlier version's NeDB files were found in DATA_DIR on start-up (log it). */
        readonly onNedbImport?: (report: NedbImportReport) => void;
        /** Tests: fail on a query that no declared index serves. */
        readonly checkQueryPlans?: QueryPlanCheck;
        /** The page-by-page check of the file, started earlier on a thread of its own (bot/index.ts). */
        readonly fileCheck?: FileCheck;
      }
    | { readonly kind: 'mongodb'; readonly uri: string; readonly db: string }
  );

export async function openStore(options: StoreOptions): Promise<AppStore> {
  return createAppStore(await openBackend(options), options);
}

export async function openBackend(options: StoreOptions): Promise<Backend> {
  if (options.kind === 'mongodb') {
    // Loaded only when used: the driver costs about 20 MB of memory in every embedded instance.
    const { MongoBackend } = await import('./mongo/mongoBackend');
    return MongoBackend.open(options.uri, options.db);
  }
  fs.mkdirSync(options.dataDir, { recursive: true });
  const file = path.join(options.dataDir, SQLITE_FILE);
  const report = importNedbIfPresent(options.dataDir, file);
  if (report) options.onNedbImport?.(report);
  const checked = options.fileCheck?.file === file ? await options.fileCheck.result : undefined;
  if (checked !== undefined && checked !== 'ok') throw damaged(file, checked);
  return SqliteBackend.open(file, { checkQueryPlans: options.checkQueryPlans, fileChecked: checked === 'ok' });
}

export async function createAppStore(backend: Backend, hooks: StoreHooks = {}): Promise<AppStore> {
  try {
    return await assemble(backend, hooks);
  } catch (err) {
    // A store that fails to open must not leave timers or connections behind.
    await backend.close().catch(() => undefined);
    throw err;
  }
}

async function assemble(backend: Backend, hooks: StoreHooks): Promise<AppStore> {
  // Bookkeeping: rebuilt on the next turn or redone harmlessly if a power cut loses the last writes.
  const bookkeeping = { durability: 'bookkeeping' } as const;
  const conversations = await backend.collection<ConversationRecord>(CONVERSATIONS_COLLECTION, conversationIndexes, bookkeeping);
  const processed = await backend.collection<ProcessedActivityDoc>('processed_activities', processedActivityIndexes, bookkeeping);
  const state = await backend.collection<StateDoc>('bot_state', [], bookkeeping);
  const cases = await backend.collection<CaseDoc>(CASES_COLLECTION, caseIndexes);
  const acks = await backend.collection<AcknowledgementDoc>(ACKNOWLEDGEMENTS_COLLECTION, acknowledgementIndexes);
  const invites = await backend.collection<InviteDoc>(INVITES_COLLECTION, inviteIndexes);
  const attempts = await backend.collection<AttemptDoc>(RATE_LIMITS_COLLECTION, rateLimitIndexes, bookkeeping);
  const prepRecords = await backend.collection<PreparationRecordDoc>(PREPARATION_RECORDS_COLLECTION, preparationRecordIndexes);
  const prepChanges = await backend.collection<RequestedChangeDoc>(REQUESTED_CHANGES_COLLECTION, requestedChangeIndexes);
  const meetings = await backend.collection<MeetingDoc>(MEETINGS_COLLECTION, meetingIndexes);
  const outcomes = await backend.collection<OutcomeDoc>(OUTCOMES_COLLECTION, outcomeIndexes);
  const certificates = await backend.collection<CertificateDoc>(CERTIFICATES_COLLECTION, certificateIndexes);
  const reminderDeadlines = await backend.collection<DeadlineDoc>(DEADLINES_COLLECTION, deadlineIndexes);
  const reminderDocs = await backend.collection<ReminderDoc>(REMINDERS_COLLECTION, reminderIndexes);
  const auditDocs = await backend.collection<AuditDoc>(AUDIT_LOG_COLLECTION, auditLogIndexes);
  // The log again without an fsync per write: for copies of entries already on disk in their record (AuditLog.copyUnsynced).
  const auditCopies = await backend.collection<AuditDoc>(AUDIT_LOG_COLLECTION, auditLogIndexes, bookkeeping);
  const auditLog = new AuditLog(auditDocs, hooks.onCorruptDocument, auditCopies);
  const register = await backend.collection<RegisterDoc>(CERTIFICATE_REGISTER_COLLECTION, certificateRegisterIndexes);
  const leases = await backend.collection<JobLeaseDoc>(JOB_LEASES_COLLECTION, jobLeaseIndexes);
  const exportLinks = await backend.collection<ExportLinkDoc>(EXPORT_LINKS_COLLECTION, exportLinkIndexes);
  const scoped = (name: string, docs: unknown, field: '_id' | 'caseId', keep?: Filter) => ({ name, docs: docs as DocCollection<{ _id: string }>, field, ...(keep ? { keep } : {}) });
  const calendarLinks = await backend.collection<CalendarLinkDoc>(CALENDAR_LINKS_COLLECTION, calendarLinkIndexes);
  const polls = await backend.collection<DatePollDoc>(DATE_POLLS_COLLECTION, datePollIndexes);
  const progress = await backend.collection<ActionProgressDoc>(ACTION_PROGRESS_COLLECTION, actionProgressIndexes);
  const feedbackAnswers = await backend.collection<FeedbackAnswerDoc>(FEEDBACK_ANSWERS_COLLECTION, feedbackAnswerIndexes, { unordered: true });
  const feedbackGiven = await backend.collection<FeedbackGivenDoc>(FEEDBACK_GIVEN_COLLECTION, feedbackGivenIndexes);
  // Derived from the case's records and rebuilt from them on any doubt (serviceRecordStore.ts).
  const serviceRecordDocs = await backend.collection<ServiceRecordDoc>(SERVICE_RECORDS_COLLECTION, serviceRecordIndexes, bookkeeping);
  const caseRecords = new CaseRecords([
    scoped(CASES_COLLECTION, cases, '_id'),
    scoped(ACKNOWLEDGEMENTS_COLLECTION, acks, 'caseId'),
    scoped(INVITES_COLLECTION, invites, 'caseId'),
    scoped(PREPARATION_RECORDS_COLLECTION, prepRecords, 'caseId'),
    scoped(REQUESTED_CHANGES_COLLECTION, prepChanges, 'caseId'),
    scoped(MEETINGS_COLLECTION, meetings, 'caseId'),
    scoped(OUTCOMES_COLLECTION, outcomes, '_id'),
    scoped(CERTIFICATES_COLLECTION, certificates, 'caseId'),
    scoped(DEADLINES_COLLECTION, reminderDeadlines, 'caseId'),
    scoped(REMINDERS_COLLECTION, reminderDocs, 'caseId'),
    scoped(EXPORT_LINKS_COLLECTION, exportLinks, 'caseId'),
    scoped(CALENDAR_LINKS_COLLECTION, calendarLinks, 'caseId'),
    scoped(DATE_POLLS_COLLECTION, polls, '_id'),
    scoped(ACTION_PROGRESS_COLLECTION, progress, 'caseId'),
    // Who answered the feedback goes with the case; the answers themselves name no case (followUpStore.ts).
    scoped(FEEDBACK_GIVEN_COLLECTION, feedbackGiven, 'caseId'),
    scoped(AUDIT_LOG_COLLECTION, auditDocs, 'caseId', { action: { $ne: 'case.purged' } }),
    // Last before the case: a view read during a purge finds no other record to rebuild it from.
    scoped(SERVICE_RECORDS_COLLECTION, serviceRecordDocs, '_id'),
  ]);
  // Before anything is served: old in-document trails into the log, then entries a crash left only in their document.
  // Both steps read the documents as stored, older shapes included.
  const raw = <T extends { _id: string }>(docs: DocCollection<{ _id: string }>) => docs as unknown as DocCollection<T>;
  const markers = new StoreMarkers(await backend.collection<StoreMarkerDoc>(STORE_MARKERS_COLLECTION, []));
  const migrated = await migrateLegacyAudit(auditLog, [
    { kind: 'case', docs: raw<LegacyDoc>(cases) },
    { kind: 'meeting', docs: raw<LegacyDoc>(meetings) },
    { kind: 'outcome', docs: raw<LegacyDoc>(outcomes) },
  ], markers, new Date());
  hooks.onAuditStartup?.(migrated);
  // Started on first use, not here: a read of every case, meeting and outcome must not delay the start.
  let closing = false;
  const outboxes = [raw<WithOutbox>(cases), raw<WithOutbox>(meetings), raw<WithOutbox>(outcomes), raw<WithOutbox>(acks), raw<WithOutbox>(prepRecords)];
  let auditRecovery: Promise<number> | undefined;
  const recoverAudit = () =>
    (auditRecovery ??= sweepOutboxes(auditLog, outboxes, () => closing).then(
      (n) => {
        if (n > 0) hooks.onAuditRecovered?.(n);
        return n;
      },
      (err: unknown) => {
        hooks.onAuditDeferred?.(err instanceof Error ? err : new Error(String(err)));
        return 0;
      },
    ));
  const feed = new CaseChangeFeed();
  const caseStore = new CaseStore(cases, auditLog, hooks.onCorruptDocument, hooks.onAuditDeferred);
  caseStore.create = announcing(feed, caseStore.create.bind(caseStore), (c) => c.id);
  // What deadlinesForCase and the service view read of a case: a write that changes none of it (most do not) moves no deadline.
  const caseFacts = (c: Case) =>
    JSON.stringify([
      c.dates,
      c.state,
      c.caseType,
      c.isYoungPerson,
      c.parties.map((p) => [p.partyId, p.role]),
      c.mediators.map((m) => [m.aadObjectId, m.displayName]),
      c.localAuthority,
      c.ending ?? null,
    ]);
  caseStore.update = announcingWhenChanged(feed, caseStore.update.bind(caseStore), (id) => id, (r) => (r.status === 'updated' ? { now: caseFacts(r.case), before: caseFacts(r.previous) } : undefined));
  const meetingStore = new MeetingStore(meetings, auditLog, hooks.onCorruptDocument, hooks.onAuditDeferred);
  meetingStore.create = announcing(feed, meetingStore.create.bind(meetingStore), (m) => m.caseId);
  meetingStore.start = announcing(feed, meetingStore.start.bind(meetingStore), (caseId) => caseId);
  const meetingFacts = (m: Meeting) => JSON.stringify([m.meetingId, m.startedAt, m.close ?? null, m.actions]);
  meetingStore.update = announcingWhenChanged(feed, meetingStore.update.bind(meetingStore), (caseId) => caseId, (r) =>
    r.status === 'updated' ? { now: meetingFacts(r.meeting), before: meetingFacts(r.previous) } : undefined,
  );
  // Before anything is served: a meeting held on another day than planned gives the case its real date.
  // Run whether or not anyone listens: `hook?.(await work())` would skip the work with the hook.
  const meetingDates = await migrateMeetingDates(cases, caseStore, meetingStore, markers, new Date());
  hooks.onMeetingDatesStartup?.(meetingDates);
  const outcomeStore = new OutcomeStore(outcomes, auditLog, hooks.onAuditDeferred, hooks.onCorruptDocument);
  outcomeStore.open = announcing(feed, outcomeStore.open.bind(outcomeStore), (r) => r.caseId);
  outcomeStore.update = announcing(feed, outcomeStore.update.bind(outcomeStore), (caseId) => caseId);
  const certificateStore = new CertificateStore(certificates, hooks.onCorruptDocument);
  certificateStore.issue = announcing(feed, certificateStore.issue.bind(certificateStore), (caseId) => caseId);
  certificateStore.update = announcing(feed, certificateStore.update.bind(certificateStore), (caseId) => caseId);
  const serviceRecords = new ServiceRecordStore(serviceRecordDocs, { cases: caseStore, meetings: meetingStore, certificates: certificateStore, outcomes: outcomeStore }, hooks.onCorruptDocument, hooks.onServiceRecordFailed);
  const backfilled = await serviceRecords.backfill(cases, markers, new Date());
  hooks.onServiceRecordsStartup?.(backfilled);
  // Real changes only: rebuilding on every first write after a start would double the work of a
  // terms click. A record a crash left missing is rebuilt when read (docs/service-view.md).
  feed.subscribe((caseId, reason) => {
    if (reason === 'changed') serviceRecords.request(caseId);
  });
  const preparationStore = new PreparationStore(prepRecords, prepChanges, hooks.onCorruptDocument, (entry) => auditLog.ensure([entry]));
  // Sending the requested changes finishes T10; answers and drafts move no deadline.
  preparationStore.sendDrafts = announcing(feed, preparationStore.sendDrafts.bind(preparationStore), (caseId) => caseId);
  const followUp = new FollowUpStore(progress, feedbackAnswers, feedbackGiven, hooks.onCorruptDocument);
  // A moved or finished action moves its reminders.
  followUp.open = announcing(feed, followUp.open.bind(followUp), (p) => p.caseId);
  followUp.update = announcing(feed, followUp.update.bind(followUp), (caseId) => caseId);
  return {
    kind: backend.kind,
    location: backend.location,
    conversations: new ConversationStore(conversations),
    processedActivities: new ProcessedActivityStore(processed),
    state: new StateStore(state),
    cases: caseStore,
    acknowledgements: new AcknowledgementStore(acks, hooks.onCorruptDocument),
    invites: new InviteStore(invites),
    rateLimits: new RateLimitStore(attempts),
    preparation: preparationStore,
    meetings: meetingStore,
    outcomes: outcomeStore,
    certificates: certificateStore,
    reminders: new ReminderStore(reminderDeadlines, reminderDocs, hooks.onCorruptDocument),
    auditLog,
    calendarLinks: new CalendarLinkStore(calendarLinks),
    polls: new PollStore(polls),
    caseChanges: feed,
    serviceRecords,
    markers,
    followUp,
    recoverAudit,
    caseRecords,
    certificateRegister: new CertificateRegister(register),
    jobLeases: new JobLeaseStore(leases),
    exportLinks: new ExportLinkStore(exportLinks),
    ping: () => backend.ping(),
    close: async () => {
      closing = true;
      await auditRecovery;
      await serviceRecords.settled();
      await backend.close();
    },
  };
}
