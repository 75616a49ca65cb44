import path from 'node:path';
import { SqliteBackend } from '../../storage/sqlite/sqliteBackend';
import { RULE_IDS } from '../../domain/timescales/rules';
import { deadlineIndexes, reminderIndexes, ReminderStore, type DeadlineDoc, type ReminderDoc } from '../../storage/reminderStore';
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

function remindersPlans(): { plans: string[]; open: () => SqliteBackend } {
  const plans: string[] = [];
  const open = () =>
    SqliteBackend.open(path.join(dir, 'claims.sqlite'), {
      checkQueryPlans: (db, table, sql, params) => {
        if (table === 'reminders' && sql.startsWith('SELECT')) plans.push((db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((p) => p.detail).join('; '));
      },
    });
  return { plans, open };
}

// With a status condition beside the due range, SQLite chose the (status, sendAt) index and sorted
// every pending reminder for each claim: 30 ms a claim with 11,600 pending, eight at once when the
// scheduler started, which held up the bot's first answers after a start.
it('a claim reads the due range on the queue index, not every pending reminder', async () => {
  const { plans, open } = remindersPlans();
  const backend = open();
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

// Marking a deadline done cancels its pending reminders. With the status condition beside the
// deadline, SQLite took the (status, sendAt) index and read every pending reminder in the store.
it("marking a deadline done reads that deadline's reminders on its own index, not every pending reminder", async () => {
  const { plans, open } = remindersPlans();
  const backend = open();
  try {
    const docs = await backend.collection<ReminderDoc>('reminders', reminderIndexes);
    const deadlines = await backend.collection<DeadlineDoc>('reminder_deadlines', deadlineIndexes);
    const store = new ReminderStore(deadlines, docs, () => undefined);
    const now = new Date('2026-12-03T09:00:00.000Z');
    for (let i = 0; i < 40; i++) await docs.insertOne({ ...pending(i, new Date(now.getTime() + i * 3600_000)), deadlineId: `d${i % 4}` });
    await deadlines.insertOne({
      _id: 'd1', caseId: 'c1', kind: 'statutory', ruleId: null, scheduleKey: RULE_IDS[0], tNumber: null, title: 'Deadline', detail: null, why: 'Why',
      due: '2026-12-10', dueAt: null, lastWorkingDay: '2026-12-10', ideal: null, trigger: { what: 'Referral', date: '2026-12-01' },
      responsible: { kind: 'mediators' }, source: 'Source', escalates: false, actionId: null, satisfied: null, done: null, createdAt: now, updatedAt: now,
    });
    const result = await store.markDone('d1', 'mediator', now);
    expect(result).toMatchObject({ status: 'marked', cancelledReminders: 10 });
    // The find of the pending reminders; then each is cancelled by its id.
    expect(plans[0]).toMatch(/USING INDEX ix_reminders_deadlineId_status/);
    expect(plans.slice(1).every((p) => /USING INDEX sqlite_autoindex_reminders_1 \(_id=\?\)/.test(p))).toBe(true);
  } finally {
    await backend.close();
  }
});
