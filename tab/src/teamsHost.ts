/**
 * The Teams side of the page: initialise teams-js (raced against a short timeout, so the page
 * also opens in a plain browser), read theme, locale and the case to open from the context, and
 * get the SSO token for the API.
 */
// Loaded only inside a frame: on import teams-js fetches its list of Teams origins from a CDN,
// which a standalone page (local mode) has no reason to contact.
type TeamsJs = typeof import('@microsoft/teams-js');
let teams: TeamsJs | undefined;

export interface HostInfo {
  readonly inTeams: boolean;
  readonly theme: 'default' | 'dark' | 'contrast';
  readonly locale: string;
  /** The case a deep link asked for (context page.subPageId). */
  readonly subPageId?: string;
  /** The tab's entity id: "mycases" for the personal tab. */
  readonly entityId?: string;
}

const INIT_TIMEOUT_MS = 1500;

function themeOf(value: string | undefined): HostInfo['theme'] {
  return value === 'dark' || value === 'contrast' ? value : 'default';
}

/** app.initialize() waits about a minute outside Teams before failing: give up sooner. */
export async function initializeWithin(app: { initialize(): Promise<void> }, ms: number = INIT_TIMEOUT_MS): Promise<void> {
  let timer: number | undefined;
  await Promise.race([
    app.initialize(),
    new Promise<never>((_, reject) => {
      timer = window.setTimeout(() => reject(new Error('Teams did not answer')), ms);
    }),
  ]).finally(() => window.clearTimeout(timer));
}

export async function connectToHost(): Promise<HostInfo> {
  // A page that is not in a frame cannot be in Teams: skip the wait.
  if (window.parent === window) return { inTeams: false, theme: 'default', locale: navigator.language || 'en-GB' };
  try {
    teams = await import('@microsoft/teams-js');
    const { app } = teams;
    await initializeWithin(app);
    const context = await app.getContext();
    return {
      inTeams: true,
      theme: themeOf(context.app.theme),
      locale: context.app.locale || 'en-GB',
      ...(context.page.subPageId ? { subPageId: context.page.subPageId } : {}),
      ...(context.page.id ? { entityId: context.page.id } : {}),
    };
  } catch {
    return { inTeams: false, theme: 'default', locale: navigator.language || 'en-GB' };
  }
}

export function onThemeChange(handler: (theme: HostInfo['theme']) => void): void {
  teams?.app.registerOnThemeChangeHandler((theme) => handler(themeOf(theme)));
}

export function ssoToken(): Promise<string> {
  if (!teams) return Promise.reject(new Error('not in Teams'));
  return teams.authentication.getAuthToken();
}

/** Deep links must go through Teams to open inside it; elsewhere a new browser tab. */
export function openInHost(url: string, inTeams: boolean): void {
  if (inTeams && teams) void teams.app.openLink(url);
  else window.open(url, '_blank', 'noopener,noreferrer');
}
