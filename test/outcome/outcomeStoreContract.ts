import type { AppStore } from '../../storage/appStore';
import { addParty, partyFor, type Case } from '../../domain/cases';
import { hashAccessToken, prepareCertificate, renewAccessToken, verifyCertificateToken, type CertificateRequest } from '../../domain/certificate';
import { publishOutcome, respondToOutcome, startOutcomeRecord, type OutcomeRecord } from '../../domain/outcome';
import { A1_ISSUE, ISSUER, PROVIDER_NAME, a1Meeting, certCase } from './certificateFixtures';
import { CLOSE_AT, LEAD, NOW, OFFICER, PARENT, closedMeeting, draftOf, later, meetingCase, ok, publishable } from './outcomeFixtures';

/**
 * The outcome and certificate stores' part of the storage contract (test/storage/storeContract.ts
 * runs it against every backend). Concurrency is the point: Teams re-sends, people double
 * click, and twenty parties may answer the same outcome within a second.
 */
export interface OutcomeContractContext {
  readonly store: () => AppStore;
  /** Closes the store and opens it again on the same data. */
  readonly reopen: () => Promise<AppStore>;
}

const audit = { by: LEAD.aadObjectId, action: 'outcome.published' as const };

/** The fixture case with 16 more parties: 20 in all, each with a Teams identity. */
function twentyPartyCase(reference: string): Case {
  let c = meetingCase(reference);
  for (let i = 0; i < 16; i++) {
    c = ok(
      addParty(c, { role: 'other_professional', displayName: `Professional ${i}`, aadObjectId: `00000000-0000-0000-0000-0000000002${String(i).padStart(2, '0')}`, how: 'roster' }, LEAD.aadObjectId, NOW),
    );
  }
  const school = c.parties.find((p) => p.role === 'school');
  return { ...c, parties: c.parties.map((p) => (p === school ? { ...p, aadObjectId: '00000000-0000-0000-0000-0000000002ff' } : p)) };
}

