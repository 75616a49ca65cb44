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
  const res = await fetch(url, { headers, credentials: 'omit', cache: 'no-store' });
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  if (!res.ok) throw new ApiError(res.status, body.error ?? `The server answered ${res.status}.`);
  return body as T;
}

export const api = {
  settings: () => getJson<TabSettings>('/tab/api/settings'),
  cases: (c: Credentials) => getJson<CaseListAnswer>('/tab/api/cases', c),
  case: (c: Credentials, caseId: string) => getJson<CaseDetail>(`/tab/api/cases/${encodeURIComponent(caseId)}`, c),
};
