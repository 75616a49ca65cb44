/**
 * `npx tsx scripts/bench/requestCpu.ts [requests]`: the product's CPU per request in one process,
 * without the HTTP bench's second process and echo bot, for comparing two versions of the code
 * (run it on each, under `flock /tmp/bench.lock`, alternately). Seeds the bench's cases
 * (seed.ts), starts the product on them (reminder scheduler off), and hands each activity
 * straight to the message endpoint: `terms agreed` clicks and LA preparation answers, after a
 * warm-up, three rounds each. Background work (the case-card updates) is waited for and counted.
 * CASE_CARD_WINDOW_SECONDS is passed on (0: every refresh edits the card at once, as before the window).
 * The fake connector runs in the same process, so its share is in every figure alike.
 * Each round also gives the time to answer (the endpoint's own, without HTTP): p50 and p90 of the
 * requests, while the background work of the ones before them runs beside them, as it does for
 * one person clicking or answering in turn. With
 * `NODE_OPTIONS=--require=./scripts/bench/noWalFsync.cjs` the store's fsync is left out, to show
 * its share of that time.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { startBot } from '../../bot/server';
import { readTerms } from '../../storage/termsFile';
import { FakeConnector } from '../../test/helpers/fakeConnector';
import { cardInvoke, personalActivity } from './people';
import { seedBenchCases } from './seed';
import { percentile } from './stats';

const LA_ANSWERS = ['Lee Officer', 'SEN case officer', 'yes', 'yes', 'none'] as const;
const ROUNDS = 3;

async function main(): Promise<void> {
  const requests = Number(process.argv[2] ?? 1000);
  const connector = await FakeConnector.start();
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-request-cpu-'));
  try {
    const termsVersion = (await readTerms()).version;
    const perScenario = requests * ROUNDS + 400;
    const pools = await seedBenchCases(dir, connector.url, { termsCases: Math.ceil(perScenario / 2), prepCases: Math.ceil(perScenario / LA_ANSWERS.length) + 2 });
    const bot = await startBot(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, LOG_LEVEL: 'silent', REMINDER_POLL_SECONDS: '0', CASE_CARD_WINDOW_SECONDS: process.env.CASE_CARD_WINDOW_SECONDS }), { log: createLogger('silent') });
    try {
      let answerMs: number[] = [];
      const handle = async (activity: Record<string, unknown>): Promise<void> => {
        const body = JSON.parse(JSON.stringify(activity)) as unknown;
        const started = performance.now();
        const r = await bot.app.endpoint.handle(body, '');
        answerMs.push(performance.now() - started);
        if (r.status !== 200) throw new Error(`status ${r.status}: ${JSON.stringify(r.body)}`);
      };
      for (const o of pools.officers) await handle(personalActivity(o, connector.url, { text: 'prep' }));
      let t = 0;
      let o = 0;
      const terms = async (): Promise<void> => {
        const u = pools.terms[t++]!;
        await handle(cardInvoke(u.who, connector.url, 'terms.agree', { caseId: u.caseId, partyId: u.partyId, termsVersion, ...(u.role === 'la_officer' ? { authority: 'full' } : {}) }, 'terms-card'));
      };
      const answers = async (): Promise<void> => {
        const officer = pools.officers[o++]!;
        for (const text of LA_ANSWERS) await handle(personalActivity(officer, connector.url, { text }));
      };
      const measure = async (label: string, units: number, perUnit: number, unit: () => Promise<void>): Promise<void> => {
        const before = process.cpuUsage();
        answerMs = [];
        for (let i = 0; i < units; i++) await unit();
        await bot.app.deps.background.idle();
        const used = process.cpuUsage(before);
        const ms = (us: number) => (us / 1000 / (units * perUnit)).toFixed(2);
        const answered = answerMs.sort((a, b) => a - b);
        const time = (p: number) => percentile(answered, p).toFixed(2);
        console.log(`${label}: ${ms(used.user + used.system)} ms CPU per request (user ${ms(used.user)}, system ${ms(used.system)}); answered in p50 ${time(50)} ms, p90 ${time(90)} ms`);
      };
      for (let i = 0; i < 200; i++) await terms();
      for (let i = 0; i < 40; i++) await answers();
      await bot.app.deps.background.idle();
      for (let round = 1; round <= ROUNDS; round++) {
        await measure(`round ${round}, terms agreed`, requests, 1, terms);
        await measure(`round ${round}, LA preparation answer`, Math.ceil(requests / LA_ANSWERS.length), LA_ANSWERS.length, answers);
      }
    } finally {
      await bot.close();
    }
  } finally {
    await connector.stop();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
