import type { AppStore } from '../../storage/appStore';
import { StateConflictError } from '../../storage/stateStore';
import { addParty, anchorThread, joinWithInvite, type Case } from '../../domain/cases';
import { createInvite, redeemInvite, INVITE_FAILURE_WINDOW_MS } from '../../domain/invites';
import type { Acknowledgement } from '../../domain/terms';
import { LEAD, PARENT, STRANGER, makeCase } from '../domain/caseFixtures';

/**
 * The behaviour every backend must have. Run against the embedded store always
 * and against MongoDB when MONGODB_URI is set.
 */
export function storeContract(open: () => Promise<{ store: AppStore; reopen: () => Promise<AppStore> }>): void {
  let store: AppStore;
  let reopen: () => Promise<AppStore>;
  // The real clock: processed ids have a TTL index, so a fixed past date would expire them on read.
  const t0 = new Date();

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

  describe('cases', () => {
    const audit = { by: LEAD.aadObjectId, action: 'test.change' };

    it('creates a case and refuses a second one with the same reference in the same provider, ignoring case', async () => {
      const c = makeCase();
      expect(await store.cases.create(c)).toBe('created');
      expect(await store.cases.create(makeCase({ caseReference: 'sm-2026/014' }))).toBe('duplicate_reference');
      expect(await store.cases.create(makeCase({}, LEAD, 'tenant-1|19:other@thread.tacv2'))).toBe('created');
      expect(await store.cases.get(c.id)).toEqual(c);
      expect((await store.cases.findByReference(c.providerKey, 'SM-2026/014'))?.id).toBe(c.id);
      expect(await store.cases.findByReference(c.providerKey, 'SM-9')).toBeNull();
    });

    it('finds a case by its channel thread once the bot has anchored it', async () => {
      const c = makeCase({ caseReference: 'T-1' });
      await store.cases.create(c);
      const r = await store.cases.update(c.id, (x) => anchorThread(x, { conversationId: '19:ch@thread.tacv2', rootActivityId: '1700000000000' }), audit, t0);
      expect(r.status).toBe('updated');
      expect((await store.cases.findByThread('19:ch@thread.tacv2', '1700000000000'))?.id).toBe(c.id);
      expect(await store.cases.findByThread('19:other@thread.tacv2', '1700000000000')).toBeNull();
    });

    it('lists the cases a person is a mediator or party in, and no others', async () => {
      const a = makeCase({ caseReference: 'L-1' });
      const b = makeCase({ caseReference: 'L-2' });
      await store.cases.create(a);
      await store.cases.create(b);
      await store.cases.update(b.id, (x) => addParty(x, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, t0), audit, t0);
      expect((await store.cases.listForUser(LEAD.aadObjectId)).map((x) => x.caseReference).sort()).toEqual(['L-1', 'L-2']);
      expect((await store.cases.listForUser(PARENT.aadObjectId.toUpperCase())).map((x) => x.caseReference)).toEqual(['L-2']);
      expect(await store.cases.listForUser(STRANGER.aadObjectId)).toEqual([]);
    });

    it('bumps the version, appends the audit entry, and writes nothing for an unchanged or refused mutation', async () => {
      const c = makeCase({ caseReference: 'V-1' });
      await store.cases.create(c);
      const r = await store.cases.update(c.id, (x) => addParty(x, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, t0), audit, t0);
      if (r.status !== 'updated') throw new Error(r.status);
      expect(r.case.version).toBe(2);
      expect(r.case.audit.at(-1)).toMatchObject({ action: 'test.change', by: LEAD.aadObjectId, at: t0.toISOString() });
      expect((await store.cases.update(c.id, (x) => x, audit, t0)).status).toBe('unchanged');
      const refused = await store.cases.update(c.id, () => new Error('no'), audit, t0);
      expect(refused).toMatchObject({ status: 'rejected', error: new Error('no') });
      expect((await store.cases.get(c.id))?.version).toBe(2);
      expect((await store.cases.update('missing-id', (x) => x, audit, t0)).status).toBe('not_found');
    });

    it('lands 20 concurrent updates that each add a different party (no lost update)', async () => {
      const c = makeCase({ caseReference: 'C-20' });
      await store.cases.create(c);
      const people = Array.from({ length: 20 }, (_, i) => ({ aadObjectId: `aad-${i}`, displayName: `Person ${i}` }));
      const results = await Promise.all(
        people.map((p) =>
          store.cases.update(c.id, (x) => addParty(x, { role: 'other_professional', ...p, how: 'roster' }, LEAD.aadObjectId, t0), audit, t0),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(people.map(() => 'updated'));
      const stored = (await store.cases.get(c.id)) as Case;
      expect(stored.parties.map((p) => p.aadObjectId).sort()).toEqual(people.map((p) => p.aadObjectId).sort());
      expect(stored.version).toBe(21);
    });
  });

  describe('acknowledgements', () => {
    const ack = (over: Partial<Acknowledgement> = {}): Acknowledgement => ({
      caseId: 'case-1',
      partyId: 'party-1',
      role: 'parent_carer',
      termsVersion: 'abc123def456',
      at: t0.toISOString(),
      by: PARENT.aadObjectId,
      ...over,
    });

    it('keeps one record per case, party and terms version under a concurrent double click', async () => {
      const results = await Promise.all([
        store.acknowledgements.record(ack()),
        store.acknowledgements.record(ack({ at: new Date(t0.getTime() + 500).toISOString() })),
        store.acknowledgements.record(ack({ at: new Date(t0.getTime() + 900).toISOString() })),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const winner = results.find((r) => r.created)?.acknowledgement;
      for (const r of results) expect(r.acknowledgement).toEqual(winner);
      expect(await store.acknowledgements.listForCase('case-1')).toEqual([winner]);
    });

    it('records a new version separately and lists by case', async () => {
      await store.acknowledgements.record(ack());
      await store.acknowledgements.record(ack({ termsVersion: 'fff000fff000' }));
      await store.acknowledgements.record(ack({ caseId: 'case-2' }));
      expect(await store.acknowledgements.listForCase('case-1')).toHaveLength(2);
      expect(await store.acknowledgements.listForCases(['case-1', 'case-2'])).toHaveLength(3);
      expect(await store.acknowledgements.listForCases([])).toEqual([]);
    });
  });

  describe('invitations', () => {
    const ports = () => ({ invites: store.invites, limiter: store.rateLimits });
    // Wall-clock based: invites and attempts have TTL indexes, and a fixed date would expire
    // (and vanish from the embedded store) once the real clock passes it.
    let n0: Date;
    beforeEach(() => {
      n0 = new Date();
    });

    it('stores only the hash, and lets exactly one of several racing people use a code', async () => {
      const { code, invite } = createInvite('case-9', 'parent_carer', n0, LEAD.aadObjectId);
      await store.invites.save(invite);
      expect(await store.invites.find(invite.codeHash)).toEqual(invite);
      const later = new Date(n0.getTime() + 60_000);
      const results = await Promise.all(
        ['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => redeemInvite(ports(), code.toLowerCase(), u, later)),
      );
      expect(results.filter((r) => r.outcome === 'joined')).toHaveLength(1);
      expect(results.filter((r) => r.outcome === 'used')).toHaveLength(4);
      const stored = await store.invites.find(invite.codeHash);
      expect(stored?.usedAt).toEqual(later);
    });

    it('joins again for the person who already used the code (a redelivered message)', async () => {
      const { code, invite } = createInvite('case-9', 'advocate', n0, LEAD.aadObjectId);
      await store.invites.save(invite);
      expect((await redeemInvite(ports(), code, 'u1', n0)).outcome).toBe('joined');
      expect((await redeemInvite(ports(), code.replace(/-/g, ' '), 'U1', n0)).outcome).toBe('joined');
      expect((await redeemInvite(ports(), code, 'u2', n0)).outcome).toBe('used');
    });

    it('refuses an expired code', async () => {
      const { code, invite } = createInvite('case-9', 'school', n0, LEAD.aadObjectId);
      await store.invites.save(invite);
      const r = await redeemInvite(ports(), code, 'u1', new Date(invite.expiresAt.getTime() + 1));
      expect(r.outcome).toBe('expired');
      expect(await store.invites.claim(invite.codeHash, 'u1', new Date(invite.expiresAt.getTime() + 1))).toBe(false);
    });

    it('rate-limits a person after 5 unknown codes in 15 minutes, not others, and forgets after the window', async () => {
      const { code, invite } = createInvite('case-9', 'la_officer', n0, LEAD.aadObjectId);
      await store.invites.save(invite);
      for (let i = 0; i < 5; i++) {
        expect((await redeemInvite(ports(), 'AAAA-BBBB-CCCC-DDDD', 'guesser', n0)).outcome).toBe('unknown');
      }
      expect((await redeemInvite(ports(), code, 'guesser', n0)).outcome).toBe('rate_limited');
      expect((await redeemInvite(ports(), 'not a code', 'someone-else', n0)).outcome).toBe('unknown');
      const after = new Date(n0.getTime() + INVITE_FAILURE_WINDOW_MS + 1);
      expect((await redeemInvite(ports(), code, 'guesser', after)).outcome).toBe('joined');
    });

    it('allows exactly the limit out of a burst of simultaneous attempts', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.rateLimits.acquire('burst', 5, 60_000, n0)),
      );
      expect(results.filter((r) => r.allowed)).toHaveLength(5);
      expect(await store.rateLimits.count('burst', 60_000, n0)).toBe(5);
    });

    it('adds the invited person to the case after joining', async () => {
      const c = makeCase({ caseReference: 'J-1' });
      await store.cases.create(c);
      const { code, invite } = createInvite(c.id, 'parent_carer', n0, LEAD.aadObjectId);
      await store.invites.save(invite);
      const r = await redeemInvite(ports(), code, PARENT.aadObjectId, n0);
      if (r.outcome !== 'joined') throw new Error(r.message);
      const u = await store.cases.update(
        r.caseId,
        (x) => joinWithInvite(x, PARENT, r.role, n0),
        { by: PARENT.aadObjectId, action: 'party.joined' },
        n0,
      );
      expect(u.status).toBe('updated');
      expect((await store.cases.listForUser(PARENT.aadObjectId)).map((x) => x.id)).toEqual([c.id]);
    });
  });

  it('keeps data across a reopen', async () => {
    await store.conversations.upsert({ reference: reference('a:9'), scope: 'personal' }, t0);
    await store.state.write({ k9: { n: 9 } });
    const c = makeCase({ caseReference: 'R-9' });
    await store.cases.create(c);
    await store.close();
    store = await reopen();
    expect((await store.conversations.get('a:9'))?.scope).toBe('personal');
    expect((await store.state.read(['k9'])).k9?.n).toBe(9);
    expect(await store.cases.get(c.id)).toEqual(c);
  });

  it('answers ping', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
  });
}
