import { api, ApiError, serviceParams } from '../../tab/src/api';

/** The page's API client, with the network answering as each case needs. */
function answer(respond: () => Promise<Response>): void {
  jest.spyOn(globalThis, 'fetch').mockImplementation(respond);
}

afterEach(() => {
  jest.restoreAllMocks();
});

const local = { kind: 'local', userId: 'u1' } as const;

async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('the dashboard page reading the API', () => {
  it("passes on the server's own message for a refusal", async () => {
    answer(async () => new Response(JSON.stringify({ error: 'You are not part of this case, or it does not exist.' }), { status: 403 }));
    const e = await failure(api.case(local, 'c1'));
    expect(e.status).toBe(403);
    expect(e.message).toBe('You are not part of this case, or it does not exist.');
  });

  it('says the bot could not be reached when there is no answer at all', async () => {
    answer(async () => {
      throw new TypeError('fetch failed');
    });
    const e = await failure(api.cases(local));
    expect(e.message).toMatch(/could not reach the bot/);
  });

  it('refuses an answer that is not JSON (a proxy or sign-in page) rather than rendering it as data', async () => {
    answer(async () => new Response('<html>Sign in</html>', { status: 200, headers: { 'content-type': 'text/html' } }));
    const e = await failure(api.cases(local));
    expect(e.message).toMatch(/could not read/);
  });

  it('names the status when an error answer carries no message', async () => {
    answer(async () => new Response('Bad gateway', { status: 502 }));
    const e = await failure(api.cases(local));
    expect(e.message).toMatch(/answered 502/);
  });
});

describe('the service view reading the API', () => {
  const query = { period: 'quarter', from: '2026-10-01', to: '2026-12-31', localAuthority: 'Southby & District' } as const;

  it('sends the period and only the filters that are set, under the ServiceQuery names', () => {
    expect(serviceParams(query)).toBe('period=quarter&from=2026-10-01&to=2026-12-31&localAuthority=Southby+%26+District');
    expect(serviceParams({ ...query, localAuthority: undefined, mediatorId: 'm-1' })).toBe('period=quarter&from=2026-10-01&to=2026-12-31&mediatorId=m-1');
  });

  it("asks for a figure's cases with the same query", async () => {
    const urls: string[] = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
      urls.push(String(url));
      return new Response(JSON.stringify({ figure: 'f', title: 't', cases: [] }), { status: 200 });
    });
    await api.serviceCases(local, 'timeliness.mediation_30_days', query);
    expect(urls).toEqual(['/tab/api/service/cases?figure=timeliness.mediation_30_days&period=quarter&from=2026-10-01&to=2026-12-31&localAuthority=Southby+%26+District']);
  });

  it('downloads the CSV with the same bearer token as the JSON calls', async () => {
    const seen: Headers[] = [];
    jest.spyOn(globalThis, 'fetch').mockImplementation(async (_url, init) => {
      seen.push(new Headers(init?.headers));
      return new Response('chart,row\r\n', { status: 200, headers: { 'content-type': 'text/csv' } });
    });
    const blob = await api.download({ kind: 'token', token: async () => 'tok-1' }, '/tab/api/service.csv?period=month');
    expect(await blob.text()).toBe('chart,row\r\n');
    expect(seen[0]?.get('authorization')).toBe('Bearer tok-1');
  });

  it("passes on the server's refusal of a download", async () => {
    answer(async () => new Response(JSON.stringify({ error: 'The service view is for mediators.' }), { status: 403 }));
    const e = await failure(api.download(local, '/tab/api/service.csv'));
    expect(e.status).toBe(403);
    expect(e.message).toBe('The service view is for mediators.');
  });
});
