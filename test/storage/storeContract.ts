import type { AppStore } from '../../storage/appStore';
import { StateConflictError } from '../../storage/stateStore';
import { addParty, anchorThread, joinWithInvite, type Case } from '../../domain/cases';
import { createInvite, redeemInvite, INVITE_FAILURE_WINDOW_MS } from '../../domain/invites';
import type { Acknowledgement } from '../../domain/terms';
import { LEAD, PARENT, STRANGER, makeCase } from '../domain/caseFixtures';
import { ACTIONS_MAX, CHECKLIST_ITEM_IDS, addAction, closeMeeting, startMeeting, tickItem, type ActionInput, type Meeting } from '../../domain/meeting';
import { GUARDS_OK as MEETING_GUARDS_OK, LEAD as meetingLead, MEETING_START, meetingCase } from '../meeting/meetingFixtures';
import { createChange, editChange, preparationSubject, sendChange, setLaPosition, type RequestedChange } from '../../domain/preparation';
import { NOW as PREP_NOW, OFFICER as PREP_OFFICER, changeInput, ok as okPrep, partyIdOf, prepCase } from '../preparation/prepFixtures';
import { outcomeStoreContract } from '../outcome/outcomeStoreContract';
import { reminderStoreContract } from '../reminders/reminderStoreContract';
import { auditLogContract } from './auditLogContract';
import type { Backend } from '../../storage/collection';
import { everyDocument } from '../../storage/storeMarkers';
import { SERVICE_RECORDS_COLLECTION, serviceRecordIndexes } from '../../storage/serviceRecordStore';
import type { ServiceRecord } from '../../domain/service';
import { calendarLinkStoreContract } from '../calendar/calendarLinkStoreContract';
import { pollStoreContract } from '../poll/pollStoreContract';
import { followUpStoreContract } from '../followUp/followUpStoreContract';

/**
 * The behaviour every backend must have. Run against the embedded store always
 * and against MongoDB when MONGODB_URI is set.
 */
