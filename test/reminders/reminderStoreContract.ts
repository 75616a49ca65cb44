import { remindersFor, type TrackedReminder } from '../../domain/reminders';
import { defaultCalendar } from '../../domain/timescales';
import type { AppStore } from '../../storage/appStore';
import type { ReminderStore } from '../../storage/reminderStore';
import { ACTION_IDS, closedMeeting, deadlinesOf, LEAD, OFFICER, PLAN, reminderCase, SCHEDULES } from './reminderFixtures';

/**
 * Reminder storage behaviour every backend must have (run from test/storage/storeContract.ts,
 * so against the embedded store always and MongoDB when MONGODB_URI is set). Reminders have
 * no TTL index, so fixed dates are safe here.
 */
export interface ReminderContractPorts {
  readonly store: () => AppStore;
  readonly reopen: () => Promise<AppStore>;
}

/** Just after the fixture meeting closed (12:00 GMT, Thu 17 Dec 2026). */
const AFTER_CLOSE = new Date('2026-12-17T12:05:00Z');
const MINUTE = 60_000;

function ids(list: readonly { reminderId: string }[]): string[] {
  return list.map((r) => r.reminderId).sort();
}

export function reminderStoreContract(ports: ReminderContractPorts): void {
  const reminders = (): ReminderStore => ports.store().reminders;

  /** A fresh case with its meeting closed and its deadlines and reminders stored. */
  async function synced(reference: string) {
    const c = reminderCase(reference);
    const m = closedMeeting(c);
    const result = await reminders().syncCase(c.id, deadlinesOf(c, m), PLAN, AFTER_CLOSE);
    return { c, m, result };
  }

  async function due(at: Date, limit = 100): Promise<TrackedReminder[]> {
    return reminders().findDue(at, limit);
  }

  /** Claims everything due at `at` for `owner`, oldest first, as a scheduler pass does. */
  async function claimAll(owner: string, at: Date, leaseMs: number): Promise<string[]> {
    const out: string[] = [];
    for (let r = await reminders().claimNext(owner, at, leaseMs); r; r = await reminders().claimNext(owner, at, leaseMs)) out.push(r.reminderId);
    return out;
  }

  it('stores the deadlines of a case; a recomputation updates, deletes and keeps done marks', async () => {
    const { c, m, result } = await synced('R-1');
    expect(result.deadlines).toEqual({ added: 10, updated: 0, removed: 0, unchanged: 0 });
    expect(result.problems).toEqual([]);
    const amendId = `${c.id}|action|${ACTION_IDS.amend}|LA_AMEND_PLAN`;
    const marked = await reminders().markDone(amendId, OFFICER.aadObjectId, new Date('2027-01-05T10:00:00Z'));
    expect(marked).toMatchObject({ status: 'marked', deadline: { done: { by: OFFICER.aadObjectId } }, cancelledReminders: 4 });
    const again = await reminders().markDone(amendId, LEAD.aadObjectId, new Date('2027-01-06T10:00:00Z'));
    expect(again).toMatchObject({ status: 'already', deadline: { done: { by: OFFICER.aadObjectId } } });
    expect((await reminders().markDone('no-such-deadline', LEAD.aadObjectId, AFTER_CLOSE)).status).toBe('not_found');

    // Unchanged input: nothing written.
    const same = await reminders().syncCase(c.id, deadlinesOf(c, m), PLAN, AFTER_CLOSE);
    expect(same.deadlines).toEqual({ added: 0, updated: 0, removed: 0, unchanged: 10 });
    expect(same.reminders).toEqual({ added: 0, rescheduled: 0, cancelled: 0 });

    // The close date is corrected and the assessment action removed.
    const corrected = {
      ...m,
      actions: m.actions.filter((a) => a.actionId !== ACTION_IDS.assess),
      close: { ...m.close!, agreementDate: '2026-12-18', closedAt: '2026-12-18T12:00:00.000Z' },
    };
    const next = await reminders().syncCase(c.id, deadlinesOf(c, corrected), PLAN, AFTER_CLOSE);
    expect(next.deadlines).toMatchObject({ added: 0, removed: 3 });
    const list = await reminders().listForCase(c.id);
    expect(list.deadlines).toHaveLength(7);
    const amend = list.deadlines.find((d) => d.deadlineId === amendId);
    expect(amend).toMatchObject({ due: '2027-01-22', done: { by: OFFICER.aadObjectId } });
    // Nothing pending is left for the removed action or the deadline marked done.
    const pending = list.reminders.filter((r) => r.status === 'pending');
    expect(pending.some((r) => r.deadlineId.includes(ACTION_IDS.assess) || r.deadlineId === amendId)).toBe(false);
    expect(list.reminders.filter((r) => r.deadlineId.includes(ACTION_IDS.assess)).every((r) => r.status === 'cancelled')).toBe(true);
  });

  it('gives each of several racing claimants a different reminder, and none that is not due yet', async () => {
    const { c } = await synced('R-2');
    const at = new Date('2026-12-17T14:00:30Z');
    const dueNow = await due(at);
    expect(dueNow[0]?.deadlineId).toBe(`${c.id}|AMENDED_PLAN|case`);
    const claims = await Promise.all(['a', 'b', 'c', 'd'].map((owner) => reminders().claimNext(owner, at, 5 * MINUTE)));
    const taken = claims.flatMap((r) => (r ? [r] : []));
    // Exactly the due ones, each once, each to the owner its claim returned it to.
    expect(ids(taken)).toEqual(ids(dueNow));
    for (const r of taken) expect((await reminders().getReminder(r.reminderId))?.status).toBe('claimed');
    // Not due: the next ones (16:00) are not claimed early.
    expect(await reminders().claimNext('e', at, 5 * MINUTE)).toBeNull();
  });

  it('finds a reminder again when its lease runs out (a crash between claim and send)', async () => {
    await synced('R-3');
    const t = new Date('2026-12-17T14:00:00Z');
    const [r] = await due(t);
    expect((await reminders().claimNext('crashed', t, 5 * MINUTE))?.reminderId).toBe(r!.reminderId);
    expect(ids(await due(new Date(t.getTime() + 4 * MINUTE)))).not.toContain(r!.reminderId);
    const after = new Date(t.getTime() + 5 * MINUTE);
    expect(ids(await due(after))).toContain(r!.reminderId);
    expect((await reminders().claimNext('survivor', after, 5 * MINUTE))?.reminderId).toBe(r!.reminderId);
    // The crashed instance has lost it: it can no longer write the outcome.
    expect(await reminders().markSent(r!.reminderId, 'crashed', after)).toBe(false);
    expect(await reminders().markSent(r!.reminderId, 'survivor', after, { activityId: 'act-1', attempts: 1 })).toBe(true);
  });

  it('never finds a sent reminder again', async () => {
    await synced('R-4');
    const t = new Date('2026-12-17T14:00:00Z');
    const [r] = await due(t);
    expect((await reminders().claimNext('me', t, MINUTE))?.reminderId).toBe(r!.reminderId);
    const recipients = [{ conversationId: 'a:1', status: 'sent' as const, at: t.toISOString(), activityId: 'act-9' }];
    expect(await reminders().markSent(r!.reminderId, 'me', t, { activityId: 'act-9', attempts: 2, recipients })).toBe(true);
    expect(await reminders().markSent(r!.reminderId, 'me', t)).toBe(false);
    for (const later of [1, 60, 60 * 24 * 400]) {
      expect(ids(await due(new Date(t.getTime() + later * MINUTE), 1000))).not.toContain(r!.reminderId);
    }
    expect((await reminders().claimNext('other', new Date(t.getTime() + 60 * MINUTE), MINUTE))?.reminderId).not.toBe(r!.reminderId);
    expect(await reminders().getReminder(r!.reminderId)).toMatchObject({
      status: 'sent',
      attempts: 2,
      activityId: 'act-9',
      deliveredAt: t.toISOString(),
      recipients,
    });
  });

  it('releases for a retry later, and records a failure with its reason', async () => {
    await synced('R-5');
    const t = new Date('2026-12-17T16:00:00Z');
    const [a, b] = await due(t);
    expect(await claimAll('me', t, MINUTE)).toEqual(expect.arrayContaining([a!.reminderId, b!.reminderId]));
    expect(await reminders().release(a!.reminderId, 'someone-else', new Date(t.getTime() + 10 * MINUTE))).toBe(false);
    expect(await reminders().release(a!.reminderId, 'me', new Date(t.getTime() + 10 * MINUTE), { reason: 'HTTP 503', attempts: 5 })).toBe(true);
    expect(ids(await due(new Date(t.getTime() + 9 * MINUTE)))).not.toContain(a!.reminderId);
    expect(ids(await due(new Date(t.getTime() + 10 * MINUTE)))).toContain(a!.reminderId);
    expect(await reminders().getReminder(a!.reminderId)).toMatchObject({ status: 'pending', attempts: 5, lastError: 'HTTP 503' });

    expect(await reminders().markFailed(b!.reminderId, 'me', 'Teams refused the message (HTTP 400).', 1, t)).toBe(true);
    expect(await reminders().getReminder(b!.reminderId)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Teams refused the message (HTTP 400).' });
    expect(ids(await due(new Date(t.getTime() + 10 * 24 * 60 * MINUTE), 1000))).not.toContain(b!.reminderId);
  });

  it('finds due reminders oldest first, up to the limit', async () => {
    await synced('R-6');
    await synced('R-7');
    const all = await due(new Date('2027-12-31T00:00:00Z'), 1000);
    const times = all.map((r) => r.sendAt);
    expect(times).toEqual([...times].sort());
    expect(all.length).toBeGreaterThan(20);
    expect(await due(new Date('2027-12-31T00:00:00Z'), 5)).toEqual(all.slice(0, 5));
    expect(await due(new Date('2026-12-17T13:59:59Z'))).toEqual([]);
  });

  it('keeps sent history and reschedules what is pending when a date changes', async () => {
    const { c, m } = await synced('R-8');
    const certId = `${c.id}|CERT_AFTER_MEDIATION|case`;
    // The WD-1 reminder (Mon 21 Dec) goes out.
    const t = new Date('2026-12-21T09:00:00Z');
    const sentOne = (await due(t, 1000)).find((r) => r.deadlineId === certId);
    expect(sentOne?.offset).toBe('due-1wd');
    expect(await claimAll('me', t, MINUTE)).toContain(sentOne!.reminderId);
    await reminders().markSent(sentOne!.reminderId, 'me', t);
    // Then the mediator corrects the close to Mon 21 Dec: the certificate is due Thu 24 Dec.
    const corrected = { ...m, close: { ...m.close!, agreementDate: '2026-12-21', closedAt: '2026-12-21T12:00:00.000Z' } };
    await reminders().syncCase(c.id, deadlinesOf(c, corrected), PLAN, new Date('2026-12-21T09:30:00Z'));
    const cert = (await reminders().listForCase(c.id)).reminders.filter((r) => r.deadlineId === certId);
    expect(cert.map((r) => [r.offset, r.status, r.sendAt])).toEqual([
      ['due-1wd', 'sent', '2026-12-21T09:00:00.000Z'],
      ['due+0wd', 'pending', '2026-12-24T09:00:00.000Z'],
      ['esc:due+1wd', 'pending', '2026-12-29T09:00:00.000Z'],
    ]);
    // The certificate is issued: the rest of its reminders stop.
    await reminders().syncCase(c.id, deadlinesOf(c, corrected, { certificateIssued: '2026-12-22' }), PLAN, new Date('2026-12-22T10:00:00Z'));
    const after = (await reminders().listForCase(c.id)).reminders.filter((r) => r.deadlineId === certId);
    expect(after.map((r) => r.status)).toEqual(['sent', 'cancelled', 'cancelled']);
  });

  it('keeps everything across a reopen', async () => {
    const { c } = await synced('R-9');
    const before = await reminders().listForCase(c.id);
    const store = await ports.reopen();
    expect(await store.reminders.listForCase(c.id)).toEqual(before);
    // The plan the store was given is the one remindersFor makes.
    const planned = (await store.reminders.listForCase(c.id)).deadlines.flatMap((d) => (d.done || d.satisfied ? [] : remindersFor(d, SCHEDULES, defaultCalendar)));
    expect(before.reminders.map((r) => r.reminderId).sort()).toEqual(planned.filter((r) => r.kind === 'escalation' || r.sendAt > AFTER_CLOSE.toISOString()).map((r) => r.reminderId).sort());
  });

  it('forgets reminders that went out long ago, keeps escalations and pending ones, and recomputation does not bring them back', async () => {
    const { c, m } = await synced('R-10');
    // Everything due by the end of January goes out.
    const end = new Date('2027-01-31T23:00:00Z');
    const claimed = await claimAll('me', end, MINUTE);
    for (const id of claimed) expect(await reminders().markSent(id, 'me', end)).toBe(true);
    const sent = claimed.length;
    const before = (await reminders().listForCase(c.id)).reminders;
    const sentNormal = before.filter((r) => r.status === 'sent' && r.kind !== 'escalation');
    const sentEscalations = before.filter((r) => r.status === 'sent' && r.kind === 'escalation');
    expect(sentNormal.length).toBeGreaterThan(0);
    expect(sent).toBe(sentNormal.length + sentEscalations.length);

    // 90 days after the end of January: what went out before the cutoff is forgotten.
    const removed = await reminders().deleteFinishedBefore(new Date('2027-01-31T23:59:59Z'));
    expect(removed).toBe(sentNormal.length);
    const after = (await reminders().listForCase(c.id)).reminders;
    expect(ids(after)).toEqual(ids(before.filter((r) => !sentNormal.includes(r))));

    // The next recomputation (any change to the case, months later) does not send them again.
    const later = new Date('2027-05-01T09:00:00Z');
    const resync = await reminders().syncCase(c.id, deadlinesOf(c, m), PLAN, later);
    expect(resync.reminders.added).toBe(0);
    const back = ids((await reminders().listForCase(c.id)).reminders).filter((id) => sentNormal.some((x) => x.reminderId === id));
    expect(back).toEqual([]);
  });
}
