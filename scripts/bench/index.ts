/**
 * `npx tsx scripts/bench/index.ts [--quick] [--out <file>]` (npm run bench): HTTP throughput and
 * latency of the product against a minimal echo bot on the same botbuilder and restify, its
 * start-up time and its resident memory with 10,000 cases stored, and the service view's answer
 * time over those 10,000 cases (serviceView.ts). Prints plain tables and
 * writes the figures as JSON (test-output/bench.json unless --out says otherwise).
 *
 * The bots (the product, the echo bot and, for the dialog step, a multi-turn baseline) are
 * compiled first (tsc -p tsconfig.build.json) and run as production runs them (`node dist/…js`),
 * each replying to one loopback fake Bot Connector in this process (test/helpers/fakeConnector.ts);
 * this process also drives them, so on a 2-core machine the figures include the driver's share of
 * the CPU. Each measurement runs in interleaved rounds (echo, product, echo, product, …; the
 * baseline between them) so that a change in the machine's load hits every bot alike; ratios are
 * given per round (median and range) beside the pooled latencies.
 *
 * Options: --quick (fewer requests, 2,000 cases for the memory figure), --out <file>,
 * --only help|terms|dialog|startup|service (one part), --levels 1,50 (concurrency levels),
 * --cpu-prof <dir> (profile the product under load).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { openStore } from '../../storage/appStore';
import { readTerms } from '../../storage/termsFile';
import { FakeConnector } from '../../test/helpers/fakeConnector';
import { runLoad, type LoadResult, type Unit } from './load';
import { KIND, cardInvoke, person, personalActivity } from './people';
import { buildBot } from '../build-bot';
import { ROOT, describeHeap, productionNodeFlags, spawnServer, type Child, type HeapReport } from './processes';
import { seedBenchCases, seedRealisticStore, type BenchPools } from './seed';
import { serviceViewPhase } from './serviceView';
import { median, summarise } from './stats';

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const OUT = args.includes('--out') ? args[args.indexOf('--out') + 1]! : path.join(ROOT, 'test-output', 'bench.json');
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1]! : 'all';
/** Writes a V8 CPU profile of the product's load run into this folder (see profileSummary.ts). */
const CPU_PROF = args.includes('--cpu-prof') ? path.resolve(args[args.indexOf('--cpu-prof') + 1]!) : undefined;
const LEVELS: readonly number[] = args.includes('--levels') ? args[args.indexOf('--levels') + 1]!.split(',').map(Number) : [1, 10, 50];
/** Requests per (scenario, concurrency, bot), and warm-up requests per (scenario, bot). */
const REQUESTS = QUICK ? 150 : 1000;
const WARM_UP = QUICK ? 50 : 200;
const MEMORY_CASES = QUICK ? 2000 : 10_000;
/** The LA officer's first five answers: each saves one answer and asks the next question. */
const LA_ANSWERS = ['Lee Officer', 'SEN case officer', 'yes', 'yes', 'none'] as const;
/** Interleaved rounds per measurement: echo, product, echo, product, … */
const ROUNDS = QUICK ? 2 : 4;
const PRODUCT_ENTRY = 'dist/bot/index.js';
/** The product runs with production's node flags (package.json's serve script). */
const PRODUCT_FLAGS = productionNodeFlags();
const ECHO_ENTRY = 'dist/scripts/bench/echoBot.js';
/** The dialog step's second baseline: a multi-turn bot that keeps its dialog state (dialogBot.ts). */
const DIALOG_BASELINE_ENTRY = 'dist/scripts/bench/dialogBot.js';
/** The product's case-card coalescing window, as the spawned product reads it (its default unless set here). */
const CARD_WINDOW_MS = loadConfig({ CASE_CARD_WINDOW_SECONDS: process.env.CASE_CARD_WINDOW_SECONDS }).caseCardWindowMs;
const SCENARIOS = ['help', 'terms', 'dialog'] as const;
type Scenario = (typeof SCENARIOS)[number];
const SCENARIO_LABEL: Record<Scenario, string> = {
  help: 'message turn (help)',
  terms: 'card invoke (terms agreed)',
  dialog: 'dialog step (LA preparation answer)',
};

