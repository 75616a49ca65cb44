import type { ClaimsIdentity, ConnectorClient, ConnectorFactory, UserTokenClient } from 'botframework-connector';

/** Service URLs are regional and few; this only guards against an unbounded map. */
const MAX_CLIENTS = 64;

/** Promises by key; a creation that fails is forgotten so the next call tries again. */
class PromiseCache<T> {
  private readonly items = new Map<string, Promise<T>>();

  get(key: string, create: () => Promise<T>): Promise<T> {
    const cached = this.items.get(key);
    if (cached) return cached;
    if (this.items.size >= MAX_CLIENTS) this.items.delete(this.items.keys().next().value!);
    const created = create();
    this.items.set(key, created);
    created.catch(() => this.items.delete(key));
    return created;
  }
}

/**
 * botbuilder builds a new ConnectorClient and a new UserTokenClient, each a whole Azure HTTP
 * pipeline, for every turn and every proactive send: about a tenth of the product's CPU per
 * turn under load (scripts/bench). Neither holds per-turn state (their credentials cache and
 * refresh their own tokens), so they are reused: connector clients per service URL and
 * audience, token clients per app id the claims name. The adapter serves one bot.
 */
export class ConnectorClientCache {
  private readonly connectors = new PromiseCache<ConnectorClient>();
  private readonly tokenClients = new PromiseCache<UserTokenClient>();

  wrap(factory: ConnectorFactory): ConnectorFactory;
  wrap(factory: ConnectorFactory | undefined): ConnectorFactory | undefined;
  wrap(factory: ConnectorFactory | undefined): ConnectorFactory | undefined {
    if (!factory) return undefined;
    return {
      create: (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
        this.connectors.get(`${serviceUrl}\n${audience ?? ''}`, () => factory.create(serviceUrl, audience)),
    };
  }

  userTokenClient(identity: ClaimsIdentity, create: (identity: ClaimsIdentity) => Promise<UserTokenClient>): Promise<UserTokenClient> {
    const key = ['aud', 'appid', 'azp', 'ver'].map((c) => identity.getClaimValue(c) ?? '').join('\n');
    return this.tokenClients.get(key, () => create(identity));
  }
}
