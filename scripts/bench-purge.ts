/**
 * `npx tsx scripts/bench-purge.ts` (npm run bench:purge): the daily purge on the embedded store.
 *
 * Seeds BENCH_CASES (default 10,000) cases that ended more than RETENTION_MONTHS ago through the
 * product's own stores: each case is cancelled, has two parties, an invitation code and six audit
 * entries (opened, ended, four views). Then times one PurgeService.runIfDue: the lease, the plan
 * (counts in every case collection), the certificate register, tombstones and deletes. Also prints
 * the cost of one audit entry (AuditLog.append) against the same store.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { PurgeService } from '../bot/retention/purgeService';
import { loadConfig } from '../bot/config';
import { createLogger } from '../bot/logger';
import { addParty, createCase, endCase, validateNewCase, type Case } from '../domain/cases';
import { createInvite } from '../domain/invites';
import { openStore } from '../storage/appStore';
import { makeTempDir, removeDir } from '../test/helpers/tempDir';

const CASES = Number(process.env.BENCH_CASES ?? 10_000);
const ENDED = new Date('2019-06-03T10:00:00Z');
const NOW = new Date('2026-12-03T10:00:00Z');

function endedCase(i: number): Case {
  const v = validateNewCase({
    caseReference: `SM-B-${String(i).padStart(6, '0')}`,
    caseType: 'M-CONTENT',
    childInitials: 'A.B.',
    isYoungPerson: 'false',
    localAuthority: 'Bench County Council',
    meetingFormat: 'online',
  });
  if (!v.ok) throw new Error(JSON.stringify(v.errors));
  const lead = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  let c: Case = createCase(v.value, { aadObjectId: lead, displayName: 'Bench Mediator' }, `bench-tenant|19:team@thread.tacv2`, ENDED);
  for (const [n, role] of [[1, 'parent_carer'], [2, 'la_officer']] as const) {
    const next = addParty(c, { role, displayName: `Party ${n}`, aadObjectId: `00000000-0000-4000-9${n}00-${String(i).padStart(12, '0')}`, how: 'roster' }, lead, ENDED);
    if (next instanceof Error) throw next;
    c = next;
  }
  const ended = endCase(c, { kind: 'cancel', reason: 'opened_by_mistake' }, lead, ENDED);
  if (ended instanceof Error) throw ended;
  return ended;
}

async function main(): Promise<void> {
  const dataDir = await makeTempDir();
  try {
    const store = await openStore({ kind: 'embedded', dataDir });
    const seedStart = performance.now();
    for (let i = 0; i < CASES; i++) {
      const c = endedCase(i);
      await store.cases.create(c);
      await store.invites.save(createInvite(c.id, 'advocate', ENDED, c.createdBy).invite);
      await store.auditLog.append({ by: c.createdBy, action: 'case.cancelled' }, c.id, ENDED);
      for (let k = 0; k < 4; k++) await store.auditLog.append({ by: c.createdBy, action: 'case.viewed' }, c.id, ENDED);
    }
    const seedMs = performance.now() - seedStart;

    const appends = 2_000;
    const a0 = performance.now();
    for (let k = 0; k < appends; k++) await store.auditLog.append({ by: 'bench', action: 'case.viewed' }, 'bench-case', NOW);
    const perAppendMs = (performance.now() - a0) / appends;

    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const purge = new PurgeService({ store, config, log: createLogger('silent'), now: () => NOW });
    const p0 = performance.now();
    const run = await purge.runIfDue();
    const purgeMs = performance.now() - p0;
    const casesLeft = (await store.cases.listEnded()).length;
    await store.close();

    console.log(`bench-purge: ${os.cpus().length} CPU, Node ${process.version}, embedded store`);
    console.log(`seeded ${CASES} ended cases (2 parties, 1 invitation, 6 audit entries each) in ${(seedMs / 1000).toFixed(1)} s`);
    console.log(`one audit entry (AuditLog.append, awaited): ${(perAppendMs * 1000).toFixed(0)} µs`);
    console.log(`purge of ${run?.purged.length ?? 0} cases: ${(purgeMs / 1000).toFixed(1)} s (${(purgeMs / Math.max(1, run?.purged.length ?? 1)).toFixed(2)} ms a case); ended cases left: ${casesLeft}`);
  } finally {
    await removeDir(dataDir);
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
