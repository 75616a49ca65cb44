import type { BotDeps } from '../deps';

/** The printable page of a certificate: unguessable (its token), served by this bot. */
export function certificateUrl(deps: Pick<BotDeps, 'publicBaseUrl'>, token: string): string {
  return `${deps.publicBaseUrl()}/certificates/${encodeURIComponent(token)}`;
}
