import { journeyBot, journeySteps } from '../reliability/helpers/journey';
import { isRegistered } from '../reliability/helpers/coverage';
import { PEOPLE } from '../reliability/helpers/people';
import { storeSnapshot } from '../reliability/helpers/storeSnapshot';
import { hashAccessToken } from '../../domain/certificate';
import type { CaseExport, PersonExport } from '../../domain/export';

/**
 * The subject access export over HTTP: after the whole journey, `export` gives the lead mediator
 * two one-time links; each opens once; the JSON holds every document that mentions the case in
 * any store file (so a collection added without being exported fails here), with a schema version.
 */
jest.setTimeout(90_000);

/** Stores that are not the case's records: bookkeeping with its own short expiry, references to chats, the register. */
const NOT_CASE_RECORDS = ['processed_activities', 'rate_limits', 'bot_state', 'conversations', 'certificate_register', 'job_leases'];

describe('export', () => {
  const bot = journeyBot();

  it('sends two one-time links to the 1:1 chat; each opens once; the export holds every record of the case', async () => {
    const t = bot.t();
    const j = bot.j();
    const steps = journeySteps().filter(isRegistered);
    for (const step of steps.slice(0, steps.findIndex((s) => s.label === 'export'))) await j.run(step);
    const c = await j.caseA();
    const before = t.connector.calls.length;
    await j.post(j.activityFor({ text: 'export' }, 'thread', PEOPLE.lead, 'form-A'));
    const sent = JSON.stringify(t.connector.calls.slice(before).map((x) => x.body));
    const urls = [...sent.matchAll(/https?:\/\/[^"\\]+\/exports\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0]);
    expect(urls).toHaveLength(2);
    // The links went to the lead's 1:1 chat, not to the channel thread.
    const toThread = t.connector.calls.slice(before).filter((x) => x.conversationId?.includes('thread.tacv2') && JSON.stringify(x.body).includes('/exports/'));
    expect(toThread).toEqual([]);

    const [htmlUrl, jsonUrl] = urls.map((u) => u.replace(/^https?:\/\/[^/]+/, t.bot.url));
    const page = await fetch(htmlUrl!);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(await page.text()).toContain(`Everything stored about case ${c.caseReference}`);
    expect((await fetch(htmlUrl!)).status).toBe(404); // used

    const res = await fetch(jsonUrl!);
    expect(res.status).toBe(200);
    const exported = (await res.json()) as CaseExport;
    expect(exported).toMatchObject({ schemaVersion: 1, kind: 'case', caseId: c.id, caseReference: c.caseReference });
    expect((await fetch(jsonUrl!)).status).toBe(404);

    const snapshot = await storeSnapshot(t.config.dataDir, { includeBookkeeping: true });
    const holding = [...snapshot.entries()]
      .filter(([name, docs]) => !NOT_CASE_RECORDS.includes(name) && [...docs.values()].some((d) => d.includes(c.id)))
      .map(([name]) => name)
      .sort();
    const exportedNonEmpty = Object.entries(exported.records).filter(([, docs]) => docs.length > 0).map(([name]) => name);
    expect(holding.filter((name) => !exportedNonEmpty.includes(name))).toEqual([]);
    expect(exported.records.cases).toHaveLength(1);
    expect(exported.records.acknowledgements!.length).toBeGreaterThan(0);

    // Opening an export is itself logged (by whoever held the link, on a page).
    const log = await t.bot.store.auditLog.listForCase(c.id);
    expect(log.filter((e) => e.action === 'export.viewed').map((e) => e.via)).toEqual(['page', 'page']);
    expect(log.filter((e) => e.action === 'export.created').map((e) => e.by)).toEqual([PEOPLE.lead.aadObjectId]);
  });

  it('exports everything about one person across their cases, and nothing of other parties', async () => {
    const t = bot.t();
    const j = bot.j();
    const c = await j.caseA();
    const parent = c.parties.find((p) => p.aadObjectId === PEOPLE.parent.aadObjectId)!;
    const officer = c.parties.find((p) => p.aadObjectId === PEOPLE.officer.aadObjectId)!;
    const before = t.connector.calls.length;
    await j.post(j.activityFor({ text: `export person ${PEOPLE.parent.aadObjectId}` }, 'personal', PEOPLE.admin));
    const sent = JSON.stringify(t.connector.calls.slice(before).map((x) => x.body));
    const urls = [...sent.matchAll(/https?:\/\/[^"\\]+\/exports\/[A-Za-z0-9_-]{43}/g)].map((m) => m[0].replace(/^https?:\/\/[^/]+/, t.bot.url));
    expect(urls).toHaveLength(2);
    const res = await fetch(urls[1]!);
    const exported = (await res.json()) as PersonExport;
    expect(exported).toMatchObject({ schemaVersion: 1, kind: 'person', aadObjectId: PEOPLE.parent.aadObjectId });
    const mine = exported.cases.find((x) => x.caseId === c.id)!;
    expect(mine.asParty?.partyId).toBe(parent.partyId);
    expect(mine.records.acknowledgements!.length).toBeGreaterThan(0);
    // Records only about someone else are left out; shared ones (the outcome, a change the officer answered) come whole.
    expect(JSON.stringify(mine.records.acknowledgements)).not.toContain(officer.partyId);
    expect(mine.records.outcomes).toHaveLength(1);
    expect(exported.conversations.length).toBeGreaterThan(0);
    expect((await fetch(urls[1]!)).status).toBe(404);
  });

  it('refuses a made-up link, and a link past its 24 hours', async () => {
    const t = bot.t();
    expect((await fetch(`${t.bot.url}/exports/${'A'.repeat(43)}`)).status).toBe(404);
    const token = 'B'.repeat(43);
    const made = new Date('2026-12-03T10:00:00Z');
    await t.bot.store.exportLinks.create({ _id: hashAccessToken(token), caseId: 'some-case', format: 'html', createdBy: 'x', expiresAt: new Date(made.getTime() + 24 * 3600_000) });
    expect(await t.bot.store.exportLinks.take(hashAccessToken(token), new Date(made.getTime() + 25 * 3600_000))).toBeNull();
  });
});
