import fs from 'node:fs/promises';
import { startTestBot, type TestBot } from '../helpers/testBot';

let t: TestBot;
beforeAll(async () => {
  t = await startTestBot();
});
afterAll(async () => {
  await t.stop();
});

const raw = (path: string, init?: RequestInit) => fetch(`${t.bot.url}${path}`, init);

it('reports healthy while the store is reachable', async () => {
  const res = await raw('/healthz');
  expect(res.status).toBe(200);
  expect(await res.json()).toEqual({ status: 'ok', store: 'embedded' });
});

it('answers malformed JSON with 400 and keeps serving', async () => {
  const res = await raw('/api/messages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
  expect(res.status).toBe(400);
  expect((await raw('/healthz')).status).toBe(200);
});

it('answers a body that is not an activity with 400 naming the problem', async () => {
  const res = await raw('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'hi' }),
  });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: expect.stringMatching(/Not a valid activity/) });
});

it('refuses an oversized body with 413', async () => {
  const res = await raw('/api/messages', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'x'.repeat(t.config.maxBodyBytes) }),
  });
  expect(res.status).toBe(413);
});

it('answers unknown routes with 404', async () => {
  expect((await raw('/nothing-here')).status).toBe(404);
  expect((await raw('/api/messages')).status).toBe(405);
});

it('reports 503 when the store is unreachable', async () => {
  const other = await startTestBot();
  try {
    await fs.rm(other.config.dataDir, { recursive: true, force: true });
    const res = await fetch(`${other.bot.url}/healthz`);
    expect(res.status).toBe(503);
  } finally {
    await other.stop();
  }
});
