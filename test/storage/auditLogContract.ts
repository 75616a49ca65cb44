import { STORE_MARKERS_COLLECTION } from '../../storage/storeMarkers';
import type { AppStore } from '../../storage/appStore';
import type { Backend } from '../../storage/collection';
import { CASES_COLLECTION } from '../../storage/caseStore';
import { MEETINGS_COLLECTION } from '../../storage/meetingStore';
import { addParty, type Case } from '../../domain/cases';
import { LEAD, PARENT, makeCase } from '../domain/caseFixtures';

export interface AuditContractContext {
  store(): AppStore;
  /** Closes the store and gives the backend underneath, to plant documents as an older version stored them. */
  closeAndOpenRaw(): Promise<Backend>;
  /** Opens the product's store again (start-up: migration and sweep run). */
  reopen(): Promise<AppStore>;
}

// After the fixture cases' creation time (caseFixtures NOW).
const t0 = new Date('2026-12-02T09:00:00.000Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000).toISOString();
// Before the fixture cases' creation: what an old trail holds.
const old = (minutes: number) => new Date(Date.parse('2026-11-01T09:00:00.000Z') + minutes * 60_000).toISOString();

/** A case document as the capped-trail version stored it: `audit` (the newest 100) and `auditDropped`. */
function legacyCase(c: Case, kept: number, dropped: number): Record<string, unknown> {
  const audit = Array.from({ length: kept }, (_, i) => ({ at: old(i), by: LEAD.aadObjectId, action: i % 2 ? 'parties.assigned' : 'party.joined', detail: `n${i}` }));
  // One code from a feature that no longer exists: kept, under `legacy.change`, with its code in the detail.
  audit.push({ at: old(kept), by: LEAD.aadObjectId, action: 'party.renamed', detail: 'p1' });
  return { ...c, _id: c.id, refKey: `${c.providerKey}|${c.caseReference.toLowerCase()}`, memberIds: [LEAD.aadObjectId.toLowerCase()], audit, auditDropped: dropped };
}

export function auditLogContract(ctx: AuditContractContext): void {
  it('logs every change with the change itself, never for a refused or empty one, and pages newest first', async () => {
    const store = ctx.store();
    const c = makeCase({ caseReference: 'AUD-1' });
    await store.cases.create(c);
    for (let i = 0; i < 20; i++) {
      // Every other one changes nothing (the mutation returns the case it was given).
      await store.cases.update(c.id, (x) => (i % 2 ? x : { ...x, childInitials: `B${i}` }), { by: LEAD.aadObjectId, action: 'parties.assigned' }, new Date(t0.getTime() + i * 1000));
    }
    await store.cases.update(c.id, () => new Error('refused'), { by: LEAD.aadObjectId, action: 'parties.assigned' });
    expect(await store.auditLog.countForCase(c.id)).toBe(1 + 10);
    const first = await store.auditLog.pageForCase(c.id, undefined, 10);
    expect(first.entries).toHaveLength(10);
    expect(first.older).toBeDefined();
    const second = await store.auditLog.pageForCase(c.id, first.older, 10);
    expect(second.entries.length).toBe(1);
    expect(second.older).toBeUndefined();
    const all = [...first.entries, ...second.entries];
    expect(new Set(all.map((e) => e.id)).size).toBe(11);
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
    expect(all.at(-1)?.action).toBe('case.created');
  });

  it('is never capped: 250 changes give 250 entries and the case document does not grow with them', async () => {
    const store = ctx.store();
    const c = makeCase({ caseReference: 'AUD-2' });
    await store.cases.create(c);
    let current = c;
    for (let i = 0; i < 250; i++) {
      const r = await store.cases.update(c.id, (x) => ({ ...x, childInitials: `A${i}` }), { by: LEAD.aadObjectId, action: 'parties.assigned', detail: `${i}` }, new Date(t0.getTime() + i));
      if (r.status !== 'updated') throw new Error(r.status);
      current = r.case;
    }
    expect(await store.auditLog.countForCase(c.id)).toBe(251);
    expect(JSON.stringify(current).length).toBeLessThan(JSON.stringify(c).length + 200);
  });

  it('logs a read with its place, and never stores a name', async () => {
    const store = ctx.store();
    const c = addParty(makeCase({ caseReference: 'AUD-3' }), { role: 'parent_carer', ...PARENT, how: 'roster' }, LEAD.aadObjectId, t0);
    if (c instanceof Error) throw c;
    await store.cases.create(c);
    await store.auditLog.append({ by: PARENT.aadObjectId, action: 'outcome.viewed' }, c.id, t0);
    expect(await store.cases.get(c.id)).toEqual(c); // a read does not touch the case
    const [created, read] = await store.auditLog.listForCase(c.id);
    expect(created?.action).toBe('case.created');
    expect(read).toMatchObject({ by: PARENT.aadObjectId, action: 'outcome.viewed', via: 'system', caseId: c.id });
    expect(JSON.stringify(await store.auditLog.listForCase(c.id))).not.toMatch(new RegExp(`${PARENT.displayName}|${LEAD.displayName}`));
  });

  it('moves the old capped trails into the log on start-up, once, verified by counts, and removes them', async () => {
    const c = makeCase({ caseReference: 'AUD-OLD' });
    const raw = await ctx.closeAndOpenRaw();
    const cases = await raw.collection<{ _id: string }>(CASES_COLLECTION, []);
    expect(await cases.insertOne(legacyCase(c, 100, 37) as { _id: string })).toBe(true);
    const meetings = await raw.collection<{ _id: string }>(MEETINGS_COLLECTION, []);
    const meetingAudit = [{ at: old(5), by: LEAD.aadObjectId, action: 'meeting.ticked' }];
    await meetings.insertOne({ _id: 'meeting-old', caseId: c.id, version: 3, audit: meetingAudit, auditDropped: 0 } as { _id: string });
    // The store as the previous version left it: it never ran the migration, so it has no marker.
    expect(await (await raw.collection<{ _id: string }>(STORE_MARKERS_COLLECTION, [])).deleteMany({ _id: 'audit-legacy-trails-moved' })).toBe(1);
    await raw.close();

    let store = await ctx.reopen();
    // 100 kept + 1 unknown code + 1 "entries lost" note for the 37 the cap dropped, + the meeting's 1.
    expect(await store.auditLog.countForCase(c.id)).toBe(103);
    const entries = await store.auditLog.listForCase(c.id);
    expect(entries[0]).toMatchObject({ action: 'audit.entriesLost', by: 'system', detail: '37 older or unreadable entries of the case record' });
    expect(entries.find((e) => e.action === 'legacy.change')).toMatchObject({ detail: 'party.renamed: p1', by: LEAD.aadObjectId, via: 'unknown' });
    expect(entries.find((e) => e.action === 'meeting.ticked')).toMatchObject({ subject: 'meeting:meeting-old' });
    // The case reads as before, without the trail; the document no longer holds it.
    expect(await store.cases.get(c.id)).toEqual(c);

    // A second start-up moves nothing and duplicates nothing.
    await store.close();
    const again = await ctx.closeAndOpenRaw().catch(() => undefined);
    if (again) {
      const doc = (await (await again.collection<{ _id: string; audit?: unknown; auditDropped?: unknown }>(CASES_COLLECTION, [])).findById(c.id))!;
      expect(doc.audit).toBeUndefined();
      expect(doc.auditDropped).toBeUndefined();
      await again.close();
    }
    store = await ctx.reopen();
    expect(await store.auditLog.countForCase(c.id)).toBe(103);
  });

  it('copies a change whose entry reached only its document (a crash between the two writes) at the next start-up', async () => {
    const store = ctx.store();
    const c = makeCase({ caseReference: 'AUD-CRASH' });
    await store.cases.create(c);
    const raw = await ctx.closeAndOpenRaw();
    const cases = await raw.collection<{ _id: string; version: number; auditOutbox?: unknown }>(CASES_COLLECTION, []);
    const doc = (await cases.findById(c.id))!;
    const entry = { id: `${at(1)}~case:${c.id}:v2`, at: at(1), by: LEAD.aadObjectId, action: 'parties.assigned', via: 'thread', caseId: c.id };
    // What the conditional write leaves when the process dies before the log write.
    expect(await cases.replaceOne({ _id: c.id }, { ...doc, version: 2, auditOutbox: entry })).toBe(1);
    await raw.close();
    const reopened = await ctx.reopen();
    // The sweep runs in the background after start-up.
    expect(await reopened.recoverAudit()).toBe(1);
    expect((await reopened.auditLog.listForCase(c.id)).map((e) => e.action)).toEqual(['case.created', 'parties.assigned']);
  });

  it('keeps a terms agreement\'s entry with the agreement, so a crash before the log copy loses nothing', async () => {
    const store = ctx.store();
    const c = makeCase({ caseReference: 'AUD-ACK' });
    await store.cases.create(c);
    const ack = { caseId: c.id, partyId: 'party-1', role: 'parent_carer' as const, termsVersion: 'abc123def456', at: at(2), by: PARENT.aadObjectId };
    const { created, auditEntry } = await store.acknowledgements.record(ack, { by: PARENT.aadObjectId, action: 'terms.agreed', subject: 'party:party-1', detail: 'vabc123def456' });
    expect(created).toBe(true);
    expect(auditEntry).toMatchObject({ action: 'terms.agreed', caseId: c.id, at: at(2) });
    // The process dies here, before the handler copies the entry to the log after answering.
    expect((await store.auditLog.listForCase(c.id)).map((e) => e.action)).toEqual(['case.created']);
    const reopened = await ctx.reopen();
    expect(await reopened.recoverAudit()).toBe(1);
    expect((await reopened.auditLog.listForCase(c.id)).map((e) => e.action)).toEqual(['case.created', 'terms.agreed']);
    // A double click stores neither a second agreement nor a second entry.
    expect((await reopened.acknowledgements.record(ack, { by: PARENT.aadObjectId, action: 'terms.agreed' })).created).toBe(false);
  });
}
