import type { CaseDetail, CaseListAnswer, TabSettings } from '../../domain/dashboard/types';
import type { ServiceAccessAnswer, ServiceAnswer, ServiceCasesAnswer, ServiceQuery } from '../../domain/service/types';

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

/** Every API call carries the caller's proof: the SSO bearer token in Teams, the mock user locally. */
async function send(url: string, credentials: Credentials | undefined, accept: string): Promise<Response> {
  const headers: Record<string, string> = { accept };
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
  try {
    return await fetch(url, init);
  } catch {
    // No answer at all: the bot is down, or the network is.
    throw new ApiError(0, 'The dashboard could not reach the bot. Check your connection and try again in a moment.');
  }
}

async function refusal(res: Response): Promise<ApiError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return new ApiError(res.status, typeof error === 'string' ? error : `The server answered ${res.status}. Try again in a moment.`);
}

async function getJson<T>(url: string, credentials?: Credentials): Promise<T> {
  const res = await send(url, credentials, 'application/json');
  if (!res.ok) throw await refusal(res);
  const body: unknown = await res.json().catch(() => undefined);
  // A proxy's or a sign-in page's HTML instead of our JSON must not reach the page as data.
  if (typeof body !== 'object' || body === null) throw new ApiError(res.status, 'The dashboard got an answer it could not read. Try again in a moment.');
  return body as T;
}

/** A download with the same credentials as the JSON calls: a plain link could not carry the bearer token. */
async function getBlob(url: string, credentials: Credentials): Promise<Blob> {
  const res = await send(url, credentials, 'text/csv, */*');
  if (!res.ok) throw await refusal(res);
  return res.blob();
}

/** The query string of a service query: the ServiceQuery field names, empty filters left out. */
export function serviceParams(q: ServiceQuery): string {
  const p = new URLSearchParams({ period: q.period, from: q.from, to: q.to });
  if (q.localAuthority) p.set('localAuthority', q.localAuthority);
  if (q.caseType) p.set('caseType', q.caseType);
  if (q.mediatorId) p.set('mediatorId', q.mediatorId);
  return p.toString();
}

export const api = {
  settings: () => getJson<TabSettings>('/tab/api/settings'),
  cases: (c: Credentials) => getJson<CaseListAnswer>('/tab/api/cases', c),
  case: (c: Credentials, caseId: string) => getJson<CaseDetail>(`/tab/api/cases/${encodeURIComponent(caseId)}`, c),
  /** Without a query the server answers its default period (the current month). */
  serviceAccess: (c: Credentials) => getJson<ServiceAccessAnswer>('/tab/api/service/access', c),
  service: (c: Credentials, q?: ServiceQuery) => getJson<ServiceAnswer>(q ? `/tab/api/service?${serviceParams(q)}` : '/tab/api/service', c),
  serviceCases: (c: Credentials, figure: string, q: ServiceQuery) =>
    getJson<ServiceCasesAnswer>(`/tab/api/service/cases?${new URLSearchParams({ figure }).toString()}&${serviceParams(q)}`, c),
  download: (c: Credentials, url: string) => getBlob(url, c),
};
