import path from 'node:path';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { deadlineIndexes, reminderIndexes, ReminderStore, type ReminderDoc } from '../../storage/reminderStore';
import { makeTempDir, removeDir } from '../helpers/tempDir';

let dir: string;
beforeEach(async () => {
  dir = await makeTempDir('send-med-claim-');
});
afterEach(async () => {
  await removeDir(dir);
});

function pending(i: number, sendAt: Date): ReminderDoc {
  return {
    _id: `r${i}`, deadlineId: `d${i}`, caseId: `c${i}`, offset: 'ideal+0d', kind: 'reminder', title: 'Deadline',
    sendAt, status: 'pending', queueAt: sendAt, owner: null, leaseUntil: null, attempts: 0, lastError: null,
    deliveredAt: null, activityId: null, recipients: [], cancelReason: null, createdAt: sendAt, updatedAt: sendAt,
  };
}

// With a status condition beside the due range, SQLite chose the (status, sendAt) index and sorted
// every pending reminder for each claim: 30 ms a claim with 11,600 pending, eight at once when the
// scheduler started, which held up the bot's first answers after a start.
it('a claim reads the due range on the queue index, not every pending reminder', async () => {
  const plans: string[] = [];
  const backend = SqliteBackend.open(path.join(dir, 'claims.sqlite'), {
    checkQueryPlans: (db, table, sql, params) => {
      if (table === 'reminders' && sql.startsWith('SELECT')) plans.push((db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('; '));
    },
  });
  try {
    const docs = await backend.collection<ReminderDoc>('reminders', reminderIndexes);
    const store = new ReminderStore(await backend.collection('reminder_deadlines', deadlineIndexes), docs, () => undefined);
    const now = new Date('2026-12-03T09:00:00.000Z');
    for (let i = 0; i < 40; i++) await docs.insertOne(pending(i, new Date(now.getTime() + (i - 2) * 3600_000)));
    // Due: r0 and r1 (earlier), r2 (now); the other 37 later.
    const claimed: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) claimed.push((await store.claimNext('me', now, 60_000))?.reminderId);
    expect(claimed).toEqual(['r0', 'r1', 'r2', undefined]);
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatch(/USING INDEX ix_reminders_queueAt/);
    expect(plans[0]).not.toMatch(/TEMP B-TREE/);
  } finally {
    await backend.close();
  }
});
