import { SYSTEM_ACTOR } from '../domain/audit';
import { meetingHeldDetail, withMeetingHeld, type Case } from '../domain/cases';
import type { Meeting } from '../domain/meeting';
import type { CaseDoc, CaseStore } from './caseStore';
import type { DocCollection } from './collection';
import type { MeetingStore } from './meetingStore';
import { everyDocument, type StoreMarkers } from './storeMarkers';

/**
 * Start-up migration: cases whose meeting started on another day than planned, stored by a
 * version that kept the planned day. Their meeting date becomes the day the latest session
 * really started (the rule of domain/cases/meetingHeld.ts), so the case card, `my cases`, the
 * dashboard and every deadline read the real date. Once, verified by counts: after the writes,
 * no case may still disagree with its meeting. The marker is set only by `done()`, once the bot has
 * recomputed those cases' reminders: a crash in between runs it again, and the cases already
 * corrected are still listed (by their planned day), so their reminders are not left behind.
 */
export interface MeetingDateMigrationReport {
  /** Cases read. */
  readonly checked: number;
  /** Cases whose meeting date this run corrected. */
  readonly moved: number;
  /**
   * Cases whose reminders must follow the day held: every case that carries a planned day beside
   * it (those moved now, and any moved by a run that crashed before done()).
   */
  readonly caseIds: readonly string[];
  /** Sets the marker: call once their reminders are recomputed. */
  done(): Promise<void>;
}

export class MeetingDateMigrationError extends Error {
  override readonly name = 'MeetingDateMigrationError';
}

const MARKER = 'meeting-date-is-the-day-held';

/** The day the case's meeting really happened, when the stored date disagrees; undefined otherwise. */
export function heldDateCorrection(c: Case, latest: Meeting | null): Case | undefined {
  // An adjourned session is followed by the next one, whose planned date the case holds.
  if (!latest || latest.close?.outcome === 'adjourned') return undefined;
  const held = withMeetingHeld(c, new Date(latest.startedAt));
  return held === c ? undefined : held;
}

async function correctionFor(id: string, cases: Pick<CaseStore, 'get'>, meetings: Pick<MeetingStore, 'current'>): Promise<{ c: Case; held: Case; latest: Meeting | null } | undefined> {
  try {
    const c = await cases.get(id);
    if (!c) return undefined;
    const latest = await meetings.current(id);
    const held = heldDateCorrection(c, latest);
    return held ? { c, held, latest } : undefined;
  } catch {
    // A damaged case or meeting is reported where it is read; it is not this migration's to fix.
    return undefined;
  }
}

export async function migrateMeetingDates(
  docs: DocCollection<CaseDoc>,
  cases: Pick<CaseStore, 'get' | 'update'>,
  meetings: Pick<MeetingStore, 'current'>,
  markers: StoreMarkers,
  now: Date,
): Promise<MeetingDateMigrationReport> {
  if (await markers.get(MARKER)) return { checked: 0, moved: 0, caseIds: [], done: async () => undefined };
  let checked = 0;
  let moved = 0;
  for await (const doc of everyDocument(docs)) {
    checked++;
    const id = String(doc._id);
    const found = await correctionFor(id, cases, meetings);
    if (!found) continue;
    const detail = meetingHeldDetail(found.c, found.held) ?? 'meeting date';
    const r = await cases.update(id, (c) => heldDateCorrection(c, found.latest) ?? c, { by: SYSTEM_ACTOR, action: 'meeting.dateHeld', detail }, now);
    if (r.status === 'updated') moved++;
  }
  // Verified by counts: every case read now agrees with its meeting.
  let disagreeing = 0;
  const caseIds: string[] = [];
  for await (const doc of everyDocument(docs)) {
    if (await correctionFor(String(doc._id), cases, meetings)) disagreeing++;
    if (doc.dates?.plannedMeetingDate !== undefined) caseIds.push(String(doc._id));
  }
  if (disagreeing > 0) throw new MeetingDateMigrationError(`${disagreeing} cases still disagree with the day their meeting was held`);
  const done = () => markers.set(MARKER, { checked, moved, resynced: caseIds.length }, now);
  // Nothing to recompute: done now, whoever opened the store.
  if (caseIds.length === 0) await done();
  return { checked, moved, caseIds, done };
}
