/**
 * Run as its own process by twoProcesses.test.ts: `node --import tsx concurrentCaseWriter.ts
 * DATA_DIR CASE_ID COUNT`. Makes COUNT changes to one case through the product's CaseStore
 * (each a new version), retrying a conflict as any caller would, and prints what it did.
 */
import { openStore } from '../../../storage/appStore';

async function main(): Promise<void> {
  const [dataDir, caseId, countText] = process.argv.slice(2);
  if (!dataDir || !caseId || !countText) throw new Error('usage: DATA_DIR CASE_ID COUNT');
  const store = await openStore({ kind: 'embedded', dataDir });
  const startedAt = Date.now();
  let updated = 0;
  let conflicts = 0;
  try {
    while (updated < Number(countText)) {
      // A copy is a change: the store bumps the version and appends the audit entry.
      const r = await store.cases.update(caseId, (c) => ({ ...c }), { action: 'parties.assigned', by: `pid-${process.pid}` });
      if (r.status === 'updated') updated++;
      else if (r.status === 'conflict') conflicts++;
      else throw new Error(`unexpected ${r.status}`);
    }
  } finally {
    await store.close();
  }
  process.stdout.write(JSON.stringify({ updated, conflicts, startedAt, endedAt: Date.now() }));
}

main().catch((err: unknown) => {
  process.stderr.write(String(err instanceof Error ? err.stack : err));
  process.exit(1);
});
