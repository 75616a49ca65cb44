import fs from 'node:fs';
import type { AppStore } from '../../storage/appStore';
import { PARENT, makeCase } from '../domain/caseFixtures';
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
  await store.auditRecovery;
});
afterEach(async () => {
  await store.close();
  await removeDir(dir);
});
afterAll(() => {
  (fs as { fdatasync: typeof fs.fdatasync }).fdatasync = realFdatasync;
});

describe('a terms agreement waits for the disk once', () => {
  it('for the agreement with its audit entry; the log copy after the answer waits for none, and is kept', async () => {
    const c = makeCase({ caseReference: 'SYNC-1' });
    await store.cases.create(c);
    const ack = { caseId: c.id, partyId: 'party-1', role: 'parent_carer' as const, termsVersion: 'abc123def456', at: '2026-12-02T09:00:00.000Z', by: PARENT.aadObjectId };
    fsyncs.length = 0;
    const { auditEntry } = await store.acknowledgements.record(ack, { by: PARENT.aadObjectId, action: 'terms.agreed', subject: 'party:party-1' });
    expect(fsyncs).toHaveLength(1);
    expect(await store.auditLog.copyOfWrittenOnce(auditEntry!)).toBe(true);
    expect(fsyncs).toHaveLength(1);
    // Copied twice (a retried background task), stored once.
    expect(await store.auditLog.copyOfWrittenOnce(auditEntry!)).toBe(false);
    expect((await store.auditLog.listForCase(c.id)).map((e) => e.action)).toEqual(['case.created', 'terms.agreed']);
    // Any later write of case data takes the copy to disk with it.
    await store.cases.update(c.id, (x) => ({ ...x, childInitials: 'K.L.' }), { by: PARENT.aadObjectId, action: 'case.edited' });
    expect(fsyncs.length).toBeGreaterThan(1);
  });
});