export function storeContract(open: () => Promise<{ store: AppStore; reopen: () => Promise<AppStore>; raw: () => Promise<Backend> }>): void {
  let store: AppStore;
  let reopen: () => Promise<AppStore>;
  let raw: () => Promise<Backend>;
  // The real clock: processed ids have a TTL index, so a fixed past date would expire them on read.
  const t0 = new Date();

  beforeEach(async () => {
    ({ store, reopen, raw } = await open());
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
      await store.processedActivities.complete(key, t0, { status: 200, body: { $schema: 'x', 'a.b': 1 } });
      const again = await store.processedActivities.claim(key, t0);
      expect(again).toEqual({ claimed: false, state: 'done', response: { status: 200, body: { $schema: 'x', 'a.b': 1 } } });
    });

    it("stores a message's claim (no answer to keep) as done at once; a release still frees it", async () => {
      const key = 'conv|act-3';
      expect((await store.processedActivities.claim(key, t0, { answered: false })).claimed).toBe(true);
      expect(await store.processedActivities.claim(key, t0, { answered: false })).toEqual({ claimed: false, state: 'done' });
      await store.processedActivities.release(key);
      expect((await store.processedActivities.claim(key, t0, { answered: false })).claimed).toBe(true);
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
    const audit = { by: LEAD.aadObjectId, action: 'parties.assigned' } as const;

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
      const logged = await store.auditLog.listForCase(c.id);
      expect(logged.map((e) => e.action)).toEqual(['case.created', 'parties.assigned']);
      expect(logged.at(-1)).toMatchObject({ action: 'parties.assigned', by: LEAD.aadObjectId, at: t0.toISOString(), caseId: c.id });
      expect((await store.cases.update(c.id, (x) => x, audit, t0)).status).toBe('unchanged');
      const refused = await store.cases.update(c.id, () => new Error('no'), audit, t0);
      expect(refused).toMatchObject({ status: 'rejected', error: new Error('no') });
      expect((await store.cases.get(c.id))?.version).toBe(2);
      expect(await store.auditLog.countForCase(c.id)).toBe(2);
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


  describe('preparation', () => {
    // Domain rules run on the fixture clock (before the fixture's meeting); nothing here has a TTL.
    const c = prepCase();
    const officer = () => okPrep(preparationSubject(c, partyIdOf(c, PREP_OFFICER)));
    const later = (minutes: number) => new Date(PREP_NOW.getTime() + minutes * 60_000);

    async function sentChange(n: number): Promise<RequestedChange> {
      const added = await store.preparation.addChange(okPrep(createChange(c, changeInput({ location: `paragraph ${n}` }), PARENT.aadObjectId, PREP_NOW)));
      const r = await store.preparation.updateChange(c.id, added.changeId, (x) => sendChange(c, x, PARENT.aadObjectId, PREP_NOW));
      if (r.status !== 'updated') throw new Error(r.status);
      return r.change;
    }

    it('stores an answer\'s audit entry with the answer, and copies it to the log at the next start if the process died first', async () => {
      const saved = await store.preparation.saveAnswer(officer(), { kind: 'la', answers: { attendeeName: 'Lee Officer' } }, PREP_OFFICER.aadObjectId, PREP_NOW, {
        by: PREP_OFFICER.aadObjectId,
        action: 'prep.answered',
        subject: 'party:officer',
      });
      if (saved.status !== 'saved') throw new Error(saved.status);
      expect(saved.auditEntry).toMatchObject({ action: 'prep.answered', caseId: c.id, by: PREP_OFFICER.aadObjectId });
      // A repeat writes nothing, so it has no entry of its own.
      const repeat = await store.preparation.saveAnswer(officer(), { kind: 'la', answers: { attendeeName: 'Lee Officer' } }, PREP_OFFICER.aadObjectId, later(1), { by: PREP_OFFICER.aadObjectId, action: 'prep.answered' });
      expect(repeat.status).toBe('unchanged');
      // The process dies before the handler copies the entry to the log.
      await store.close();
      store = await reopen();
      expect(await store.recoverAudit()).toBe(1);
      expect((await store.auditLog.listForCase(c.id)).map((e) => e.id)).toEqual([saved.auditEntry!.id]);
    });

    it('saves each answer as it is given, writes nothing for a repeat, and keeps answers across a reopen', async () => {
      const first = await store.preparation.saveAnswer(officer(), { kind: 'la', answers: { attendeeName: 'Lee Officer' } }, PREP_OFFICER.aadObjectId, PREP_NOW);
      expect(first).toMatchObject({ status: 'saved', record: { version: 1, status: 'in_progress', answered: 1 } });
      const second = await store.preparation.saveAnswer(officer(), { kind: 'la', answers: { fullAuthority: false } }, PREP_OFFICER.aadObjectId, later(1));
      expect(second).toMatchObject({ status: 'saved', record: { version: 2, answers: { kind: 'la', attendeeName: 'Lee Officer', fullAuthority: false } } });
      const repeat = await store.preparation.saveAnswer(officer(), { kind: 'la', answers: { fullAuthority: false } }, PREP_OFFICER.aadObjectId, later(2));
      expect(repeat.status).toBe('unchanged');
      const refused = await store.preparation.saveAnswer(officer(), { kind: 'family', answers: { advocate: true } }, PREP_OFFICER.aadObjectId, later(2));
      expect(refused.status).toBe('rejected');

      await store.close();
      store = await reopen();
      const stored = await store.preparation.getRecord(c.id, officer().partyId);
      expect(stored).toMatchObject({ version: 2, answers: { attendeeName: 'Lee Officer', fullAuthority: false }, updatedAt: later(1).toISOString() });
      expect((await store.preparation.listRecords(c.id)).map((r) => r.partyId)).toEqual([officer().partyId]);
      expect(await store.preparation.getRecord(c.id, 'someone-else')).toBeNull();
    });

    it('lands concurrent answers to different questions without losing either', async () => {
      const answers = [{ attendeeName: 'Lee' }, { attendeeRole: 'Officer' }, { knowsFamily: 'both' as const }, { fullAuthority: true }];
      const results = await Promise.all(answers.map((a, i) => store.preparation.saveAnswer(officer(), { kind: 'la', answers: a }, PREP_OFFICER.aadObjectId, later(i))));
      expect(results.map((r) => r.status)).toEqual(['saved', 'saved', 'saved', 'saved']);
      const stored = await store.preparation.getRecord(c.id, officer().partyId);
      expect(stored).toMatchObject({ version: 4, answers: { attendeeName: 'Lee', attendeeRole: 'Officer', knowsFamily: 'both', fullAuthority: true } });
    });

    it('does not lose either of two concurrent LA positions on different changes', async () => {
      const [a, b] = await Promise.all([sentChange(1), sentChange(2)]);
      if (!a || !b) throw new Error('no changes');
      const [ra, rb] = await Promise.all([
        store.preparation.updateChange(c.id, a.changeId, (x) => setLaPosition(c, x, { position: 'agree' }, PREP_OFFICER.aadObjectId, later(5))),
        store.preparation.updateChange(c.id, b.changeId, (x) => setLaPosition(c, x, { position: 'discuss', note: 'Hours' }, PREP_OFFICER.aadObjectId, later(5))),
      ]);
      expect([ra.status, rb.status]).toEqual(['updated', 'updated']);
      const stored = await store.preparation.listChanges(c.id);
      expect(stored.map((x) => [x.number, x.laPosition, x.laPositionNote])).toEqual([
        [1, 'agree', undefined],
        [2, 'discuss', 'Hours'],
      ]);
    });

    it('keeps both of two racing positions on the same change in its history', async () => {
      const a = await sentChange(1);
      const results = await Promise.all(
        (['agree', 'decline'] as const).map((position) =>
          store.preparation.updateChange(c.id, a.changeId, (x) => setLaPosition(c, x, { position }, PREP_OFFICER.aadObjectId, later(5))),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(['updated', 'updated']);
      const stored = await store.preparation.getChange(c.id, a.changeId);
      expect(stored?.positionHistory.map((h) => h.position).sort()).toEqual(['agree', 'decline']);
      expect(stored?.version).toBe(4);
    });

    it('numbers racing new changes 1, 2, 3 and keeps ids and numbers through edits and a reopen', async () => {
      const drafts = [1, 2, 3].map((n) => okPrep(createChange(c, changeInput({ location: `paragraph ${n}` }), PARENT.aadObjectId, PREP_NOW)));
      const added = await Promise.all(drafts.map((d) => store.preparation.addChange(d)));
      expect(added.map((x) => x.number).sort()).toEqual([1, 2, 3]);
      expect(added.map((x) => x.changeId)).toEqual(drafts.map((d) => d.changeId));
      // A retried add of the same change returns the stored one, not a fourth.
      expect(await store.preparation.addChange(drafts[0]!)).toEqual(added[0]);

      const target = added[1]!;
      const edited = await store.preparation.updateChange(c.id, target.changeId, (x) => editChange(c, x, changeInput({ location: 'paragraph 9' }), PARENT.aadObjectId, later(1)));
      expect(edited).toMatchObject({ status: 'updated', change: { changeId: target.changeId, number: target.number, location: 'paragraph 9', version: 2 } });
      const renumber = await store.preparation.updateChange(c.id, target.changeId, (x) => ({ ...x, number: 7 }));
      expect(renumber.status).toBe('rejected');

      await store.close();
      store = await reopen();
      const listed = await store.preparation.listChanges(c.id);
      expect(listed.map((x) => [x.number, x.changeId])).toEqual(
        [...added].sort((p, q) => p.number - q.number).map((x) => [x.number, x.changeId]),
      );
      // Another case's id is not found through this case.
      expect(await store.preparation.getChange('other-case', target.changeId)).toBeNull();
      expect((await store.preparation.updateChange('other-case', target.changeId, (x) => x)).status).toBe('not_found');
    });

    it('sends every draft of a case once', async () => {
      await Promise.all([1, 2].map((n) => store.preparation.addChange(okPrep(createChange(c, changeInput({ location: `p${n}` }), PARENT.aadObjectId, PREP_NOW)))));
      const first = await store.preparation.sendDrafts(c.id, (x) => sendChange(c, x, PARENT.aadObjectId, later(1)));
      expect(first.sent.map((x) => x.sentAt)).toEqual([later(1).toISOString(), later(1).toISOString()]);
      const again = await store.preparation.sendDrafts(c.id, (x) => sendChange(c, x, PARENT.aadObjectId, later(2)));
      expect(again.sent).toEqual([]);
      const refused = await store.preparation.addChange(okPrep(createChange(c, changeInput(), PARENT.aadObjectId, PREP_NOW)));
      const byOfficer = await store.preparation.sendDrafts(c.id, (x) => sendChange(c, x, PREP_OFFICER.aadObjectId, later(3)));
      expect(byOfficer.error?.message).toMatch(/Only the family/);
      expect((await store.preparation.getChange(c.id, refused.changeId))?.sentAt).toBeUndefined();
    });
  });

  describe('meetings', () => {
    const mediator = meetingLead.aadObjectId;
    const audit = { by: mediator, action: 'meeting.ticked' } as const;
    const amend = (i: number): ActionInput => ({ owner: { kind: 'body', body: 'local_authority' }, what: `Action ${i}`, category: 'amend_plan' });
    // Meetings have no TTL index, so the fixture's fixed meeting time is safe here.
    const start = (c: Case) => store.meetings.start(c.id, (previous) => startMeeting(c, previous, mediator, { guards: MEETING_GUARDS_OK }, MEETING_START));

    async function running(reference: string): Promise<{ c: Case; m: Meeting }> {
      const c = meetingCase(reference);
      await store.cases.create(c);
      const r = await start(c);
      if (r.status !== 'created') throw new Error(r.status);
      return { c, m: r.meeting };
    }

    it('starts one session per case even when starts race, and finds it as the current meeting', async () => {
      const c = meetingCase('M-1');
      await store.cases.create(c);
      const results = await Promise.all([1, 2, 3, 4, 5].map(() => start(c)));
      expect(results.filter((r) => r.status === 'created')).toHaveLength(1);
      expect(results.filter((r) => r.status === 'unchanged')).toHaveLength(4);
      const current = await store.meetings.current(c.id);
      expect(current).toMatchObject({ session: 1, state: 'in_progress', version: 1 });
      for (const r of results) expect(r.status !== 'conflict' && r.status !== 'rejected' && r.meeting).toEqual(current);
      expect(await store.meetings.listForCase(c.id)).toEqual([current]);
      expect(await store.meetings.get(c.id, current?.meetingId ?? '')).toEqual(current);
      expect(await store.meetings.get('another-case', current?.meetingId ?? '')).toBeNull();
      expect(await store.meetings.current('another-case')).toBeNull();
      expect(await store.meetings.create({ ...(current as Meeting), meetingId: 'another-meeting-id' })).toBe('duplicate_session');
    });

    it('finds the cases of the sessions started or closed in a period, and every session of given cases', async () => {
      const { c, m } = await running('M-S1');
      await running('M-S2');
      const day = MEETING_START.toISOString().slice(0, 10);
      expect(await store.meetings.caseIdsBetween('startedAt', `${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`)).toHaveLength(2);
      expect(await store.meetings.caseIdsBetween('startedAt', '2000-01-01T00:00:00.000Z', '2000-01-02T00:00:00.000Z')).toEqual([]);
      expect(await store.meetings.caseIdsBetween('close.closedAt', `${day}T00:00:00.000Z`, `${day}T23:59:59.999Z`)).toEqual([]);
      expect(await store.meetings.listForCases([c.id])).toEqual([m]);
    });

    it('lands 30 concurrent ticks of all 11 items (repeated clicks included) as exactly 11 writes', async () => {
      const { c, m } = await running('M-2');
      const clicks = Array.from({ length: 30 }, (_, i) => CHECKLIST_ITEM_IDS[i % CHECKLIST_ITEM_IDS.length] ?? 'opening');
      const results = await Promise.all(
        clicks.map((itemId) => store.meetings.update(c.id, m.meetingId, (x) => tickItem(c, x, mediator, itemId, true, MEETING_START), audit)),
      );
      expect(results.filter((r) => r.status === 'updated')).toHaveLength(CHECKLIST_ITEM_IDS.length);
      expect(results.filter((r) => r.status === 'unchanged')).toHaveLength(30 - CHECKLIST_ITEM_IDS.length);
      const stored = await store.meetings.get(c.id, m.meetingId);
      expect(Object.keys(stored?.ticks ?? {}).sort()).toEqual([...CHECKLIST_ITEM_IDS].sort());
      expect(stored?.version).toBe(1 + CHECKLIST_ITEM_IDS.length);
    });

    it('lands 30 concurrent writes to different items (11 ticks, 19 actions): no lost update', async () => {
      const { c, m } = await running('M-3');
      const writes = [
        ...CHECKLIST_ITEM_IDS.map((itemId) => (x: Meeting) => tickItem(c, x, mediator, itemId, true, MEETING_START)),
        ...Array.from({ length: 30 - CHECKLIST_ITEM_IDS.length }, (_, i) => (x: Meeting) =>
          addAction(c, x, mediator, `action-${String(i).padStart(4, '0')}`, amend(i), MEETING_START)),
      ];
      const results = await Promise.all(writes.map((w) => store.meetings.update(c.id, m.meetingId, w, audit)));
      expect(results.map((r) => r.status)).toEqual(writes.map(() => 'updated'));
      const stored = await store.meetings.get(c.id, m.meetingId);
      expect(Object.keys(stored?.ticks ?? {})).toHaveLength(CHECKLIST_ITEM_IDS.length);
      expect(stored?.actions).toHaveLength(30 - CHECKLIST_ITEM_IDS.length);
      expect(stored?.version).toBe(31);
    });

    it('writes nothing for a replayed tick: same version, same audit', async () => {
      const { c, m } = await running('M-4');
      const tick = (x: Meeting) => tickItem(c, x, mediator, 'opening', true, MEETING_START);
      const first = await store.meetings.update(c.id, m.meetingId, tick, audit);
      expect(first.status).toBe('updated');
      const before = await store.meetings.get(c.id, m.meetingId);
      const replay = await store.meetings.update(c.id, m.meetingId, tick, audit);
      expect(replay.status).toBe('unchanged');
      expect(await store.meetings.get(c.id, m.meetingId)).toEqual(before);
      expect(before?.version).toBe(2);
      const ticks = (await store.auditLog.listForCase(c.id)).filter((e) => e.action === 'meeting.ticked');
      expect(ticks).toEqual([expect.objectContaining({ by: mediator, subject: `meeting:${m.meetingId}` })]);
    });

    it(`lands ${ACTIONS_MAX} concurrent adds of actions with different ids`, async () => {
      const { c, m } = await running('M-5');
      const ids = Array.from({ length: ACTIONS_MAX }, (_, i) => `action-${String(i).padStart(4, '0')}`);
      const results = await Promise.all(
        ids.map((id, i) => store.meetings.update(c.id, m.meetingId, (x) => addAction(c, x, mediator, id, amend(i), MEETING_START), audit)),
      );
      expect(results.map((r) => r.status)).toEqual(ids.map(() => 'updated'));
      const stored = await store.meetings.get(c.id, m.meetingId);
      expect(stored?.actions.map((a) => a.actionId).sort()).toEqual(ids);
    });

    it('refuses, writes nothing for a refusal, and starts session 2 after an adjournment', async () => {
      const { c, m } = await running('M-6');
      expect((await store.meetings.update(c.id, m.meetingId, () => new Error('no'), audit)).status).toBe('rejected');
      expect((await store.meetings.update(c.id, m.meetingId, (x) => ({ ...x, session: 9 }), audit)).status).toBe('rejected');
      expect((await store.meetings.update(c.id, 'missing-meeting', (x) => x, audit)).status).toBe('not_found');
      const closed = await store.meetings.update(
        c.id,
        m.meetingId,
        (x) => closeMeeting(c, x, mediator, { outcome: 'adjourned', nextDate: '2027-01-12' }, MEETING_START),
        audit,
      );
      expect(closed).toMatchObject({ status: 'updated', meeting: { state: 'closed', version: 2 } });
      const next = await store.meetings.start(c.id, (previous) =>
        startMeeting(c, previous, mediator, { guards: MEETING_GUARDS_OK }, new Date('2027-01-12T10:00:00Z')),
      );
      expect(next).toMatchObject({ status: 'created', meeting: { session: 2 } });
      expect((await store.meetings.current(c.id))?.session).toBe(2);
      expect((await store.meetings.listForCase(c.id)).map((x) => x.session)).toEqual([1, 2]);
    });
  });

  /** What the per-module contracts get: the current store, and a reopen that replaces it. */
  const sub = {
    store: () => store,
    reopen: async () => {
      await store.close();
      store = await reopen();
      return store;
    },
  };

  describe('outcomes and certificates', () => {
    outcomeStoreContract(sub);
  });

  describe('audit log', () => {
    let closed = false;
    auditLogContract({
      store: () => store,
      closeAndOpenRaw: async () => {
        if (!closed) await store.close();
        closed = true;
        return raw();
      },
      reopen: async () => {
        store = await reopen();
        closed = false;
        return store;
      },
    });
  });

  describe('reminders', () => {
    reminderStoreContract(sub);
  });

  describe('calendar links', () => {
    calendarLinkStoreContract(sub);
  });

  describe('date polls', () => {
    pollStoreContract(sub);
  });

  describe('after the meeting: action progress and feedback', () => {
    followUpStoreContract(sub);
  });

  describe("the service view's records", () => {
    const refs = (rs: readonly ServiceRecord[]) => rs.map((r) => r.c.caseReference).sort();
    const mediator = meetingLead.aadObjectId;

    it('keeps a small copy of each case, found by date and by id within one tenant only, without the parties', async () => {
      const a = makeCase({ caseReference: 'S-1', laInformed: '2026-11-02' });
      const b = makeCase({ caseReference: 'S-2', laInformed: '2026-11-20' });
      const other = makeCase({ caseReference: 'S-3', laInformed: '2026-11-03' }, LEAD, 'tenant-2|19:team@thread.tacv2');
      for (const c of [a, b, other]) await store.cases.create(c);
      await store.cases.update(a.id, (x) => addParty(x, { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, t0), { by: LEAD.aadObjectId, action: 'parties.assigned' }, t0);
      expect(refs(await store.serviceRecords.between('referredOn', '2026-11-01', '2026-11-10', 'tenant-1'))).toEqual(['S-1']);
      expect(refs(await store.serviceRecords.between('referredOn', '2026-11-01', '2026-11-30', undefined))).toEqual(['S-1', 'S-2', 'S-3']);
      expect(refs(await store.serviceRecords.getMany([a.id, other.id], 'tenant-1'))).toEqual(['S-1']);
      const [read] = await store.serviceRecords.getMany([a.id], 'tenant-1');
      expect(read?.c).toMatchObject({ id: a.id, dates: a.dates, localAuthority: a.localAuthority, mediators: [{ aadObjectId: LEAD.aadObjectId, displayName: LEAD.displayName }] });
      expect(JSON.stringify(read)).not.toContain(PARENT.displayName);
    });

    it('follows each change it counts: the local authority, a session started and closed, the actions the LA agreed', async () => {
      const c = meetingCase('S-4');
      await store.cases.create(c);
      await store.cases.update(c.id, (x) => ({ ...x, localAuthority: 'Eastshire Council' }), { by: mediator, action: 'case.edited' }, t0);
      const started = await store.meetings.start(c.id, (previous) => startMeeting(c, previous, mediator, { guards: MEETING_GUARDS_OK }, MEETING_START));
      if (started.status !== 'created') throw new Error(started.status);
      const m = started.meeting;
      await store.meetings.update(c.id, m.meetingId, (x) => addAction(c, x, mediator, 'action-0001', { owner: { kind: 'body', body: 'local_authority' }, what: 'Amend section F', category: 'amend_plan' }, MEETING_START), { by: mediator, action: 'action.saved' });
      await store.meetings.update(c.id, m.meetingId, (x) => addAction(c, x, mediator, 'action-0002', { owner: { kind: 'body', body: 'school' }, what: 'Share the timetable', category: 'amend_plan' }, MEETING_START), { by: mediator, action: 'action.saved' });
      await store.meetings.update(c.id, m.meetingId, (x) => closeMeeting(c, x, mediator, { outcome: 'full' }, MEETING_START), { by: mediator, action: 'meeting.closed' });
      const [read] = await store.serviceRecords.getMany([c.id], undefined);
      expect(read?.c.localAuthority).toBe('Eastshire Council');
      expect(read?.sessions).toEqual([
        expect.objectContaining({ caseId: c.id, session: 1, startedAt: m.startedAt, close: expect.objectContaining({ outcome: 'full' }), actions: [expect.objectContaining({ actionId: 'action-0001', category: 'amend_plan' })] }),
      ]);
      // The agreed wording stays in the meeting: the view counts actions, it does not read them.
      expect(JSON.stringify(read)).not.toContain('Amend section F');
    });

    it('rebuilds a record that is missing or damaged when the view reads it', async () => {
      const a = makeCase({ caseReference: 'S-5', laInformed: '2026-11-02' });
      const b = makeCase({ caseReference: 'S-6', laInformed: '2026-11-02' });
      await store.cases.create(a);
      await store.cases.create(b);
      await store.close();
      const backend = await raw();
      try {
        const docs = await backend.collection<{ _id: string; record: unknown }>(SERVICE_RECORDS_COLLECTION, serviceRecordIndexes);
        expect(await docs.deleteOne({ _id: a.id })).toBe(1);
        expect(await docs.updateOne({ _id: b.id }, { record: { c: { id: b.id, caseType: 'no such type' } } })).toBe(1);
      } finally {
        await backend.close();
        store = await reopen();
      }
      expect(refs(await store.serviceRecords.getMany([a.id, b.id], 'tenant-1'))).toEqual(['S-5', 'S-6']);
      expect(refs(await store.serviceRecords.between('referredOn', '2026-11-01', '2026-11-03', 'tenant-1'))).toEqual(['S-5', 'S-6']);
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

  it('lists the distinct values of a field once each, dates as dates, leaving absent and null out', async () => {
    await store.close();
    const backend = await raw();
    try {
      interface Doc { _id: string; caseId?: string | null; at?: Date; n: number }
      const docs = await backend.collection<Doc>('contract_distinct', [{ fields: ['n', 'caseId'] }, { fields: ['n', 'at'] }]);
      const at = new Date('2026-12-03T10:00:00.000Z');
      await docs.insertOne({ _id: 'a', caseId: 'case-1', at, n: 1 });
      await docs.insertOne({ _id: 'b', caseId: 'case-1', at, n: 1 });
      await docs.insertOne({ _id: 'c', caseId: 'case-2', n: 1 });
      await docs.insertOne({ _id: 'd', caseId: null, n: 1 });
      await docs.insertOne({ _id: 'e', n: 1 });
      await docs.insertOne({ _id: 'f', caseId: 'case-3', n: 2 });
      expect(((await docs.distinct('caseId', { n: 1 })) as string[]).sort()).toEqual(['case-1', 'case-2']);
      expect(await docs.distinct('at', { n: 1 })).toEqual([at]);
    } finally {
      await backend.close();
      store = await reopen();
    }
  });

  it('reads only the asked fields of every document, a page at a time, with dates and nested objects intact', async () => {
    await store.close();
    const backend = await raw();
    try {
      interface Doc { _id: string; small?: { at: Date; n: number } | null; flag: boolean; big: string }
      const docs = await backend.collection<Doc>('contract_fields', []);
      const at = new Date('2026-12-03T10:00:00.000Z');
      for (let i = 0; i < 1203; i++) {
        await docs.insertOne({ _id: `d${String(i).padStart(4, '0')}`, flag: i % 2 === 0, big: 'x'.repeat(200), ...(i % 3 === 0 ? {} : { small: i % 3 === 1 ? { at, n: i } : null }) });
      }
      const first = await docs.findFields({}, ['small', 'flag'], { sort: { _id: 1 }, limit: 3 });
      // Absent and null both come back absent; a boolean stays a boolean.
      expect(first).toStrictEqual([{ _id: 'd0000', flag: true }, { _id: 'd0001', small: { at, n: 1 }, flag: false }, { _id: 'd0002', flag: true }]);
      const seen: Pick<Doc, '_id' | 'small'>[] = [];
      for await (const doc of everyDocument(docs, ['small'])) seen.push(doc);
      expect(seen).toHaveLength(1203);
      expect(seen.filter((d) => d.small).map((d) => d.small!.n)).toEqual(Array.from({ length: 401 }, (_, k) => 3 * k + 1));
      expect(seen.every((d) => !('big' in d))).toBe(true);
    } finally {
      await backend.close();
      store = await reopen();
    }
  });
}
