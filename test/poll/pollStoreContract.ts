import { answerPoll, pickSlot, type DatePoll } from '../../domain/poll';
import type { AppStore } from '../../storage/appStore';

/** The date poll store's part of the storage contract (test/storage/storeContract.ts runs it on every backend). */
export function pollStoreContract(ctx: { readonly store: () => AppStore; readonly reopen: () => Promise<AppStore> }): void {
  const now = new Date('2026-12-01T10:00:00Z');
  const poll = (caseId: string, pollId = 'p1'): DatePoll => ({
    caseId,
    pollId,
    status: 'open',
    slots: [
      { slotId: 's1', date: '2026-12-15', time: '10:00', daysLate: 0 },
      { slotId: 's2', date: '2026-12-23', time: '10:00', daysLate: 3 },
    ],
    lateReason: 'family',
    answers: [],
    cards: [],
    createdBy: 'm',
    createdAt: now.toISOString(),
    version: 1,
  });

  it('keeps one open poll per case, and lets a new one replace a closed one', async () => {
    expect(await ctx.store().polls.start(poll('case-p1'))).toBe('created');
    expect(await ctx.store().polls.start(poll('case-p1', 'p2'))).toBe('open_exists');
    await ctx.store().polls.update('case-p1', (p) => pickSlot(p, 's1'));
    expect(await ctx.store().polls.start(poll('case-p1', 'p3'))).toBe('created');
    const store = await ctx.reopen();
    expect(await store.polls.get('case-p1')).toMatchObject({ pollId: 'p3', status: 'open', answers: [] });
  });

  it('lands every answer when many arrive at once', async () => {
    await ctx.store().polls.start(poll('case-p2'));
    const people = Array.from({ length: 12 }, (_, i) => `party:${i}`);
    const results = await Promise.all(people.map((r) => ctx.store().polls.update('case-p2', (p) => answerPoll(p, r, { s1: 'yes', s2: 'no' }, 'x', now))));
    expect(results.every((r) => r.status === 'updated')).toBe(true);
    const stored = (await ctx.store().polls.get('case-p2'))!;
    expect(stored.answers).toHaveLength(24);
    expect(stored.version).toBe(13);
  });
}