if (!['all', 'startup', 'service', ...SCENARIOS].includes(ONLY) || LEVELS.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`usage: npx tsx scripts/bench/index.ts [--quick] [--only ${SCENARIOS.join('|')}|startup|service] [--levels 1,10,50] [--out file] [--cpu-prof dir]`);
  process.exit(2);
}

const ok200 = (status: number): string | undefined => (status === 200 ? undefined : `status ${status}`);

interface Row {
  scenario: Scenario;
  concurrency: number;
  echo: LoadResult;
  product: LoadResult;
  /** CPU time each bot process used per request during its run (background work included). */
  echoCpuMsPerRequest: number;
  productCpuMsPerRequest: number;
  rpsRatio: number;
  /** Pooled over the rounds. */
  p50Ratio: number;
  p99Ratio: number;
  cpuRatio: number;
  /** Per interleaved round: [median, min, max] of product ÷ echo. */
  p50RatioRounds: [number, number, number];
  p99RatioRounds: [number, number, number];
  /** How long after the last response the product's background card edits were done (window included). */
  backgroundDrainMs?: number;
  /** Per round: the product's case-card edits, and the distinct cases the round touched. */
  productCardEdits?: number[];
  productCardCases?: number[];
  /** The dialog step only: the multi-turn baseline (dialogBot.ts), and the product against it. */
  dialogBaseline?: LoadResult;
  dialogBaselineCpuMsPerRequest?: number;
  vsDialogBaseline?: { p50Ratio: number; p99Ratio: number; cpuRatio: number; p50RatioRounds: [number, number, number]; p99RatioRounds: [number, number, number] };
}

type Target = 'echo' | 'dialogBaseline' | 'product';
/** In each round: the echo bot, for the dialog step the multi-turn baseline, then the product. */
const targetsFor = (scenario: Scenario): readonly Target[] => (scenario === 'dialog' ? ['echo', 'dialogBaseline', 'product'] : ['echo', 'product']);

/** Hands out each pool entry once, across warm-up and every concurrency level. */
class Pool<T> {
  private i = 0;
  constructor(private readonly items: readonly T[], private readonly name: string) {}
  take(n: number): T[] {
    if (this.i + n > this.items.length) throw new Error(`${this.name} pool exhausted`);
    const out = this.items.slice(this.i, this.i + n);
    this.i += n;
    return out;
  }
}

/** A round's requests, and how many distinct cases they touch (the product edits each one's card once, coalesced). */
interface RoundUnits {
  readonly units: Unit[];
  readonly cases: number;
}

function unitsFor(scenario: Scenario, requests: number, pools: { terms: Pool<BenchPools['terms'][number]>; officers: Pool<BenchPools['officers'][number]> }, serviceUrl: string, termsVersion: string, target: Target): RoundUnits {
  switch (scenario) {
    case 'help':
      // Each simulated conversation is one person's 1:1 chat.
      return {
        cases: 0,
        units: Array.from({ length: requests }, () => (worker: number) => [
          { activity: personalActivity(person(KIND.helpUser, worker), serviceUrl, { text: 'help' }), check: ok200 },
        ]),
      };
    case 'terms': {
      const clicks = pools.terms.take(requests);
      return { cases: new Set(clicks.map((t) => t.caseId)).size, units: clicks.map((t) => () => [
        {
          activity: cardInvoke(t.who, serviceUrl, 'terms.agree', { caseId: t.caseId, partyId: t.partyId, termsVersion, ...(t.role === 'la_officer' ? { authority: 'full' } : {}) }, 'terms-card'),
          check: (status, body) => ok200(status) ?? (target === 'echo' || /You agreed on/.test(body) ? undefined : `no agreement card: ${body.slice(0, 200)}`),
        },
      ]) };
    }
    case 'dialog': {
      // One case per LA officer: the five answers of a unit edit one case card.
      const officers = pools.officers.take(Math.ceil(requests / LA_ANSWERS.length));
      return { cases: officers.length, units: officers.map((officer) => () => LA_ANSWERS.map((text) => ({ activity: personalActivity(officer, serviceUrl, { text }), check: ok200 }))) };
    }
  }
}

const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '-');

