import path from 'node:path';
import { isCaseError, type CaseError } from '../../domain/cases';
import { closeMeeting, startMeeting } from '../../domain/meeting';
import { serviceRecordOf } from '../../domain/service';
import { openStore, SQLITE_FILE, type AppStore } from '../../storage/appStore';
import type { CorruptDocumentError } from '../../storage/corruptDocument';
import { CASES_COLLECTION } from '../../storage/caseStore';
import { refuseTableScans } from '../../storage/sqlite/queryPlanCheck';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { SERVICE_RECORDS_COLLECTION, type ServiceRecordBackfill } from '../../storage/serviceRecordStore';
import { STORE_MARKERS_COLLECTION } from '../../storage/storeMarkers';
import { LEAD, makeCase } from '../domain/caseFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';

const GUARDS = { termsAgreed: true, authorityConfirmed: true };
const AT = new Date('2026-11-20T10:00:00Z');
const TENANT = 'tenant-1';

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

/** The service view's record of each case, as it would be built from the case's records now. */
async function expectedRecords(store: AppStore, ids: readonly string[]) {
  return Promise.all(
    ids.map(async (id) => serviceRecordOf((await store.cases.get(id))!, await store.meetings.listForCase(id), await store.certificates.listFactsForCases([id]), await store.outcomes.get(id))),
  );
}

describe("the service view's records", () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await makeTempDir();
  });
  afterEach(async () => {
    await removeDir(dataDir);
  });

  it('are built once for a store an earlier version wrote, verified by counts, and match the records they copy', async () => {
    const reports: (ServiceRecordBackfill | undefined)[] = [];
    const open = () => openStore({ kind: 'embedded', dataDir, checkQueryPlans: refuseTableScans, onServiceRecordsStartup: (r) => reports.push(r) });
    let store = await open();
    const cases = [makeCase({ caseReference: 'SR-1', laInformed: '2026-11-02' }), makeCase({ caseReference: 'SR-2', laInformed: '2026-11-03' }), makeCase({ caseReference: 'SR-3' })];
    for (const c of cases) await store.cases.create(c);
    const held = ok(startMeeting(cases[0]!, null, LEAD.aadObjectId, { guards: GUARDS }, AT));
    expect(await store.meetings.create(ok(closeMeeting(cases[0]!, held, LEAD.aadObjectId, { outcome: 'full' }, AT)))).toBe('created');
    expect(reports).toEqual([{ cases: 0, built: 0, damaged: 0 }]);
    await store.close();

    // The store as the previous version left it: no service records and no marker.
    const raw = await SqliteBackend.open(path.join(dataDir, SQLITE_FILE));
    expect(await (await raw.collection<{ _id: string }>(SERVICE_RECORDS_COLLECTION, [])).deleteMany({})).toBe(3);
    expect(await (await raw.collection<{ _id: string }>(STORE_MARKERS_COLLECTION, [])).deleteMany({ _id: 'service-records-v1' })).toBe(1);
    await raw.close();

    store = await open();
    expect(reports.at(-1)).toEqual({ cases: 3, built: 3, damaged: 0 });
    const ids = cases.map((c) => c.id);
    const read = await store.serviceRecords.getMany(ids, TENANT);
    expect(read.sort((a, b) => a.c.caseReference.localeCompare(b.c.caseReference))).toEqual(await expectedRecords(store, ids));
    expect(read[0]?.sessions).toEqual([expect.objectContaining({ session: 1, close: expect.objectContaining({ outcome: 'full' }) })]);
    expect((await store.markers.get('service-records-v1'))?.counts).toEqual({ cases: 3, records: 3, damaged: 0 });
    await store.close();

    // Once: the next start finds the marker and reads nothing.
    store = await open();
    expect(reports.at(-1)).toBeUndefined();
    await store.close();
  });

  it('are built by any opening of the store, also one that listens to no start-up report', async () => {
    let store = await openStore({ kind: 'embedded', dataDir });
    const c = makeCase({ caseReference: 'SR-7', laInformed: '2026-11-02' });
    await store.cases.create(c);
    await store.close();
    const raw = await SqliteBackend.open(path.join(dataDir, SQLITE_FILE));
    await (await raw.collection<{ _id: string }>(SERVICE_RECORDS_COLLECTION, [])).deleteMany({});
    await (await raw.collection<{ _id: string }>(STORE_MARKERS_COLLECTION, [])).deleteMany({ _id: 'service-records-v1' });
    await raw.close();
    // A script or tool opens it without hooks: the build still runs, once.
    store = await openStore({ kind: 'embedded', dataDir });
    expect((await store.markers.get('service-records-v1'))?.counts).toEqual({ cases: 1, records: 1, damaged: 0 });
    expect((await store.markers.get('meeting-date-is-the-day-held'))?.counts).toEqual({ checked: 0, moved: 0, resynced: 0 });
    await store.close();
  });

  it('leaves a damaged case out of the build, reported, without stopping the start', async () => {
    const reports: (ServiceRecordBackfill | undefined)[] = [];
    const corrupt: CorruptDocumentError[] = [];
    const open = () => openStore({ kind: 'embedded', dataDir, onServiceRecordsStartup: (r) => reports.push(r), onCorruptDocument: (e) => corrupt.push(e) });
    let store = await open();
    const good = makeCase({ caseReference: 'SR-4' });
    const bad = makeCase({ caseReference: 'SR-5' });
    await store.cases.create(good);
    await store.cases.create(bad);
    await store.close();
    const raw = await SqliteBackend.open(path.join(dataDir, SQLITE_FILE));
    await (await raw.collection<{ _id: string }>(SERVICE_RECORDS_COLLECTION, [])).deleteMany({});
    await (await raw.collection<{ _id: string }>(STORE_MARKERS_COLLECTION, [])).deleteMany({ _id: 'service-records-v1' });
    expect(await (await raw.collection<{ _id: string; caseType?: string }>(CASES_COLLECTION, [])).updateOne({ _id: bad.id }, { caseType: 'NOT-A-TYPE' })).toBe(1);
    await raw.close();

    store = await open();
    expect(reports.at(-1)).toEqual({ cases: 2, built: 1, damaged: 1 });
    expect(corrupt.map((e) => e.documentId)).toContain(bad.id);
    expect((await store.serviceRecords.getMany([good.id], TENANT)).map((r) => r.c.caseReference)).toEqual(['SR-4']);
    await store.close();
  });

  it('show a change another process made, though this one read the record before', async () => {
    const first = await openStore({ kind: 'embedded', dataDir, checkQueryPlans: refuseTableScans });
    const second = await openStore({ kind: 'embedded', dataDir, checkQueryPlans: refuseTableScans });
    try {
      const c = makeCase({ caseReference: 'SR-6', laInformed: '2026-11-02' });
      await first.cases.create(c);
      const read = () => first.serviceRecords.between('referredOn', '2026-11-01', '2026-11-30', TENANT);
      expect((await read()).map((r) => r.c.localAuthority)).toEqual([c.localAuthority]);
      // Read twice: the second comes from this process's memory of the first.
      expect((await read()).map((r) => r.c.localAuthority)).toEqual([c.localAuthority]);
      await second.cases.update(c.id, (x) => ({ ...x, localAuthority: 'Eastshire Council' }), { by: LEAD.aadObjectId, action: 'case.edited' }, AT);
      await second.serviceRecords.settled();
      expect((await read()).map((r) => r.c.localAuthority)).toEqual(['Eastshire Council']);
    } finally {
      await second.close();
      await first.close();
    }
  });
});
