/** The dashboard's settings: the playground users of local mode, and its configuration keys. */
import { ConfigError, loadConfig } from '../../bot/config';
import { isLoopbackAddress, isLoopbackHost, ssoAudiences } from '../../bot/tab/identity';
import { loadPlaygroundUsers, parsePlaygroundUsers } from '../../bot/tab/localUsers';
import { APP_ID, PG, TENANT } from './tabFixtures';

const CREDS = { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'x', MicrosoftAppTenantId: TENANT, MicrosoftAppType: 'SingleTenant' };

describe('local mode identities', () => {
  it("reads the playground's current user and its five users", () => {
    const users = loadPlaygroundUsers();
    expect(users).toHaveLength(6);
    expect(users).toEqual(expect.arrayContaining([PG.maya, PG.sam, PG.priya]));
  });

  it('skips an entry without a valid object id', () => {
    const yaml = ['currentUser:', '  name: A', '  aadObjectId: nope', 'users:', '  - name: "B"', '    aadObjectId: 5e4d0000-0000-4000-e000-000000000009', 'bot:', '  name: X'].join('\n');
    expect(parsePlaygroundUsers(yaml)).toEqual([{ name: 'B', aadObjectId: '5e4d0000-0000-4000-e000-000000000009' }]);
  });

  it('knows loopback addresses and host names', () => {
    for (const a of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) expect(isLoopbackAddress(a)).toBe(true);
    for (const a of ['192.0.2.2', '::ffff:192.0.2.2', '', undefined, '1270.0.0.1']) expect(isLoopbackAddress(a)).toBe(false);
    for (const h of ['localhost', 'localhost:3978', '127.0.0.1:80', '[::1]:3978']) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ['evil.example', 'localhost.evil.example', '127.0.0.1.nip.io', undefined]) expect(isLoopbackHost(h)).toBe(false);
  });
});

describe('configuration', () => {
  it('takes the SSO app id from the bot credentials unless TAB_SSO_APP_ID says otherwise', () => {
    expect(loadConfig(CREDS).tabSsoAppId).toBe(APP_ID);
    const other = '22222222-2222-4333-8444-555555555555';
    expect(loadConfig({ ...CREDS, TAB_SSO_APP_ID: other }).tabSsoAppId).toBe(other);
    expect(loadConfig({}).tabSsoAppId).toBeUndefined();
  });

  it('accepts the app id and its api:// names as the token audience', () => {
    const config = loadConfig({ ...CREDS, PUBLIC_BASE_URL: 'https://bot.example.org' });
    expect(ssoAudiences(config)).toEqual(expect.arrayContaining([APP_ID, `api://bot.example.org/${APP_ID}`, `api://botid-${APP_ID}`]));
    expect(ssoAudiences(loadConfig({}))).toEqual([]);
  });

  it('wants the key set over https (plain http only on loopback)', () => {
    expect(loadConfig({}).tabJwksUrl).toBe('https://login.microsoftonline.com/common/discovery/v2.0/keys');
    expect(() => loadConfig({ TAB_SSO_JWKS_URL: 'http://keys.example.org/jwks' })).toThrow(ConfigError);
    expect(() => loadConfig({ TAB_SSO_JWKS_URL: 'http://127.0.0.1.evil.example/jwks' })).toThrow(/TAB_SSO_JWKS_URL/);
    expect(loadConfig({ TAB_SSO_JWKS_URL: 'http://127.0.0.1:9999/keys' }).tabJwksUrl).toBe('http://127.0.0.1:9999/keys');
  });
});
