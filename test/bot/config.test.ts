import { ConfigError, loadConfig } from '../../bot/config';

describe('loadConfig', () => {
  it('defaults to local development on port 3978 with the embedded store under ./data', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3978);
    expect(c.dataDir).toMatch(/data$/);
    expect(c.mongoUri).toBeUndefined();
    expect(c.hasTeamsCredentials).toBe(false);
  });

  it("holds others' case-card edits for a one-second window unless told otherwise", () => {
    expect(loadConfig({}).caseCardWindowMs).toBe(1000);
    expect(loadConfig({ CASE_CARD_WINDOW_SECONDS: '0' }).caseCardWindowMs).toBe(0);
    expect(loadConfig({ CASE_CARD_WINDOW_SECONDS: '0.25' }).caseCardWindowMs).toBe(250);
    expect(() => loadConfig({ CASE_CARD_WINDOW_SECONDS: '-1' })).toThrow(/CASE_CARD_WINDOW_SECONDS/);
  });

  it('accepts a complete set of credentials', () => {
    const c = loadConfig({
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'x',
      MicrosoftAppTenantId: '66666666-7777-4888-9999-000000000000',
      MicrosoftAppType: 'SingleTenant',
      NODE_ENV: 'production',
    });
    expect(c.hasTeamsCredentials).toBe(true);
  });

  it.each([
    [{ MONGODB_URI: 'http://db' }, /MONGODB_URI: must start with mongodb/],
    [{ MicrosoftAppId: 'abc' }, /MicrosoftAppId: must be a GUID/],
    [{ EXTRA_NON_WORKING_DAYS: '2027-13-01x' }, /EXTRA_NON_WORKING_DAYS/],
    [{ MicrosoftAppType: 'MultiTenant' }, /MicrosoftAppType: must be SingleTenant/],
  ])('rejects %p with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('treats blank values as unset', () => {
    expect(loadConfig({ MicrosoftAppId: '', PORT: '' }).port).toBe(3978);
  });
});