function printTable(rows: readonly Row[]): void {
  const head = ['scenario', 'conc', 'bot', 'req', 'err', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'CPU ms/req', 'p50 × echo (rounds)', 'p99 × echo (rounds)', 'CPU × echo'];
  const lines: string[][] = [head];
  const rounds = (x: [number, number, number]) => `${fmt(x[0], 2)} (${fmt(x[1], 2)}-${fmt(x[2], 2)})`;
  for (const r of rows) {
    lines.push([SCENARIO_LABEL[r.scenario], String(r.concurrency), 'echo', String(r.echo.requests), String(r.echo.errors), fmt(r.echo.rps, 0), fmt(r.echo.p50, 2), fmt(r.echo.p95, 2), fmt(r.echo.p99, 2), fmt(r.echoCpuMsPerRequest, 2), '', '', '']);
    if (r.dialogBaseline && r.dialogBaselineCpuMsPerRequest !== undefined) {
      const d = r.dialogBaseline;
      lines.push(['', '', 'dialog baseline', String(d.requests), String(d.errors), fmt(d.rps, 0), fmt(d.p50, 2), fmt(d.p95, 2), fmt(d.p99, 2), fmt(r.dialogBaselineCpuMsPerRequest, 2), '', '', '']);
    }
    lines.push(['', '', 'product', String(r.product.requests), String(r.product.errors), fmt(r.product.rps, 0), fmt(r.product.p50, 2), fmt(r.product.p95, 2), fmt(r.product.p99, 2), fmt(r.productCpuMsPerRequest, 2), rounds(r.p50RatioRounds), rounds(r.p99RatioRounds), fmt(r.cpuRatio, 2)]);
  }
  const widths = head.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const l of lines) console.log(l.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  '));
  for (const r of rows) {
    const v = r.vsDialogBaseline;
    if (v) console.log(`${SCENARIO_LABEL[r.scenario]} c=${r.concurrency}, product × the multi-turn baseline: p50 ${rounds(v.p50RatioRounds)}, p99 ${rounds(v.p99RatioRounds)}, CPU ${fmt(v.cpuRatio, 2)}`);
  }
}

async function drainBackground(connector: FakeConnector, expectedPuts: number, timeoutMs = 60_000): Promise<number> {
  const started = Date.now();
  const puts = () => connector.calls.filter((c) => c.method === 'PUT').length;
  try {
    await connector.waitFor(() => puts() >= expectedPuts, timeoutMs);
  } catch {
    console.log(`  (only ${puts()} of ${expectedPuts} case-card updates arrived within ${timeoutMs} ms)`);
  }
  return Date.now() - started;
}

const casePuts = (connector: FakeConnector): number => connector.calls.filter((c) => c.method === 'PUT').length;

/**
 * The product's case-card edits after a round: they are coalesced per case (one edit a window
 * after the case's first change, CASE_CARD_WINDOW_SECONDS), so the round sends at least one per
 * case it touched, and a follow-up may trail an edit that was running when another change came
 * in. Waits for one per case, then until none has come for longer than the window, so that
 * their CPU is counted in the product's round and does not spill into the echo bot's next one.
 */
async function drainCardEdits(connector: FakeConnector, cases: number, timeoutMs = 60_000): Promise<{ ms: number; edits: number }> {
  const started = Date.now();
  try {
    await connector.waitFor(() => casePuts(connector) >= cases, timeoutMs);
  } catch {
    console.log(`  (only ${casePuts(connector)} case-card edits for ${cases} cases within ${timeoutMs} ms)`);
  }
  const quietMs = CARD_WINDOW_MS + 250;
  for (let seen = -1; seen !== casePuts(connector); ) {
    seen = casePuts(connector);
    await new Promise((r) => setTimeout(r, quietMs));
  }
  return { ms: Date.now() - started, edits: casePuts(connector) };
}

