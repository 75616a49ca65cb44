import { activity, startTestBot, USERS, type TestBot } from '../helpers/testBot';

/** `feedback` (provider admins): counts and averages, never what one person answered. */
describe('the feedback command', () => {
  let t: TestBot;
  const admin = USERS.mediator;
  const answer = (fairness: number) => ({ tenantId: 'tenant-1', caseType: 'M-CONTENT', role: 'parent_carer', fairness, clarity: 4, wouldUseAgain: true, givenOn: '2026-12-02' });
  const summary = async (): Promise<string> => {
    t.connector.reset();
    await t.post(activity('personal', { text: 'feedback 2026-12-01 2026-12-31' }, admin));
    await t.connector.waitFor(() => t.connector.delivered().length > 0);
    return JSON.stringify(t.connector.delivered());
  };

  beforeAll(async () => {
    t = await startTestBot({ ADMIN_ALLOWLIST: admin.aadObjectId }, { now: () => new Date('2026-12-03T10:00:00Z') });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('shows only the count while fewer than 5 answers could give one away, then the averages', async () => {
    await t.bot.store.followUp.giveFeedback('case-fb-1', 'person-1', answer(1), 'answer-fb-0001');
    const one = await summary();
    expect(one).toContain('not shown (fewer than 5 answers)');
    expect(one).not.toContain('1.0');
    for (let i = 2; i <= 5; i++) await t.bot.store.followUp.giveFeedback(`case-fb-${i}`, `person-${i}`, answer(5), `answer-fb-000${i}`);
    const five = await summary();
    expect(five).not.toContain('fewer than 5 answers');
    expect(five).toContain('4.2');
  });

  it('gives the usage, not an error, for dates it cannot read, and refuses a non-admin', async () => {
    t.connector.reset();
    await t.post(activity('personal', { text: 'feedback 2026-02-30 2026-12-31' }, admin));
    await t.connector.waitFor(() => t.connector.delivered().length > 0);
    expect(JSON.stringify(t.connector.delivered())).toContain('feedback 2026-01-01 2026-12-31');
    t.connector.reset();
    await t.post(activity('personal', { text: 'feedback' }, USERS.parent));
    await t.connector.waitFor(() => t.connector.delivered().length > 0);
    expect(JSON.stringify(t.connector.delivered())).toContain("only the provider's admins can see the feedback figures");
  });
});
