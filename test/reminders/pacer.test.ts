import { ConversationPacer, TEAMS_CONVERSATION_LIMITS } from '../../delivery';
import { settle, VirtualClock } from './virtualClock';

/** The largest number of starts inside any half-open window of `windowMs`. */
function busiestWindow(starts: readonly number[], windowMs: number): number {
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < starts.length; hi++) {
    while ((starts[hi] ?? 0) - (starts[lo] ?? 0) >= windowMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}

describe('ConversationPacer', () => {
  it('keeps one conversation within 7 sends a second and 60 in 30 seconds', async () => {
    const clock = new VirtualClock(0);
    const pacer = new ConversationPacer({ now: clock.now, sleep: clock.sleep });
    const starts: number[] = [];
    const all = Array.from({ length: 130 }, (_, i) => pacer.pace('a:1', async () => {
      starts.push(clock.now());
      return i;
    }));
    await clock.runAll();
    expect(await Promise.all(all)).toEqual(Array.from({ length: 130 }, (_, i) => i));
    expect(starts).toHaveLength(130);
    expect(busiestWindow(starts, 1000)).toBe(7);
    expect(busiestWindow(starts, 30_000)).toBe(60);
    // 7 at once, the 8th a second later; the 61st waits for the first to leave the 30 s window.
    expect(starts.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 0, 0, 1000]);
    expect(starts[60]).toBe(30_000);
    // Arrival order is kept.
    expect([...starts].sort((x, y) => x - y)).toEqual(starts);
  });

  it('does not hold one conversation up for another', async () => {
    const clock = new VirtualClock(0);
    const pacer = new ConversationPacer({ now: clock.now, sleep: clock.sleep });
    const log: string[] = [];
    const busy = Array.from({ length: 20 }, () => pacer.pace('busy', async () => log.push(`busy@${clock.now()}`)));
    const other = pacer.pace('quiet', async () => log.push(`quiet@${clock.now()}`));
    await settle();
    // The quiet conversation went straight through while the busy one still queues.
    expect(log.filter((l) => l.startsWith('quiet'))).toEqual(['quiet@0']);
    expect(log.filter((l) => l.startsWith('busy'))).toHaveLength(7);
    await clock.runAll();
    await Promise.all([...busy, other]);
    expect(log.filter((l) => l.startsWith('busy'))).toHaveLength(20);
  });

  it('lets a failed send free its slot for the next one', async () => {
    const clock = new VirtualClock(0);
    const pacer = new ConversationPacer({ now: clock.now, sleep: clock.sleep, limits: [{ count: 1, windowMs: 1000 }] });
    const first = pacer.pace('a', async () => {
      throw new Error('boom');
    });
    const second = pacer.pace('a', async () => clock.now());
    await expect(first).rejects.toThrow('boom');
    await clock.runAll();
    await expect(second).resolves.toBe(1000);
  });

  it('uses the Teams limits by default, and refuses nonsense limits', () => {
    expect(TEAMS_CONVERSATION_LIMITS).toEqual([
      { count: 7, windowMs: 1000 },
      { count: 60, windowMs: 30_000 },
    ]);
    expect(() => new ConversationPacer({ limits: [{ count: 0, windowMs: 1000 }] })).toThrow(/count of 1 or more/);
  });

  it('forgets idle conversations, so memory follows activity', async () => {
    const clock = new VirtualClock(0);
    const pacer = new ConversationPacer({ now: clock.now, sleep: clock.sleep });
    for (let i = 0; i < 1001; i++) await pacer.pace(`c:${i}`, async () => undefined);
    expect(pacer.activeConversations).toBe(1001);
    await clock.advance(30_000);
    await pacer.pace('later', async () => undefined);
    expect(pacer.activeConversations).toBe(1);
  });

  it('does not walk every busy conversation on every send when over a thousand are busy at once', async () => {
    const clock = new VirtualClock(0);
    let reads = 0;
    const now = () => {
      reads++;
      return clock.now();
    };
    const pacer = new ConversationPacer({ now, sleep: clock.sleep });
    for (let i = 0; i < 1500; i++) await pacer.pace(`c:${i}`, async () => undefined);
    // One clock read per send to take its slot, plus one per sweep: a sweep on every send past
    // the first thousand would be 499 more.
    expect(reads).toBeLessThanOrEqual(1500 + 1);
    expect(pacer.activeConversations).toBe(1500);
    // Idle ones are still forgotten once the lanes have doubled.
    await clock.advance(30_000);
    for (let i = 0; i < 1501; i++) await pacer.pace(`d:${i}`, async () => undefined);
    expect(pacer.activeConversations).toBeLessThanOrEqual(2002);
  });
});
