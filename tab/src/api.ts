import type { CaseDetail, CaseListAnswer, TabSettings } from '../../domain/dashboard/types';

/** How the page proves who it is: the SSO token in Teams, the picked mock user locally. */
export type Credentials = { readonly kind: 'token'; readonly token: () => Promise<string> } | { readonly kind: 'local'; readonly userId: string };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, credentials?: Credentials): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credentials?.kind === 'token') {
    let token: string;
    try {
      token = await credentials.token();
    } catch (err) {
      // Usually consent not yet given, or the app registration not set up for SSO (docs/tab.md).
      throw new ApiError(401, `Teams could not sign you in to the dashboard (${err instanceof Error ? err.message : 'no reason given'}). Reload the tab to try again.`);
    }
    headers.authorization = `Bearer ${token}`;
  }
  if (credentials?.kind === 'local') headers['x-dashboard-user'] = credentials.userId;
  // A variable, not a literal: Node's RequestInit (the tests' type-check) has no `cache`.
  const init = { headers, credentials: 'omit', cache: 'no-store' } as const;
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch {
    // No answer at all: the bot is down, or the network is.
    throw new ApiError(0, 'The dashboard could not reach the bot. Check your connection and try again in a moment.');
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
    throw new ApiError(res.status, typeof error === 'string' ? error : `The server answered ${res.status}. Try again in a moment.`);
  }
  // A proxy's or a sign-in page's HTML instead of our JSON must not reach the page as data.
  if (typeof body !== 'object' || body === null) throw new ApiError(res.status, 'The dashboard got an answer it could not read. Try again in a moment.');
  return body as T;
}

export const api = {
  settings: () => getJson<TabSettings>('/tab/api/settings'),
  cases: (c: Credentials) => getJson<CaseListAnswer>('/tab/api/cases', c),
  case: (c: Credentials, caseId: string) => getJson<CaseDetail>(`/tab/api/cases/${encodeURIComponent(caseId)}`, c),
};
