import { api, ApiError } from '../../tab/src/api';

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
