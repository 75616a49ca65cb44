import path from 'node:path';
import { isCaseError, moveCase, type Case, type CaseError } from '../../domain/cases';
import { closeMeeting, startMeeting, type Meeting } from '../../domain/meeting';
import { openStore, SQLITE_FILE, type AppStore } from '../../storage/appStore';
import type { MeetingDateMigrationReport } from '../../storage/meetingDateMigration';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { STORE_MARKERS_COLLECTION } from '../../storage/storeMarkers';
import { LEAD, makeCase } from '../domain/caseFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';
import { startTestBot } from '../helpers/testBot';

const GUARDS = { termsAgreed: true, authorityConfirmed: true };
const PLANNED = '2026-12-17';

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

/** What an earlier version stored: the meeting started on `at`, the case kept its planned date. */
async function heldAsBefore(store: AppStore, c: Case, at: Date, adjournTo?: string): Promise<void> {
  await store.cases.create(c);
  let m: Meeting = ok(startMeeting(c, null, LEAD.aadObjectId, { guards: GUARDS }, at));
  if (adjournTo) m = ok(closeMeeting(c, m, LEAD.aadObjectId, { outcome: 'adjourned', nextDate: adjournTo }, at));
  expect(await store.meetings.create(m)).toBe('created');
  const r = await store.cases.update(c.id, (x) => moveCase(x, 'MEETING'), { by: LEAD.aadObjectId, action: 'meeting.started' }, at);
  expect(r.status).toBe('updated');
}

describe('start-up migration: the meeting date is the day the meeting was held', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  it('moves each case whose meeting started on another day, once, verified by counts, and leaves the rest', async () => {
    const reports: MeetingDateMigrationReport[] = [];
    const open = () => openStore({ kind: 'embedded', dataDir, checkQueryPlans: refuseTableScans, onMeetingDatesStartup: (r) => reports.push(r) });
    let store = await open();
    const early = makeCase({ caseReference: 'MIG-EARLY', meetingDate: PLANNED });
    const onTheDay = makeCase({ caseReference: 'MIG-ONDAY', meetingDate: PLANNED });
    const adjourned = makeCase({ caseReference: 'MIG-ADJ', meetingDate: PLANNED });
    const notYet = makeCase({ caseReference: 'MIG-NOTYET', meetingDate: PLANNED });
    await heldAsBefore(store, early, new Date('2026-12-02T14:05:00Z'));
    await heldAsBefore(store, onTheDay, new Date('2026-12-17T10:00:00Z'));
    await heldAsBefore(store, adjourned, new Date('2026-12-17T10:00:00Z'), '2027-01-12');
    await store.cases.create(notYet);
    await store.close();
    // The store as the previous version left it: it never ran this migration.
    const raw = await SqliteBackend.open(path.join(dataDir, SQLITE_FILE));
    expect(await (await raw.collection<{ _id: string }>(STORE_MARKERS_COLLECTION, [])).deleteMany({ _id: 'meeting-date-is-the-day-held' })).toBe(1);
    await raw.close();

    store = await open();
    const figures = (r: MeetingDateMigrationReport | undefined) => (r ? { checked: r.checked, moved: r.moved, caseIds: r.caseIds } : undefined);
    expect(figures(reports.at(-1))).toEqual({ checked: 4, moved: 1, caseIds: [early.id] });
    const moved = await store.cases.get(early.id);
    expect(moved?.dates).toMatchObject({ meetingDate: '2026-12-02', meetingTime: '14:05', plannedMeetingDate: PLANNED });
    expect((await store.cases.get(onTheDay.id))?.dates.meetingDate).toBe(PLANNED);
    expect((await store.cases.get(adjourned.id))?.dates.meetingDate).toBe(PLANNED);
    expect((await store.cases.get(notYet.id))?.dates).not.toHaveProperty('plannedMeetingDate');
    const entry = (await store.auditLog.listForCase(early.id)).find((e) => e.action === 'meeting.dateHeld');
    expect(entry).toMatchObject({ by: 'system', detail: `planned ${PLANNED}, held 2026-12-02` });
    await store.close();

    // A crash before the moved cases' reminders were recomputed (done() not called): the next
    // start moves nothing more but still lists the case, so its reminders are not left behind.
    store = await open();
    expect(figures(reports.at(-1))).toEqual({ checked: 4, moved: 0, caseIds: [early.id] });
    await store.close();

    // The bot recomputes the listed cases' reminders, and only then marks the migration done.
    const t = await startTestBot({ DATA_DIR: dataDir });
    try {
      await t.bot.app.deps.background.idle();
      expect((await t.bot.store.reminders.listForCase(early.id)).deadlines.length).toBeGreaterThan(0);
      expect(await t.bot.store.markers.get('meeting-date-is-the-day-held')).toMatchObject({ counts: { checked: 4, moved: 0, resynced: 1 } });
    } finally {
      await t.stop();
    }

    // Done: a start-up reads nothing and moves nothing.
    store = await open();
    expect(figures(reports.at(-1))).toEqual({ checked: 0, moved: 0, caseIds: [] });
    await store.close();
  });
});
