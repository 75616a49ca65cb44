/**
 * The service view's API over real HTTP (the real bot server, embedded store on a temp dir, SSO
 * tokens signed here): who may see it, that it counts only the caller's tenant, what a bad query
 * gets, and the CSV's small-count rule.
 */
import type { ServiceAnswer, ServiceCasesAnswer } from '../../domain/service';
import { startTestBot, type TestBot } from '../helpers/testBot';
import { APP_ID, keyPair, PG, signToken, ssoClaims, startJwksServer, storeCase, TENANT, type KeyPair, type Person } from './tabFixtures';

const NOW = new Date('2026-12-03T10:00:00Z');
const ADMIN: Person = { aadObjectId: '5e4d0000-0000-4000-a000-0000000000ad', name: 'Alex Admin' };
const OTHER_TENANT = '99999999-0000-4000-8000-000000000001';

async function get(t: TestBot, path: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const res = await fetch(`${t.bot.url}${path}`, { headers });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

describe('service view API', () => {
  let t: TestBot;
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;
  let key: KeyPair;
  const as = (who: Person) => ({ authorization: `Bearer ${signToken(ssoClaims(who, NOW), key)}` });
  const referrals = (body: ServiceAnswer, month: string) => body.charts.find((c) => c.id === 'flow')?.rows.find((r) => r.id === month)?.cells[0]?.value;

  beforeAll(async () => {
    key = keyPair('key-1');
    jwks = await startJwksServer([key]);
    t = await startTestBot(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'test-secret',
        MicrosoftAppTenantId: TENANT,
        MicrosoftAppType: 'SingleTenant',
        PUBLIC_BASE_URL: 'https://bot.example.org',
        TAB_SSO_JWKS_URL: jwks.url,
        ADMIN_ALLOWLIST: ADMIN.aadObjectId,
      },
      { now: () => NOW },
    );
    // Seven December referrals (the LA told on 1 Dec) in this tenant, Maya mediating five and Tom two; two in November.
    for (let i = 0; i < 7; i++) {
      await storeCase(t.bot.store, { reference: `SM-D${i}`, mediator: i < 5 ? PG.maya : PG.tom, parties: [[PG.sam, 'parent_carer']], createdAt: new Date(NOW.getTime() - i * 3_600_000), dates: { laInformed: '2026-12-01', meetingDate: '2026-12-21' } });
    }
    for (let i = 0; i < 2; i++) {
      await storeCase(t.bot.store, { reference: `SM-N${i}`, mediator: PG.maya, createdAt: new Date('2026-11-20T10:00:00Z'), dates: { laInformed: '2026-11-02', meetingDate: '2026-11-30' } });
    }
    // Another tenant's cases in the same store, one of them mediated by Maya: never counted here.
    for (let i = 0; i < 3; i++) {
      await storeCase(t.bot.store, { reference: `OT-${i}`, mediator: PG.maya, createdAt: NOW, providerKey: `${OTHER_TENANT}|19:other@thread.tacv2` });
    }
  });
  afterAll(async () => {
    await t.stop();
    await jwks.close();
  });

  it('shows a mediator the service of their tenant, and only of their tenant', async () => {
    const res = await get(t, '/tab/api/service?period=month&from=2026-12-01', as(PG.tom));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = JSON.parse(res.text) as ServiceAnswer;
    expect(body.periodLabel).toBe('December 2026');
    expect(body.query).toEqual({ period: 'month', from: '2026-12-01', to: '2026-12-31' });
    expect(referrals(body, '2026-12')).toBe(7);
    expect(body.caseCount).toBe(9); // seven referrals and the two November cases whose 30 days end in December
    expect(res.text).not.toContain('OT-');
    expect(body.csvUrl).toBe('/tab/api/service.csv?period=month&from=2026-12-01');
    expect(body.charts.map((c) => c.id)).toEqual(['timeliness', 'la_actions', 'results', 'flow', 'lead_time', 'experience']);
    // The November cases' limit (2 Dec) has passed with no meeting: late, listed with how late.
    expect(body.late.map((l) => [l.caseReference, l.lateText])).toEqual([
      ['SM-N0', 'not held, 1 day past the limit'],
      ['SM-N1', 'not held, 1 day past the limit'],
    ]);
    expect(body.late[0]?.link).toMatch(new RegExp(`^https://teams\\.microsoft\\.com/l/entity/${APP_ID}/`));
  });

  it("counts the feedback given in the caller's tenant, never another provider's", async () => {
    const answer = (tenantId: string, role: string, fairness: number) => ({ tenantId, caseType: 'M-CONTENT', role, fairness, clarity: 4, wouldUseAgain: true, givenOn: '2026-12-02' });
    for (const [i, role] of ['parent_carer', 'parent_carer', 'la_officer'].entries()) {
      await t.bot.store.followUp.giveFeedback(`fb-case-${i}`, `fb-person-${i}`, answer(TENANT, role, 4), `fb-answer-${i}`);
    }
    await t.bot.store.followUp.giveFeedback('fb-case-other', 'fb-person-other', answer(OTHER_TENANT, 'parent_carer', 1), 'fb-answer-other');
    const body = JSON.parse((await get(t, '/tab/api/service?period=month&from=2026-12-01', as(PG.tom))).text) as ServiceAnswer;
    const experience = body.charts.find((c) => c.id === 'experience')!;
    const answers = experience.columns.indexOf('Answers');
    const total = experience.rows.reduce((n, r) => n + (r.cells[answers]?.value ?? 0), 0);
    expect(total).toBe(3);
    expect(experience.rows.every((r) => r.cells[0]?.value === null || r.cells[0]?.value === 4)).toBe(true);
  });

  it('shows a provider admin the view without a case of their own', async () => {
    const res = await get(t, '/tab/api/service?period=quarter&from=2026-11-15', as(ADMIN));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as ServiceAnswer;
    expect(body.periodLabel).toBe('Q4 2026 (Oct-Dec)');
    expect(body.charts.find((c) => c.id === 'flow')?.rows.map((r) => r.cells[0]?.value)).toEqual([0, 2, 7]);
  });

  it('says who may open the view without building it or reading a case', async () => {
    const view = JSON.parse((await get(t, '/tab/api/service?period=month&from=2026-12-01', as(PG.maya))).text) as ServiceAnswer;
    const lateCase = view.late[0]!.caseId;
    const logged = async () => (await t.bot.store.auditLog.listForCase(lateCase)).length;
    const before = await logged();
    const access = async (who: Person) => JSON.parse((await get(t, '/tab/api/service/access', as(who))).text) as unknown;
    expect(await access(PG.maya)).toEqual({ allowed: true });
    expect(await access(ADMIN)).toEqual({ allowed: true });
    expect(await access(PG.sam)).toEqual({ allowed: false });
    expect((await get(t, '/tab/api/service/access')).status).toBe(401);
    // The full view logs a read of each late case it lists; asking for access logs none.
    expect(await logged()).toBe(before);
  });

  it('refuses a party, and anyone else, with 403 and nothing about the service', async () => {
    for (const who of [PG.sam, PG.priya, PG.jordan]) {
      for (const path of ['/tab/api/service', '/tab/api/service/cases?figure=flow.referrals.2026-12', '/tab/api/service.csv']) {
        const res = await get(t, path, as(who));
        expect({ who: who.name, path, status: res.status, body: res.text }).toEqual({ who: who.name, path, status: 403, body: JSON.stringify({ error: 'The service view is not available to you.' }) });
      }
    }
    expect((await get(t, '/tab/api/service')).status).toBe(401);
  });

  it('answers a bad query with 400 and a sentence saying what to fix', async () => {
    const cases: [string, string][] = [
      ['period=week', 'period must be month, quarter, year or custom.'],
      ['period=month&from=2026-13-01', 'from must be a date written YYYY-MM-DD.'],
      ['period=custom&from=2026-01-01', 'A custom period needs both from and to.'],
      ['period=custom&from=2026-06-01&to=2026-01-01', 'to must not be before from.'],
      ['period=custom&from=2020-01-01&to=2026-01-01', 'A custom period can be at most three years long.'],
      ['period=month&to=2026-01-01', 'to does not end the month that from is in; a month is chosen by any date in it (from).'],
      ['caseType=X-NOPE', 'caseType is not a known case type.'],
      ['period=month&period=year', 'Give period once.'],
    ];
    for (const [query, error] of cases) {
      const res = await get(t, `/tab/api/service?${query}`, as(PG.maya));
      expect({ query, status: res.status, body: JSON.parse(res.text) as unknown }).toEqual({ query, status: 400, body: { error } });
    }
    const noFigure = await get(t, '/tab/api/service/cases?period=month&from=2026-12-01&figure=not.a.figure', as(PG.maya));
    expect(noFigure.status).toBe(400);
    expect(JSON.parse(noFigure.text)).toEqual({ error: 'Say which figure: figure must be one of the keys the service view gave.' });
  });

  it('filters by local authority, case type and mediator', async () => {
    const body = async (q: string) => JSON.parse((await get(t, `/tab/api/service?period=month&from=2026-12-01&${q}`, as(PG.maya))).text) as ServiceAnswer;
    expect(referrals(await body(`mediatorId=${PG.tom.aadObjectId}`), '2026-12')).toBe(2);
    expect(referrals(await body('caseType=M-ASSESS'), '2026-12')).toBe(0);
    expect(referrals(await body('localAuthority=Northshire%20County%20Council'), '2026-12')).toBe(7);
    expect((await body('')).options.mediators.map((m) => m.name)).toEqual([PG.maya.name, PG.tom.name]);
  });

  it('lists the cases behind a figure, logging each as listed', async () => {
    const res = await get(t, '/tab/api/service/cases?period=month&from=2026-12-01&figure=flow.referrals.2026-12', as(PG.maya));
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as ServiceCasesAnswer;
    expect(body.title).toBe('Referrals: Dec 2026, December 2026');
    expect(body.cases.map((c) => c.caseReference)).toEqual(['SM-D0', 'SM-D1', 'SM-D2', 'SM-D3', 'SM-D4', 'SM-D5', 'SM-D6']);
    const entries = await t.bot.store.auditLog.listForCase(body.cases[6]!.caseId);
    expect(entries.filter((e) => e.action === 'cases.listed' && e.by === PG.maya.aadObjectId)).toHaveLength(1);
  });

  it('downloads the whole view as CSV with counts under 5 hidden', async () => {
    const res = await get(t, '/tab/api/service.csv?period=quarter&from=2026-12-01', as(PG.maya));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="service-view-2026-10-01-to-2026-12-31.csv"');
    const lines = res.text.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Service view,Q4 2026 (Oct-Dec)');
    expect(lines).toContain('"Referrals, meetings and certificates per month",Dec 2026,Referrals,5');
    expect(lines).toContain('"Referrals, meetings and certificates per month",Nov 2026,Referrals,fewer than 5');
    expect(lines).toContain('"Referrals, meetings and certificates per month",Oct 2026,Referrals,0');
    // Two cases late for the 30 days: the count, and the share worked out from it, are hidden.
    expect(lines).toContain('Timeliness against the limits,Mediation held within 30 days of the LA being told,Late,fewer than 5');
    expect(lines).toContain('Timeliness against the limits,Mediation held within 30 days of the LA being told,Share on time,not shown (fewer than 5 cases)');
    expect(res.text).not.toMatch(/SM-|OT-/);
  });
});

describe('service view API in local mode (playground users, this computer only)', () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot({}, { now: () => NOW });
    await storeCase(t.bot.store, { reference: 'LM-1', mediator: PG.maya, parties: [[PG.sam, 'parent_carer']], createdAt: NOW, dates: { laInformed: '2026-12-01', meetingDate: '2026-12-21' } });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('shows a mediator every case of the local store and refuses a party', async () => {
    const maya = await get(t, '/tab/api/service', { 'x-dashboard-user': PG.maya.aadObjectId });
    expect(maya.status).toBe(200);
    const body = JSON.parse(maya.text) as ServiceAnswer;
    expect(body.charts.find((c) => c.id === 'flow')?.rows.find((r) => r.id === '2026-12')?.cells[0]?.value).toBe(1);
    expect((await get(t, '/tab/api/service', { 'x-dashboard-user': PG.sam.aadObjectId })).status).toBe(403);
  });
});
