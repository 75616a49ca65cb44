import type { Backend } from './collection';
import { EmbeddedBackend } from './embedded/embeddedBackend';
import { MongoBackend } from './mongo/mongoBackend';
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

/** Everything the product stores, behind one object; the backend is chosen at start-up. */
export interface AppStore {
  readonly kind: Backend['kind'];
  readonly conversations: ConversationStore;
  readonly processedActivities: ProcessedActivityStore;
  readonly state: StateStore;
  readonly cases: CaseStore;
  readonly acknowledgements: AcknowledgementStore;
  readonly invites: InviteStore;
  readonly rateLimits: RateLimitStore;
  /** Preparation answers and requested changes (domain.md §9). */
  readonly preparation: PreparationStore;
  /** Meeting sessions: checklist, breaks, agreed actions, change results (domain.md §7, §10.1). */
  readonly meetings: MeetingStore;
  /** Outcome statements: published versions, parties' answers, amended plan (domain.md §10.1). */
  readonly outcomes: OutcomeStore;
  /** Issued mediation certificates, every version (domain.md §10.2). */
  readonly certificates: CertificateStore;
  /** Deadlines and their reminders, with leases for delivery (domain.md §5 "Bot behaviour"). */
  readonly reminders: ReminderStore;
  /** Each person's link to the meeting's calendar invitation (only token hashes). */
  readonly calendarLinks: CalendarLinkStore;
  /** Date polls ("find a date"), one per case at a time. */
  readonly polls: PollStore;
  /** Announces each case whose deadlines may have moved (see caseChanges.ts). */
  readonly caseChanges: CaseChangeFeed;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StoreHooks {
  /** A stored document that fails validation and was left out of a list (log it). */
  readonly onCorruptDocument?: OnCorruptDocument;
}

export type StoreOptions = StoreHooks &
  (
    | { readonly kind: 'embedded'; readonly dataDir: string; readonly onRepair?: (file: string, bytes: number) => void }
    | { readonly kind: 'mongodb'; readonly uri: string; readonly db: string }
  );

export async function openStore(options: StoreOptions): Promise<AppStore> {
  const backend: Backend =
    options.kind === 'embedded'
      ? await EmbeddedBackend.open(options.dataDir, options.onRepair)
      : await MongoBackend.open(options.uri, options.db);
  return createAppStore(backend, options);
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
  const conversations = await backend.collection<ConversationRecord>(CONVERSATIONS_COLLECTION, conversationIndexes);
  const processed = await backend.collection<ProcessedActivityDoc>('processed_activities', processedActivityIndexes);
  const state = await backend.collection<StateDoc>('bot_state', []);
  const cases = await backend.collection<CaseDoc>(CASES_COLLECTION, caseIndexes);
  const acks = await backend.collection<AcknowledgementDoc>(ACKNOWLEDGEMENTS_COLLECTION, acknowledgementIndexes);
  const invites = await backend.collection<InviteDoc>(INVITES_COLLECTION, inviteIndexes);
  const attempts = await backend.collection<AttemptDoc>(RATE_LIMITS_COLLECTION, rateLimitIndexes);
  const prepRecords = await backend.collection<PreparationRecordDoc>(PREPARATION_RECORDS_COLLECTION, preparationRecordIndexes);
  const prepChanges = await backend.collection<RequestedChangeDoc>(REQUESTED_CHANGES_COLLECTION, requestedChangeIndexes);
  const meetings = await backend.collection<MeetingDoc>(MEETINGS_COLLECTION, meetingIndexes);
  const outcomes = await backend.collection<OutcomeDoc>(OUTCOMES_COLLECTION, outcomeIndexes);
  const certificates = await backend.collection<CertificateDoc>(CERTIFICATES_COLLECTION, certificateIndexes);
  const reminderDeadlines = await backend.collection<DeadlineDoc>(DEADLINES_COLLECTION, deadlineIndexes);
  const reminderDocs = await backend.collection<ReminderDoc>(REMINDERS_COLLECTION, reminderIndexes);
  const calendarLinks = await backend.collection<CalendarLinkDoc>(CALENDAR_LINKS_COLLECTION, calendarLinkIndexes);
  const polls = await backend.collection<DatePollDoc>(DATE_POLLS_COLLECTION, datePollIndexes);
  const feed = new CaseChangeFeed();
  const caseStore = new CaseStore(cases, hooks.onCorruptDocument);
  caseStore.create = announcing(feed, caseStore.create.bind(caseStore), (c) => c.id);
  // What deadlinesForCase reads of a case and a meeting: a write that changes none of it (most do not) moves no deadline.
  caseStore.update = announcingWhenChanged(feed, caseStore.update.bind(caseStore), (id) => id, (r) =>
    r.status === 'updated'
      ? JSON.stringify([r.case.dates, r.case.state, r.case.caseType, r.case.isYoungPerson, r.case.parties.map((p) => [p.partyId, p.role]), r.case.mediators.length])
      : undefined,
  );
  const meetingStore = new MeetingStore(meetings, hooks.onCorruptDocument);
  meetingStore.create = announcing(feed, meetingStore.create.bind(meetingStore), (m) => m.caseId);
  meetingStore.start = announcing(feed, meetingStore.start.bind(meetingStore), (caseId) => caseId);
  meetingStore.update = announcingWhenChanged(feed, meetingStore.update.bind(meetingStore), (caseId) => caseId, (r) =>
    r.status === 'updated' ? JSON.stringify([r.meeting.meetingId, r.meeting.startedAt, r.meeting.close ?? null, r.meeting.actions]) : undefined,
  );
  const outcomeStore = new OutcomeStore(outcomes);
  outcomeStore.open = announcing(feed, outcomeStore.open.bind(outcomeStore), (r) => r.caseId);
  outcomeStore.update = announcing(feed, outcomeStore.update.bind(outcomeStore), (caseId) => caseId);
  const certificateStore = new CertificateStore(certificates, hooks.onCorruptDocument);
  certificateStore.issue = announcing(feed, certificateStore.issue.bind(certificateStore), (caseId) => caseId);
  const preparationStore = new PreparationStore(prepRecords, prepChanges, hooks.onCorruptDocument);
  // Sending the requested changes finishes T10; answers and drafts move no deadline.
  preparationStore.sendDrafts = announcing(feed, preparationStore.sendDrafts.bind(preparationStore), (caseId) => caseId);
  return {
    kind: backend.kind,
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
    calendarLinks: new CalendarLinkStore(calendarLinks),
    polls: new PollStore(polls),
    caseChanges: feed,
    ping: () => backend.ping(),
    close: () => backend.close(),
  };
}
