/**
 * Who is asking the dashboard API. In Teams: the SSO token, checked on every request. In local
 * mode (no Teams credentials: `npm start` with the playground): a mock user named in a header,
 * accepted only from this machine. With credentials configured that header means nothing.
 */
import type { AppConfig } from '../config';
import type { LocalUser } from './localUsers';
import { verifySsoToken, type SigningKeys } from './ssoToken';

export const LOCAL_USER_HEADER = 'x-dashboard-user';

export interface Caller {
  readonly aadObjectId: string;
  readonly displayName?: string;
  /** From the verified token (`tid`); absent for the local mock users, who exist only on this computer. */
  readonly tenantId?: string;
}

export type IdentityResult = { readonly ok: true; readonly caller: Caller } | { readonly ok: false; readonly status: 401 | 403; readonly message: string };

export interface RequestFacts {
  readonly authorization?: string;
  readonly localUser?: string;
  readonly remoteAddress?: string;
  /** The Host header: a page on another site that resolves its name to 127.0.0.1 must not get in (DNS rebinding). */
  readonly host?: string;
}

export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const a = address.toLowerCase();
  return a === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a) || /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(a);
}

export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, '');
  return name === 'localhost' || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

/** Local mode exists only without Teams credentials. */
export function isLocalMode(config: AppConfig): boolean {
  return !config.hasTeamsCredentials;
}

/** The `aud` values an SSO token for this bot may carry. */
export function ssoAudiences(config: AppConfig): string[] {
  const appId = config.tabSsoAppId;
  if (!appId) return [];
  const out = [appId, `api://${appId}`, `api://botid-${appId}`];
  if (config.publicBaseUrl) {
    const host = new URL(config.publicBaseUrl).host;
    out.push(`api://${host}/${appId}`, `api://${host}/botid-${appId}`);
  }
  return out;
}

export interface IdentityDeps {
  readonly config: AppConfig;
  readonly keys: SigningKeys;
  readonly localUsers: () => readonly LocalUser[];
  readonly now: () => Date;
}

const UNAUTHENTICATED = 'Sign-in needed: open the dashboard from Teams.';

export async function identify(req: RequestFacts, deps: IdentityDeps): Promise<IdentityResult> {
  const { config } = deps;
  if (isLocalMode(config)) {
    if (!isLoopbackAddress(req.remoteAddress) || !isLoopbackHost(req.host)) {
      return { ok: false, status: 403, message: 'The local dashboard answers on this computer only.' };
    }
    const id = req.localUser?.trim().toLowerCase();
    if (!id) return { ok: false, status: 401, message: 'Pick a playground user first.' };
    const user = deps.localUsers().find((u) => u.aadObjectId.toLowerCase() === id);
    if (!user) return { ok: false, status: 401, message: 'That is not one of the playground users.' };
    return { ok: true, caller: { aadObjectId: user.aadObjectId, displayName: user.name } };
  }

  const credentials = config.credentials;
  const match = /^Bearer\s+(\S+)$/i.exec(req.authorization?.trim() ?? '');
  if (!credentials || !match?.[1]) return { ok: false, status: 401, message: UNAUTHENTICATED };
  const result = await verifySsoToken(match[1], { tenantId: credentials.tenantId, audiences: ssoAudiences(config), keys: deps.keys, now: deps.now });
  if (!result.ok) return { ok: false, status: 401, message: UNAUTHENTICATED };
  return { ok: true, caller: { aadObjectId: result.identity.oid, tenantId: result.identity.tid, ...(result.identity.name ? { displayName: result.identity.name } : {}) } };
}
