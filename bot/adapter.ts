import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { TeamsCredentials } from './config';
import { ConnectorClientCache } from './connectorClientCache';

/** How long we wait for the signing keys before treating a token as unverifiable. */
const AUTH_TIMEOUT_MS = 8000;

export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

/**
 * CloudAdapter, with authentication split from processing so that the HTTP layer
 * decides the status codes: any failure to authenticate is a 401 (CloudAdapter's
 * own `process` turns a key-fetch failure into a 500 and echoes internals).
 */
export class MediationAdapter extends CloudAdapter {
  private readonly auth: ConfigurationBotFrameworkAuthentication;
  private readonly clients = new ConnectorClientCache();

  constructor(readonly credentials: TeamsCredentials | undefined) {
    const auth = new ConfigurationBotFrameworkAuthentication(
      credentials
        ? {
            MicrosoftAppId: credentials.appId,
            MicrosoftAppPassword: credentials.appPassword,
            MicrosoftAppTenantId: credentials.tenantId,
            MicrosoftAppType: credentials.appType,
          }
        : {},
    );
    super(auth);
    this.auth = auth;
    // Every turn and proactive send (continueConversationAsync) gets its clients from here.
    const createConnectorFactory = auth.createConnectorFactory.bind(auth);
    const createUserTokenClient = auth.createUserTokenClient.bind(auth);
    auth.createConnectorFactory = (identity) => this.clients.wrap(createConnectorFactory(identity));
    auth.createUserTokenClient = (identity) => this.clients.userTokenClient(identity, createUserTokenClient);
  }

  async authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    if (this.credentials && !/^Bearer\s+[\w-]+\.[\w-]+\.[\w-]+$/.test(authHeader)) {
      // Not even shaped like a JWT: refuse without touching the network.
      throw new UnauthorizedError('missing or malformed bearer token');
    }
    let timer: NodeJS.Timeout | undefined;
    try {
      const result = await Promise.race([
        this.auth.authenticateRequest(activity, authHeader),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new UnauthorizedError('token could not be verified in time')), AUTH_TIMEOUT_MS);
        }),
      ]);
      return { ...result, connectorFactory: this.clients.wrap(result.connectorFactory) };
    } catch (err) {
      throw err instanceof UnauthorizedError ? err : new UnauthorizedError((err as Error).message);
    } finally {
      clearTimeout(timer);
    }
  }

  run(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}
