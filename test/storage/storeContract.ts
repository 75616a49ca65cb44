import type { AppStore } from '../../storage/appStore';
import { StateConflictError } from '../../storage/stateStore';

/**
 * The behaviour every backend must have. Run against the embedded store always
 * and against MongoDB when MONGODB_URI is set.
 */
export function storeContract(open: () => Promise<{ store: AppStore; reopen: () => Promise<AppStore> }>): void {
  let store: AppStore;
  let reopen: () => Promise<AppStore>;
  const t0 = new Date('2026-12-01T10:00:00Z');

  beforeEach(async () => {
    ({ store, reopen } = await open());
  });
  afterEach(async () => {
    await store.close();
  });

  const reference = (conversationId: string, serviceUrl = 'https://smba.example/uk/') => ({
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:bot' },
    user: { id: '29:user', aadObjectId: 'aad-user-1' },
  });

  describe('conversation references', () => {
    it('upserts on every turn and keeps the latest service URL', async () => {
      await store.conversations.upsert({ reference: reference('a:1'), scope: 'personal', userAadObjectId: 'aad-user-1' }, t0);
      await store.conversations.upsert(
        { reference: reference('a:1', 'https://smba.example/emea/'), scope: 'personal', userAadObjectId: 'aad-user-1' },
        new Date(t0.getTime() + 1000),
      );
      const rec = await store.conversations.get('a:1');
      expect(rec?.reference.serviceUrl).toBe('https://smba.example/emea/');
      expect(rec?.active).toBe(true);
      expect((await store.conversations.findPersonalChat('aad-user-1'))?._id).toBe('a:1');
    });

    it('lets exactly one caller claim the welcome, even when racing', async () => {
      await store.conversations.upsert({ reference: reference('a:2'), scope: 'personal' }, t0);
      const claims = await Promise.all([1, 2, 3, 4].map(() => store.conversations.claimWelcome('a:2', t0)));
      expect(claims.filter(Boolean)).toHaveLength(1);
    });

    it('marks a reference inactive and reactivates it on the next turn', async () => {
      await store.conversations.upsert({ reference: reference('a:3'), scope: 'personal' }, t0);
      await store.conversations.markInactive('a:3', t0);
      expect((await store.conversations.get('a:3'))?.active).toBe(false);
      await store.conversations.upsert({ reference: reference('a:3'), scope: 'personal' }, t0);
      expect((await store.conversations.get('a:3'))?.active).toBe(true);
    });
  });

  describe('processed activities', () => {
    it('claims an activity once; a duplicate sees the stored invoke response', async () => {
      const key = 'conv|act-1';
      const claims = await Promise.all([store.processedActivities.claim(key, t0), store.processedActivities.claim(key, t0)]);
      expect(claims.filter((c) => c.claimed)).toHaveLength(1);
      await store.processedActivities.complete(key, { status: 200, body: { $schema: 'x', 'a.b': 1 } });
      const again = await store.processedActivities.claim(key, t0);
      expect(again).toEqual({ claimed: false, state: 'done', response: { status: 200, body: { $schema: 'x', 'a.b': 1 } } });
    });

    it('releases a failed turn so a retry can run', async () => {
      const key = 'conv|act-2';
      expect((await store.processedActivities.claim(key, t0)).claimed).toBe(true);
      await store.processedActivities.release(key);
      expect((await store.processedActivities.claim(key, t0)).claimed).toBe(true);
    });
  });

  describe('bot state (eTags)', () => {
    it('round-trips items whose keys the databases would refuse', async () => {
      await store.state.write({ k1: { dialogStack: [{ id: 'prep', state: { $instance: 1, 'x.y': 2 } }] } });
      const read = await store.state.read(['k1', 'missing']);
      expect(read.k1).toMatchObject({ dialogStack: [{ id: 'prep', state: { $instance: 1, 'x.y': 2 } }] });
      expect(typeof read.k1?.eTag).toBe('string');
      expect(read.missing).toBeUndefined();
    });

    it('refuses a write with a stale eTag and accepts "*"', async () => {
      await store.state.write({ k2: { n: 1 } });
      const first = (await store.state.read(['k2'])).k2!;
      await store.state.write({ k2: { ...first, n: 2 } });
      await expect(store.state.write({ k2: { ...first, n: 3 } })).rejects.toBeInstanceOf(StateConflictError);
      await store.state.write({ k2: { n: 4, eTag: '*' } });
      expect((await store.state.read(['k2'])).k2?.n).toBe(4);
    });

    it('lets only one of two writers holding the same eTag win', async () => {
      await store.state.write({ k3: { n: 0 } });
      const base = (await store.state.read(['k3'])).k3!;
      const results = await Promise.allSettled([
        store.state.write({ k3: { ...base, n: 1 } }),
        store.state.write({ k3: { ...base, n: 2 } }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    });

    it('deletes', async () => {
      await store.state.write({ k4: { n: 1 } });
      await store.state.delete(['k4']);
      expect(await store.state.read(['k4'])).toEqual({});
    });
  });

  it('keeps data across a reopen', async () => {
    await store.conversations.upsert({ reference: reference('a:9'), scope: 'personal' }, t0);
    await store.state.write({ k9: { n: 9 } });
    await store.close();
    store = await reopen();
    expect((await store.conversations.get('a:9'))?.scope).toBe('personal');
    expect((await store.state.read(['k9'])).k9?.n).toBe(9);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
}
