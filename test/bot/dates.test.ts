import { activity, startTestBot, USERS, type TestBot } from '../helpers/testBot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot({ EXTRA_NON_WORKING_DAYS: '2027-06-07' });
});
afterAll(async () => {
  await t.stop();
});
beforeEach(() => t.connector.reset());

const calculate = (data: Record<string, unknown>) =>
  t.post(
    activity('personal', {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'dates.calculate', data } },
    }, USERS.parent),
  );

const cardText = (body: unknown): string => JSON.stringify(body);

it('sends the dates card in a personal chat', async () => {
  await t.post(activity('personal', { text: 'dates' }, USERS.parent));
  const [msg] = t.connector.messages();
  const attachments = msg?.attachments as { contentType: string; content: unknown }[];
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(cardText(attachments[0]?.content)).toMatch(/Working days/);
});

it('works out E3 and explains the skipped days in the card that replaces the form', async () => {
  const res = await calculate({ rule: 'CERT_AFTER_MEDIATION', from: '2026-12-24' });
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; type: string; value: unknown };
  expect(body.statusCode).toBe(200);
  expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
  const text = cardText(body.value);
  expect(text).toContain('Thu 31 Dec 2026');
  expect(text).toMatch(/Christmas Day/);
  expect(text).toMatch(/Boxing Day/);
});

it('honours configured extra non-working days', async () => {
  // Fri 4 Jun 2027 + 1 working day skips the weekend and the configured Mon 7 Jun.
  const res = await calculate({ rule: 'CERT_AFTER_MEDIATION', from: '2027-06-04' });
  expect(cardText((res.body as { value: unknown }).value)).toContain('Thu 10 Jun 2027');
});

it.each([
  [{ rule: 'CERT_AFTER_MEDIATION', from: '2026-02-30' }, /2026-02-30/],
  [{ rule: 'NOT_A_RULE', from: '2026-12-24' }, /rule/i],
  [{ rule: 'APPEAL', from: '2026-01-05' }, /certificate/i],
  [{ from: 42 }, /./],
])('answers bad input %p with a clear message on the card, not an error', async (data, message) => {
  const res = await calculate(data);
  expect(res.status).toBe(200);
  const body = res.body as { statusCode: number; value: unknown };
  expect(body.statusCode).toBe(200);
  expect(cardText(body.value)).toMatch(message);
  expect(cardText(body.value)).not.toMatch(/TimescaleError|stack|at \w+ \(/);
});

it('refuses an unknown verb with a message', async () => {
  const res = await t.post(
    activity('personal', { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'nope', data: {} } } }),
  );
  expect(res.body).toMatchObject({ statusCode: 400, value: { message: expect.stringMatching(/not recognised.*ask for a new one/) } });
  expect(t.connector.calls).toEqual([]);
});