export function outcomeStoreContract(ctx: OutcomeContractContext): void {
  async function published(reference: string): Promise<{ c: Case; record: OutcomeRecord }> {
    const c = twentyPartyCase(reference);
    const meeting = closedMeeting(c);
    const opened = await ctx.store().outcomes.open(ok(startOutcomeRecord(c, meeting, LEAD.aadObjectId, CLOSE_AT)), LEAD.aadObjectId);
    expect(opened.status).toBe('created');
    const content = publishable(draftOf(c, meeting));
    const r = await ctx.store().outcomes.update(c.id, (x) => publishOutcome(c, x, LEAD.aadObjectId, content, 1, later(60, CLOSE_AT)), audit, later(60, CLOSE_AT));
    if (r.status !== 'updated') throw new Error(r.status);
    return { c, record: r.record };
  }

  it('opens one outcome record per case, even when two closes race', async () => {
    const c = meetingCase('O-1');
    const initial = ok(startOutcomeRecord(c, closedMeeting(c), LEAD.aadObjectId, CLOSE_AT));
    const results = await Promise.all([ctx.store().outcomes.open(initial, LEAD.aadObjectId), ctx.store().outcomes.open(initial, LEAD.aadObjectId)]);
    expect(results.map((r) => r.status).sort()).toEqual(['created', 'existing']);
    expect(await ctx.store().outcomes.get(c.id)).toEqual(initial);
    expect(await ctx.store().outcomes.get('another-case')).toBeNull();
    expect((await ctx.store().outcomes.update('another-case', (x) => x, audit)).status).toBe('not_found');
  });

  it('lands 20 parties answering at once, every one of them', async () => {
    const { c } = await published('O-2');
    expect(c.parties).toHaveLength(20);
    const results = await Promise.all(
      c.parties.map((p, i) =>
        ctx.store().outcomes.update(
          c.id,
          (x) => respondToOutcome(c, x, p.aadObjectId ?? '', 1, i % 3 === 0 ? { kind: 'correction', reason: `Point ${i}` } : { kind: 'content' }, later(90, CLOSE_AT)),
          audit,
          later(90, CLOSE_AT),
        ),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(c.parties.map(() => 'updated'));
    const stored = await ctx.store().outcomes.get(c.id);
    expect(stored?.responses.map((r) => r.partyId).sort()).toEqual(c.parties.map((p) => p.partyId).sort());
    expect(stored?.responses.filter((r) => r.kind === 'correction')).toHaveLength(7);
    expect(stored?.version).toBe(2 + 20);
  });

  it('keeps one answer for a repeated click, however many arrive together', async () => {
    const { c } = await published('O-3');
    const answer = (kind: 'content' | 'correction') => () =>
      ctx.store().outcomes.update(
        c.id,
        (x) => respondToOutcome(c, x, PARENT.aadObjectId, 1, kind === 'content' ? { kind } : { kind, reason: 'Wrong date' }, later(90, CLOSE_AT)),
        audit,
      );
    const results = await Promise.all([answer('content'), answer('content'), answer('correction'), answer('content'), answer('content')].map((f) => f()));
    expect(results.filter((r) => r.status === 'updated')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'unchanged')).toHaveLength(4);
    const stored = await ctx.store().outcomes.get(c.id);
    expect(stored?.responses.filter((r) => r.partyId === partyFor(c, PARENT.aadObjectId)?.partyId)).toHaveLength(1);
  });

  it('publishing version 2 while answers to version 1 arrive keeps both: the version and every answer that landed', async () => {
    const { c, record } = await published('O-4');
    const v1 = record.versions[0];
    if (!v1) throw new Error('no version 1');
    const early = await ctx.store().outcomes.update(c.id, (x) => respondToOutcome(c, x, OFFICER.aadObjectId, 1, { kind: 'correction', reason: 'Change the date' }, later(90, CLOSE_AT)), audit);
    expect(early.status).toBe('updated');
    const others = c.parties.filter((p) => p.role === 'other_professional').slice(0, 6);
    const [publish, ...answers] = await Promise.all([
      ctx.store().outcomes.update(c.id, (x) => publishOutcome(c, x, LEAD.aadObjectId, { ...v1.content, overview: 'Corrected.' }, 2, later(120, CLOSE_AT)), audit),
      ...others.map((p) => ctx.store().outcomes.update(c.id, (x) => respondToOutcome(c, x, p.aadObjectId ?? '', 1, { kind: 'content' }, later(120, CLOSE_AT)), audit)),
    ]);
    expect(publish?.status).toBe('updated');
    for (const a of answers) expect(['updated', 'rejected']).toContain(a.status);
    const stored = await ctx.store().outcomes.get(c.id);
    expect(stored?.versions.map((v) => [v.version, v.content.overview])).toEqual([
      [1, v1.content.overview],
      [2, 'Corrected.'],
    ]);
    expect(stored?.versions[0]).toEqual(v1);
    expect(stored?.responses.filter((r) => r.outcomeVersion === 1)).toHaveLength(1 + answers.filter((a) => a.status === 'updated').length);
    const late = await ctx.store().outcomes.update(c.id, (x) => respondToOutcome(c, x, PARENT.aadObjectId, 1, { kind: 'content' }, later(130, CLOSE_AT)), audit);
    expect(late.status).toBe('rejected');
    const onV2 = await ctx.store().outcomes.update(c.id, (x) => respondToOutcome(c, x, OFFICER.aadObjectId, 2, { kind: 'content' }, later(130, CLOSE_AT)), audit);
    expect(onV2.status).toBe('updated');
  });

  it('refuses to rewrite a published version, and keeps everything across a reopen', async () => {
    const { c, record } = await published('O-5');
    const rewrite = await ctx.store().outcomes.update(
      c.id,
      (x) => ({ ...x, versions: x.versions.map((v) => ({ ...v, content: { ...v.content, overview: 'Rewritten' } })) }),
      audit,
    );
    expect(rewrite.status).toBe('rejected');
    const store = await ctx.reopen();
    expect(await store.outcomes.get(c.id)).toEqual(record);
  });

  describe('certificates', () => {
    const issueIn = (c: Case, request: CertificateRequest, now: Date = A1_ISSUE) => ctx.store().certificates.issue(c.id, (existing) => prepareCertificate(c, existing, LEAD.aadObjectId, request, now));

    it('gives racing issues in one provider unique numbers in sequence, and a double click one certificate', async () => {
      const cases = Array.from({ length: 8 }, (_, i) => certCase({ caseReference: `C-${i}` }));
      const requests = cases.flatMap((c, i) => {
        const request = { variant: 'after_mediation', issuer: ISSUER, providerName: PROVIDER_NAME, meeting: a1Meeting(c) } as const;
        return i === 0 ? [issueIn(c, request), issueIn(c, request), issueIn(c, request)] : [issueIn(c, request)];
      });
      const results = await Promise.all(requests);
      expect(results.filter((r) => r.status === 'created')).toHaveLength(8);
      expect(results.filter((r) => r.status === 'existing')).toHaveLength(2);
      const numbers = results.flatMap((r) => (r.status === 'created' ? [r.certificate.number] : []));
      expect(numbers.sort()).toEqual(Array.from({ length: 8 }, (_, i) => `SM-CERT-2025-${String(i + 1).padStart(6, '0')}`));
      const first = cases[0];
      if (!first) throw new Error('no case');
      const forFirst = await ctx.store().certificates.listForCase(first.id);
      expect(forFirst).toHaveLength(1);
      for (const r of results.slice(0, 3)) expect(r.status !== 'rejected' && r.status !== 'conflict' && r.certificate).toEqual(forFirst[0]);
    });

    it('finds a certificate by the hash of its link\'s token and by its number; a renewed link works too', async () => {
      const c = certCase({ caseReference: 'C-LOOKUP' });
      const r = await issueIn(c, { variant: 'after_mediation', issuer: ISSUER, providerName: PROVIDER_NAME, meeting: a1Meeting(c) });
      if (r.status !== 'created') throw new Error(r.status);
      const found = await ctx.store().certificates.findByTokenHash(hashAccessToken(r.accessToken));
      expect(found).toEqual(r.certificate);
      expect(found && verifyCertificateToken(found, r.accessToken)).toBe(true);
      expect(await ctx.store().certificates.findByTokenHash(hashAccessToken('x'.repeat(43)))).toBeNull();
      expect(await ctx.store().certificates.findByTokenHash('not a hash')).toBeNull();
      expect(await ctx.store().certificates.findByNumber(c.providerKey, r.certificate.number)).toEqual(r.certificate);
      expect(await ctx.store().certificates.findByNumber('another-provider', r.certificate.number)).toBeNull();
      expect(await ctx.store().certificates.get('another-case', r.certificate.certificateId)).toBeNull();

      let token = '';
      const renewed = await ctx.store().certificates.update(c.id, r.certificate.certificateId, (x) => {
        const next = renewAccessToken(c, x, LEAD.aadObjectId, A1_ISSUE);
        if (next instanceof Error) return next;
        token = next.accessToken;
        return next.certificate;
      });
      expect(renewed).toMatchObject({ status: 'updated', certificate: { version: 2 } });
      const store = await ctx.reopen();
      expect((await store.certificates.findByTokenHash(hashAccessToken(token)))?.certificateId).toBe(r.certificate.certificateId);
      expect((await store.certificates.findByTokenHash(hashAccessToken(r.accessToken)))?.certificateId).toBe(r.certificate.certificateId);
      const renumber = await store.certificates.update(c.id, r.certificate.certificateId, (x) => ({ ...x, number: 'SM-CERT-2025-999999' }));
      expect(renumber.status).toBe('rejected');
    });

    it('keeps every version on re-issue, counts per year, and refuses what the domain refuses', async () => {
      const c = certCase({ caseReference: 'C-REISSUE' });
      const request = { variant: 'after_mediation', issuer: ISSUER, providerName: PROVIDER_NAME, meeting: a1Meeting(c) } as const;
      const first = await issueIn(c, request);
      const second = await issueIn(c, { ...request, reissue: true }, new Date('2026-01-05T10:00:00Z'));
      expect(first).toMatchObject({ status: 'created', certificate: { issueNumber: 1, number: 'SM-CERT-2025-000001' } });
      expect(second).toMatchObject({ status: 'created', certificate: { issueNumber: 2, number: 'SM-CERT-2026-000001', originalIssueDate: '2025-11-28' } });
      expect((await ctx.store().certificates.listForCase(c.id)).map((x) => x.issueNumber)).toEqual([1, 2]);
      const drs = await ctx.store().certificates.issue(c.id, (existing) => prepareCertificate({ ...c, caseType: 'D-DUTIES' }, existing, LEAD.aadObjectId, request, A1_ISSUE));
      expect(drs.status).toBe('rejected');
    });
  });
}