async function loadPhase(): Promise<{ rows: Row[]; productRssAfterKb: number; productRssAfterGcKb: number; productHeapAfterGc: HeapReport; setup: Record<string, number> }> {
  const connector = await FakeConnector.start();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-product-'));
  const termsVersion = (await readTerms()).version;
  const totalPerScenario = REQUESTS * LEVELS.length + WARM_UP;
  const t0 = Date.now();
  const seeded = await seedBenchCases(dataDir, connector.url, {
    termsCases: Math.ceil(totalPerScenario / 2),
    prepCases: Math.ceil(totalPerScenario / LA_ANSWERS.length) + LEVELS.length + 1,
  });
  const seedMs = Date.now() - t0;
  console.log(`seeded ${seeded.terms.length / 2 + seeded.officers.length} cases in ${(seedMs / 1000).toFixed(1)} s`);

  const echo = await spawnServer('echo bot', ECHO_ENTRY, {});
  const baselineDir = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-dialog-baseline-'));
  // Production's node flags, as the product's: the two keep dialog state alike.
  const dialogBaseline = await spawnServer('dialog baseline', DIALOG_BASELINE_ENTRY, { DATA_DIR: baselineDir }, PRODUCT_FLAGS);
  // The reminder scheduler is off for the load run, so the figures are the request paths' own.
  const product = await spawnServer('product', PRODUCT_ENTRY, { DATA_DIR: dataDir, REMINDER_POLL_SECONDS: '0' }, [...PRODUCT_FLAGS, ...(CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', CPU_PROF] : [])]);
  const bots: Record<Target, Child> = { echo, dialogBaseline, product };
  const rows: Row[] = [];
  try {
    // Every LA officer types `prep` in their 1:1 chat: the dialog starts at the first question.
    const t1 = Date.now();
    const prepSetup = await runLoad(
      product.url,
      seeded.officers.map((o) => () => [{ activity: personalActivity(o, connector.url, { text: 'prep' }), check: ok200 }]),
      10,
    );
    if (prepSetup.errors) throw new Error(`preparation set-up failed: ${prepSetup.problems.join('; ')}`);
    const firstQuestions = connector.messages().length;
    console.log(`started ${seeded.officers.length} LA preparation dialogs in ${((Date.now() - t1) / 1000).toFixed(1)} s (${firstQuestions} bot messages)`);
    if (firstQuestions < seeded.officers.length) throw new Error('some preparation dialogs did not ask their first question');
    connector.reset();

    const pools = {
      echo: { terms: new Pool(seeded.terms, 'terms'), officers: new Pool(seeded.officers, 'officers') },
      product: { terms: new Pool(seeded.terms, 'terms'), officers: new Pool(seeded.officers, 'officers') },
      dialogBaseline: { terms: new Pool(seeded.terms, 'terms'), officers: new Pool(seeded.officers, 'officers') },
    };
    for (const scenario of SCENARIOS) {
      if (ONLY !== 'all' && ONLY !== scenario) continue;
      for (const target of targetsFor(scenario)) {
        const warm = await runLoad(bots[target].url, unitsFor(scenario, WARM_UP, pools[target], connector.url, termsVersion, target).units, 10);
        if (warm.errors) console.log(`warm-up ${scenario} on ${target}: ${warm.errors} errors: ${warm.problems.join('; ')}`);
      }
    }
    if (ONLY === 'all' || ONLY === 'terms') await drainBackground(connector, WARM_UP);
    // The product's warm-up edits (coalesced per case) come a window later.
    if (SCENARIOS.some((s) => s !== 'help' && (ONLY === 'all' || ONLY === s))) await drainCardEdits(connector, 0);
    connector.reset();

    for (const concurrency of LEVELS) {
      for (const scenario of SCENARIOS) {
        if (ONLY !== 'all' && ONLY !== scenario) continue;
        const runs: Record<Target, LoadResult[]> = { echo: [], dialogBaseline: [], product: [] };
        const cpu: Record<Target, number> = { echo: 0, dialogBaseline: 0, product: 0 };
        let backgroundDrainMs = 0;
        const cardEdits: number[] = [];
        const cardCases: number[] = [];
        const perRound = Math.ceil(REQUESTS / ROUNDS);
        for (let round = 0; round < ROUNDS; round++) {
          for (const target of targetsFor(scenario)) {
            connector.reset();
            const cpuBefore = await bots[target].cpuMs();
            const work = unitsFor(scenario, perRound, pools[target], connector.url, termsVersion, target);
            const r = await runLoad(bots[target].url, work.units, concurrency);
            // Card clicks update the shared card after the answer (the echo bot once per click, the
            // product once per case and coalescing window, for clicks and answers): wait for those
            // edits so their CPU is counted and they do not spill into the other bot's round.
            if (target === 'echo' && scenario === 'terms') await drainBackground(connector, r.requests);
            if (target === 'product' && scenario !== 'help') {
              const drain = await drainCardEdits(connector, work.cases);
              backgroundDrainMs = Math.max(backgroundDrainMs, drain.ms);
              cardEdits.push(drain.edits);
              cardCases.push(work.cases);
            }
            cpu[target] += (await bots[target].cpuMs()) - cpuBefore;
            if (scenario !== 'terms') {
              const replies = connector.messages().length;
              if (replies < r.requests) console.log(`  ${scenario} c=${concurrency}: only ${replies} replies for ${r.requests} messages`);
            }
            for (const p of r.problems) console.log(`  ${scenario} c=${concurrency} ${target}: ${p}`);
            runs[target].push(r);
          }
        }
        const pooled = (rs: LoadResult[]): LoadResult => {
          const latencies = rs.flatMap((r) => r.latencies);
          const seconds = rs.reduce((n, r) => n + r.seconds, 0);
          return { ...summarise(latencies, rs.reduce((n, r) => n + r.errors, 0), seconds), problems: rs.flatMap((r) => r.problems), latencies: [] };
        };
        const spread = (f: (r: LoadResult) => number, base: Target = 'echo'): [number, number, number] => {
          const ratios = runs.product.map((p, k) => f(p) / f(runs[base][k]!));
          return [median(ratios), Math.min(...ratios), Math.max(...ratios)];
        };
        const e = pooled(runs.echo);
        const p = pooled(runs.product);
        const echoCpu = cpu.echo / e.requests;
        const productCpu = cpu.product / p.requests;
        rows.push({
          scenario,
          concurrency,
          echo: e,
          product: p,
          echoCpuMsPerRequest: echoCpu,
          productCpuMsPerRequest: productCpu,
          rpsRatio: p.rps / e.rps,
          p50Ratio: p.p50 / e.p50,
          p99Ratio: p.p99 / e.p99,
          cpuRatio: productCpu / echoCpu,
          p50RatioRounds: spread((r) => r.p50),
          p99RatioRounds: spread((r) => r.p99),
          backgroundDrainMs: scenario === 'help' ? undefined : backgroundDrainMs,
          ...(scenario === 'help' ? {} : { productCardEdits: cardEdits, productCardCases: cardCases }),
          ...(runs.dialogBaseline.length ? againstDialogBaseline(pooled(runs.dialogBaseline), cpu.dialogBaseline, p, productCpu, spread) : {}),
        });
        if (scenario !== 'help') console.log(`  product case-card edits per round: ${cardEdits.join(', ')} (cases touched: ${cardCases.join(', ')}; requests per round: ${perRound})`);
        console.log(`${SCENARIO_LABEL[scenario]} c=${concurrency}: echo p50 ${fmt(e.p50, 2)} ms p99 ${fmt(e.p99, 2)} ms; product p50 ${fmt(p.p50, 2)} ms p99 ${fmt(p.p99, 2)} ms; CPU/request echo ${fmt(echoCpu, 2)} ms, product ${fmt(productCpu, 2)} ms${runs.dialogBaseline.length ? `; multi-turn baseline p50 ${fmt(pooled(runs.dialogBaseline).p50, 2)} ms, CPU/request ${fmt(cpu.dialogBaseline / pooled(runs.dialogBaseline).requests, 2)} ms` : ''}`);
      }
    }
    connector.reset();
    const productRssAfterKb = await product.rssKb();
    const productRssAfterGcKb = await product.rssAfterGcKb();
    const productHeapAfterGc = await product.heapAfterGc();
    await product.stop();
    if (ONLY === 'all') await verifyStore(dataDir, seeded);
    return { rows, productRssAfterKb, productRssAfterGcKb, productHeapAfterGc, setup: { seedMs } };
  } finally {
    await echo.stop();
    await dialogBaseline.stop();
    await product.stop();
    await connector.stop();
    await fs.rm(dataDir, { recursive: true, force: true });
    await fs.rm(baselineDir, { recursive: true, force: true });
  }
}

function againstDialogBaseline(d: LoadResult, cpuMs: number, p: LoadResult, productCpu: number, spread: (f: (r: LoadResult) => number, base: Target) => [number, number, number]): Pick<Row, 'dialogBaseline' | 'dialogBaselineCpuMsPerRequest' | 'vsDialogBaseline'> {
  const baselineCpu = cpuMs / d.requests;
  return {
    dialogBaseline: d,
    dialogBaselineCpuMsPerRequest: baselineCpu,
    vsDialogBaseline: { p50Ratio: p.p50 / d.p50, p99Ratio: p.p99 / d.p99, cpuRatio: productCpu / baselineCpu, p50RatioRounds: spread((r) => r.p50, 'dialogBaseline'), p99RatioRounds: spread((r) => r.p99, 'dialogBaseline') },
  };
}

/** After the run, the store must hold what the users did: every agreement and every answer. */
async function verifyStore(dataDir: string, seeded: BenchPools): Promise<void> {
  const store = await openStore({ kind: 'embedded', dataDir });
  try {
    const caseIds = [...new Set(seeded.terms.map((t) => t.caseId))];
    const acks = await store.acknowledgements.listForCases(caseIds);
    const expectedAcks = WARM_UP + REQUESTS * LEVELS.length;
    let answered = 0;
    for (const o of seeded.officers) {
      const [c] = await store.cases.listForUser(o.aadObjectId, 1);
      const party = c?.parties.find((p) => p.role === 'la_officer');
      const record = c && party ? await store.preparation.getRecord(c.id, party.partyId) : null;
      if (record?.answers.kind === 'la' && Object.keys(record.answers).length - 1 >= LA_ANSWERS.length) answered++;
    }
    const expectedOfficers = Math.ceil(WARM_UP / LA_ANSWERS.length) + LEVELS.length * Math.ceil(REQUESTS / LA_ANSWERS.length);
    console.log(`check: ${acks.length} acknowledgements stored (expected ${expectedAcks}); ${answered} officers with ${LA_ANSWERS.length} answers saved (expected ${expectedOfficers})`);
    if (acks.length !== expectedAcks || answered !== expectedOfficers) process.exitCode = 1;
  } finally {
    await store.close();
  }
}

interface StartupFigures {
  emptyStartupMs: number[];
  emptyStartupMedianMs: number;
  emptyRssKb: number;
  emptyRssAfterGcKb: number;
  echoStartupMs: number[];
  echoStartupMedianMs: number;
  echoRssKb: number;
  echoRssAfterGcKb: number;
  seeded: Awaited<ReturnType<typeof seedRealisticStore>>;
  seedMs: number;
  seededStartupMs: number[];
  seededStartupMedianMs: number;
  /** The echo bot's starts interleaved with those on 10,000 cases: the ratio compares starts of the same minutes. */
  seededEchoStartupMs: number[];
  seededEchoStartupMedianMs: number;
  seededRssKb: number;
  seededRssAfterGcKb: number;
  seededHeapAfterGc: HeapReport;
  dataBytes: number;
}

const SETTLE_MS = 5000;
const STARTS = 3;

async function startupPhase(): Promise<StartupFigures> {
  const connector = await FakeConnector.start();
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-start-'));
  try {
    // Interleaved: echo, product, echo, product, … after one unmeasured start of each (disk cache).
    const emptyStartupMs: number[] = [];
    const echoStartupMs: number[] = [];
    let emptyRssKb = 0;
    let emptyRssAfterGcKb = 0;
    let echoRssKb = 0;
    let echoRssAfterGcKb = 0;
    for (let i = 0; i <= STARTS; i++) {
      const echo = await spawnServer('echo bot', ECHO_ENTRY, {});
      if (i > 0) echoStartupMs.push(echo.startupMs);
      if (i === STARTS) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        echoRssKb = await echo.rssKb();
        echoRssAfterGcKb = await echo.rssAfterGcKb();
      }
      await echo.stop();
      const child = await spawnServer('product', PRODUCT_ENTRY, { DATA_DIR: path.join(tmp, `empty-${i}`) }, PRODUCT_FLAGS);
      if (i > 0) emptyStartupMs.push(child.startupMs);
      if (i === STARTS) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        emptyRssKb = await child.rssKb();
        emptyRssAfterGcKb = await child.rssAfterGcKb();
      }
      await child.stop();
    }
    const dir = path.join(tmp, 'seeded');
    const t0 = Date.now();
    const seeded = await seedRealisticStore(dir, connector.url, MEMORY_CASES);
    const seedMs = Date.now() - t0;
    let dataBytes = 0;
    for (const f of await fs.readdir(dir)) dataBytes += (await fs.stat(path.join(dir, f))).size;
    const seededStartupMs: number[] = [];
    const seededEchoStartupMs: number[] = [];
    let seededRssKb = 0;
    let seededRssAfterGcKb = 0;
    let seededHeapAfterGc: HeapReport | undefined;
    // One unmeasured start first, left running until its background work is done (the reminders
    // the seeding left due, the audit sweep), as on any bot that has run before: otherwise the
    // last measured start would send them inside the memory reading's five seconds. Then the
    // echo bot and the product interleaved, as on the empty store.
    const first = await spawnServer('product', PRODUCT_ENTRY, { DATA_DIR: dir }, PRODUCT_FLAGS);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    await first.stop();
    for (let i = 0; i < STARTS; i++) {
      const echo = await spawnServer('echo bot', ECHO_ENTRY, {});
      seededEchoStartupMs.push(echo.startupMs);
      await echo.stop();
      const child = await spawnServer('product', PRODUCT_ENTRY, { DATA_DIR: dir }, PRODUCT_FLAGS);
      seededStartupMs.push(child.startupMs);
      if (i === STARTS - 1) {
        await new Promise((r) => setTimeout(r, SETTLE_MS));
        seededRssKb = await child.rssKb();
        seededRssAfterGcKb = await child.rssAfterGcKb();
        seededHeapAfterGc = await child.heapAfterGc();
      }
      await child.stop();
    }
    return {
      emptyStartupMs,
      emptyStartupMedianMs: median(emptyStartupMs),
      emptyRssKb,
      emptyRssAfterGcKb,
      echoStartupMs,
      echoStartupMedianMs: median(echoStartupMs),
      echoRssKb,
      echoRssAfterGcKb,
      seeded,
      seedMs,
      seededStartupMs,
      seededStartupMedianMs: median(seededStartupMs),
      seededEchoStartupMs,
      seededEchoStartupMedianMs: median(seededEchoStartupMs),
      seededRssKb,
      seededRssAfterGcKb,
      seededHeapAfterGc: seededHeapAfterGc!,
      dataBytes,
    };
  } finally {
    await connector.stop();
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

/**
 * Both bots run compiled, as production runs them: `npm run build` (tsc, then the product's own
 * code bundled into dist/bot/index.js, which tsc alone would leave as about 400 modules).
 */
async function build(): Promise<void> {
  const t = Date.now();
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  await buildBot();
  for (const entry of [PRODUCT_ENTRY, ECHO_ENTRY, DIALOG_BASELINE_ENTRY]) {
    if (!existsSync(path.join(ROOT, entry))) throw new Error(`${entry} was not built`);
  }
  console.log(`compiled the bots (tsc -p tsconfig.build.json, the product bundled as npm run build does) in ${((Date.now() - t) / 1000).toFixed(1)} s; product started as node ${[...PRODUCT_FLAGS, PRODUCT_ENTRY].join(' ')}`);
}

function machine(): Record<string, string | number> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    nproc: execFileSync('nproc').toString().trim(),
    loadAverageAtStart: os.loadavg()[0]!.toFixed(2),
  };
}

async function main(): Promise<void> {
  const m = machine();
  console.log(`bench${QUICK ? ' --quick' : ''}: ${m.cpus} CPU (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}; ${REQUESTS} requests per scenario, bot and concurrency after ${WARM_UP} warm-up requests`);
  // The service view runs in this process: nothing to compile for it alone.
  if (ONLY !== 'service') await build();
  const load = ONLY === 'startup' || ONLY === 'service' ? undefined : await loadPhase();
  if (load) {
    console.log('');
    printTable(load.rows);
    const edited = load.rows.filter((r) => r.backgroundDrainMs !== undefined);
    const sum = (xs: readonly number[] | undefined) => (xs ?? []).reduce((n, x) => n + x, 0);
    console.log(`product case-card edits (coalesced per case, ${CARD_WINDOW_MS} ms window; the echo bot edits once per click): ${edited.map((r) => `${r.scenario} c=${r.concurrency}: ${sum(r.productCardEdits)} edits, ${sum(r.productCardCases)} cases, ${r.product.requests} requests`).join('; ')}`);
    console.log(`those edits were done after the last response (window and a quiet period included): ${edited.map((r) => `${r.scenario} c=${r.concurrency}: ${r.backgroundDrainMs} ms`).join(', ')}`);
    console.log(`product RSS after the load run: ${(load.productRssAfterKb / 1024).toFixed(0)} MB (${(load.productRssAfterGcKb / 1024).toFixed(0)} MB after a forced collection)`);
    console.log(`  after the collection: ${describeHeap(load.productRssAfterGcKb, load.productHeapAfterGc)}`);
  }
  const startup = ONLY === 'all' || ONLY === 'startup' ? await startupPhase() : undefined;
  if (startup) {
    const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
    const ms = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    console.log('');
    console.log(`start-up to a healthy /healthz (node dist/…, interleaved): echo bot median ${fmt(startup.echoStartupMedianMs, 0)} ms of ${ms(startup.echoStartupMs)}; product, empty store, median ${fmt(startup.emptyStartupMedianMs, 0)} ms of ${ms(startup.emptyStartupMs)} (${fmt(startup.emptyStartupMedianMs / startup.echoStartupMedianMs, 2)} × echo)`);
    console.log(`resident memory: echo bot ${mb(startup.echoRssKb)} (${mb(startup.echoRssAfterGcKb)} after a forced collection); product, empty store ${mb(startup.emptyRssKb)} (${mb(startup.emptyRssAfterGcKb)})`);
    const s = startup.seeded;
    console.log(
      `with ${s.cases} cases (${s.parties} parties, ${s.acknowledgements} agreements, ${s.preparationRecords} preparation records, ${s.changes} requested changes, ${s.reminders} reminders; ${(startup.dataBytes / 2 ** 20).toFixed(0)} MB on disk, seeded in ${(startup.seedMs / 1000).toFixed(0)} s): ` +
        `start-up median ${fmt(startup.seededStartupMedianMs, 0)} ms of ${ms(startup.seededStartupMs)} (${fmt(startup.seededStartupMedianMs / startup.seededEchoStartupMedianMs, 2)} × the echo bot's ${fmt(startup.seededEchoStartupMedianMs, 0)} ms of ${ms(startup.seededEchoStartupMs)}, interleaved); resident memory ${mb(startup.seededRssKb)} (${mb(startup.seededRssAfterGcKb)} after a forced collection)`,
    );
    console.log(`  after the collection: ${describeHeap(startup.seededRssAfterGcKb, startup.seededHeapAfterGc)}`);
  }
  const service = ONLY === 'all' || ONLY === 'service' ? await serviceViewPhase(MEMORY_CASES) : undefined;
  if (service) {
    const each = service.periods.map(
      (p) => `${p.period} (${p.label}, ${p.casesCounted} cases counted) p50 ${fmt(p.latency.p50, 1)} ms, p99 ${fmt(p.latency.p99, 1)} ms (reads ${fmt(p.readsMsMedian, 1)} ms; CPU ${fmt(p.cpuMsMedian, 1)} ms per answer); first answer after opening the store ${fmt(p.firstAnswerMsMedian, 1)} ms (median of 7)`,
    );
    console.log('');
    console.log(
      `service view over ${service.cases} cases (${service.meetings} meetings, ${service.certificates} certificates, ${service.outcomes} outcome records; seeded in ${(service.seedMs / 1000).toFixed(0)} s), ` +
        `reads, figures and JSON in this process, ${service.periods[0]?.latency.requests ?? 0} runs each: ${each.join('; ')}`,
    );
  }
  // Other work on the machine skews every figure: say how busy it was.
  console.log(`1-minute load average: ${m.loadAverageAtStart} at the start, ${os.loadavg()[0]!.toFixed(2)} at the end (${m.cpus} CPUs)`);
  await fs.mkdir(path.dirname(OUT), { recursive: true });
  await fs.writeFile(OUT, JSON.stringify({ at: new Date().toISOString(), loadAverageAtEnd: os.loadavg()[0], quick: QUICK, machine: m, requestsPerRun: REQUESTS, warmUp: WARM_UP, load, startup, service }, null, 2));
  console.log(`\nfigures written to ${path.relative(ROOT, OUT)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
