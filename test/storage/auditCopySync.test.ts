import fs from 'node:fs';
import type { AppStore } from '../../storage/appStore';
import { preparationSubject } from '../../domain/preparation';
import { PARENT, makeCase } from '../domain/caseFixtures';
import { OFFICER, ok, partyIdOf, prepCase } from '../preparation/prepFixtures';
import { makeTempDir, removeDir } from '../helpers/tempDir';

/**
 * How many times the embedded store waits for the disk on a terms agreement. Counted at the
 * system call: fs.fdatasync is wrapped before the store's modules load (walSync.ts binds it then).
 */
const fsyncs: number[] = [];
const realFdatasync = fs.fdatasync;
(fs as { fdatasync: typeof fs.fdatasync }).fdatasync = ((fd: number, callback: (err: NodeJS.ErrnoException | null) => void) => {
  fsyncs.push(fd);
  realFdatasync(fd, callback);
}) as typeof fs.fdatasync;

let dir: string;
let store: AppStore;
beforeEach(async () => {
  dir = await makeTempDir('send-med-audit-sync-');
  const { openStore } = await import('../../storage/appStore');
  store = await openStore({ kind: 'embedded', dataDir: dir });
  await store.recoverAudit();
});
afterEach(async () => {
  await store.close();
  await removeDir(dir);
});
afterAll(() => {
  (fs as { fdatasync: typeof fs.fdatasync }).fdatasync = realFdatasync;
});

describe('an agreement and a preparation answer wait for the disk once each', () => {
  it('for the agreement with its audit entry; the log copy after the answer waits for none, and is kept', async () => {
    const c = makeCase({ caseReference: 'SYNC-1' });
    await store.cases.create(c);
    const ack = { caseId: c.id, partyId: 'party-1', role: 'parent_carer' as const, termsVersion: 'abc123def456', at: '2026-12-02T09:00:00.000Z', by: PARENT.aadObjectId };
    fsyncs.length = 0;
    const { auditEntry } = await store.acknowledgements.record(ack, { by: PARENT.aadObjectId, action: 'terms.agreed', subject: 'party:party-1' });
    expect(fsyncs).toHaveLength(1);
    expect(await store.auditLog.copyUnsynced(auditEntry!)).toBe(true);
    expect(fsyncs).toHaveLength(1);
    // Copied twice (a retried background task), stored once.
    expect(await store.auditLog.copyUnsynced(auditEntry!)).toBe(false);
    expect((await store.auditLog.listForCase(c.id)).map((e) => e.action)).toEqual(['case.created', 'terms.agreed']);
    // Any later write of case data takes the copy to disk with it.
    await store.cases.update(c.id, (x) => ({ ...x, childInitials: 'K.L.' }), { by: PARENT.aadObjectId, action: 'case.edited' });
    expect(fsyncs.length).toBeGreaterThan(1);
  });

  it('for a preparation answer with its entry; the log copy waits for none, and the next answer makes sure the entry reached the log', async () => {
    const c = prepCase();
    await store.cases.create(c);
    const subject = ok(preparationSubject(c, partyIdOf(c, OFFICER)));
    const audit = { by: OFFICER.aadObjectId, action: 'prep.answered' as const, subject: `party:${subject.partyId}` };
    fsyncs.length = 0;
    const first = await store.preparation.saveAnswer(subject, { kind: 'la', answers: { attendeeName: 'Lee' } }, OFFICER.aadObjectId, new Date('2026-12-02T09:00:00Z'), audit);
    expect(first.status).toBe('saved');
    expect(fsyncs).toHaveLength(1);
    const firstEntry = first.status === 'saved' ? first.auditEntry! : undefined;
    // The process dies before the copy after the answer: the next answer replaces the record's entry,
    // so it puts the first one in the log before it does.
    const second = await store.preparation.saveAnswer(subject, { kind: 'la', answers: { attendeeRole: 'SEN officer' } }, OFFICER.aadObjectId, new Date('2026-12-02T09:01:00Z'), audit);
    expect(second.status).toBe('saved');
    expect((await store.auditLog.listForCase(c.id)).map((e) => e.id)).toContain(firstEntry!.id);
    fsyncs.length = 0;
    expect(await store.auditLog.copyUnsynced(second.status === 'saved' ? second.auditEntry! : firstEntry!)).toBe(true);
    expect(fsyncs).toHaveLength(0);
    // A third answer finds the second entry's copy already in the log and writes only itself.
    await store.preparation.saveAnswer(subject, { kind: 'la', answers: { knowsFamily: 'both' } }, OFFICER.aadObjectId, new Date('2026-12-02T09:02:00Z'), audit);
    expect(fsyncs).toHaveLength(1);
    expect((await store.auditLog.listForCase(c.id)).filter((e) => e.action === 'prep.answered')).toHaveLength(2);
  });
});
