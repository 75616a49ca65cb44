/**
 * The service view for 10,000 cases (docs/service-view.md, docs/benchmarks.md): the realistic
 * store of the start-up figure, plus a meeting for every other case (closed with each result in
 * turn), a certificate for every fourth and an outcome record for every third, then the view's
 * reads and figures timed in this process on the embedded store, as GET /tab/api/service does
 * them (sources, figures, JSON), without HTTP. A reported figure, not a test with a limit.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { isCaseError, type CaseError } from '../../domain/cases';
import { prepareCertificate } from '../../domain/certificate';
import { londonDate } from '../../domain/londonTime';
import { closeMeeting, startMeeting, type CloseDecision } from '../../domain/meeting';
import { startOutcomeRecord } from '../../domain/outcome';
import { buildServiceReport, loadServiceData, resolvePeriod, type ServicePeriodKind } from '../../domain/service';
import { createCalendar } from '../../domain/timescales';
import { storeServiceSources } from '../../bot/service/storeSources';
import { openStore, type AppStore } from '../../storage/appStore';
import { TENANT_ID } from './people';
import { seedRealisticStore } from './seed';
import { median, summarise, type LatencySummary } from './stats';

const HOUR = 3_600_000;
const DECISIONS: readonly CloseDecision[] = [{ outcome: 'full' }, { outcome: 'partial' }, { outcome: 'none' }, { outcome: 'full' }];
const WARM_UP = 5;
const RUNS = 40;
const COLD_RUNS = 7;

export interface ServiceViewFigures {
  readonly cases: number;
  readonly meetings: number;
  readonly certificates: number;
  readonly outcomes: number;
  readonly seedMs: number;
  readonly periods: readonly {
    readonly period: ServicePeriodKind;
    readonly label: string;
    readonly casesCounted: number;
    readonly latency: LatencySummary;
    /** CPU milliseconds per answer (this process): steadier than wall time on a busy machine. */
    readonly cpuMsMedian: number;
    /** Wall milliseconds of the reads alone (sources), median: the rest is the figures and JSON. */
    readonly readsMsMedian: number;
    /**
     * The first answer after the store is opened (median of COLD_RUNS): nothing remembered, every
     * record read and checked, as after a restart. The runs above reuse what earlier answers read.
     */
    readonly firstAnswerMsMedian: number;
  }[];
}

function ok<T>(r: T | CaseError): T {
  if (isCaseError(r)) throw r;
  return r;
}

/** A first session a day after the LA was told (or three hours ago, if that is later than now), closed two hours on. */
export async function addHistory(store: AppStore, now: Date): Promise<{ meetings: number; certificates: number; outcomes: number }> {
  const totals = { meetings: 0, certificates: 0, outcomes: 0 };
  const found = await store.serviceRecords.between('referredOn', '2000-01-01', '2100-01-01', TENANT_ID);
  const sorted = found.map((r) => r.c).sort((a, b) => a.caseReference.localeCompare(b.caseReference));
  for (const [i, { id }] of sorted.entries()) {
    const c = i % 2 === 0 ? await store.cases.get(id) : null;
    if (!c?.dates.laInformed) continue;
    const actor = c.mediators[0]!.aadObjectId;
    const start = new Date(Math.min(Date.parse(`${c.dates.laInformed}T10:00:00Z`) + 24 * HOUR, now.getTime() - 3 * HOUR));
    const closeAt = new Date(start.getTime() + 2 * HOUR);
    const running = ok(startMeeting(c, null, actor, { guards: { termsAgreed: true, authorityConfirmed: true, changesReviewed: true } }, start));
    const meeting = ok(closeMeeting(c, running, actor, DECISIONS[(i / 2) % DECISIONS.length]!, closeAt));
    if ((await store.meetings.create(meeting)) === 'created') totals.meetings++;
    if (i % 4 === 0) {
      const issued = await store.certificates.issue(c.id, (existing) =>
        prepareCertificate(c, existing, actor, { variant: 'after_mediation', issuer: { name: 'Bench Mediator', role: 'mediator' }, providerName: 'Bench Mediation Service', meeting }, new Date(closeAt.getTime() + 20 * HOUR)),
      );
      if (issued.status === 'created') totals.certificates++;
    }
    if (i % 3 === 0) {
      const opened = await store.outcomes.open(ok(startOutcomeRecord(c, meeting, actor, closeAt)), actor);
      if (opened.status === 'created') totals.outcomes++;
    }
  }
  return totals;
}

export async function serviceViewPhase(count: number): Promise<ServiceViewFigures> {
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bench-service-'));
  try {
    const t0 = Date.now();
    // The conversation references need an address; nothing is sent to it here.
    const seeded = await seedRealisticStore(tmp, 'http://127.0.0.1:9/', count);
    const now = new Date();
    const calendar = createCalendar();
    let store = await openStore({ kind: 'embedded', dataDir: tmp });
    const history = await addHistory(store, now);
    await store.close();
    const seedMs = Date.now() - t0;
    // Measured on a freshly opened store, as the product would be after a restart.
    store = await openStore({ kind: 'embedded', dataDir: tmp });
    const periods: ServiceViewFigures['periods'][number][] = [];
    const answer = async (kind: ServicePeriodKind, period: { from: string; to: string }) => {
      const t = performance.now();
      // As the route does: one set of sources per answer.
      const data = await loadServiceData(storeServiceSources(store, calendar), { tenantId: TENANT_ID, from: period.from, to: period.to });
      const read = performance.now() - t;
      const report = buildServiceReport(data, { period: kind, from: period.from, to: period.to }, { now, calendar, csvUrl: '/tab/api/service.csv' });
      JSON.stringify(report.answer);
      return { ms: performance.now() - t, read, casesCounted: report.answer.caseCount };
    };
    try {
      for (const kind of ['month', 'year'] as const) {
        const period = resolvePeriod(kind, londonDate(now));
        const latencies: number[] = [];
        const cpu: number[] = [];
        const reads: number[] = [];
        let casesCounted = 0;
        const started = Date.now();
        for (let i = 0; i < WARM_UP + RUNS; i++) {
          const c0 = process.cpuUsage();
          const r = await answer(kind, period);
          const used = process.cpuUsage(c0);
          if (i >= WARM_UP) {
            latencies.push(r.ms);
            cpu.push((used.user + used.system) / 1000);
            reads.push(r.read);
          }
          casesCounted = r.casesCounted;
        }
        const cold: number[] = [];
        for (let i = 0; i < COLD_RUNS; i++) {
          await store.close();
          store = await openStore({ kind: 'embedded', dataDir: tmp });
          cold.push((await answer(kind, period)).ms);
        }
        periods.push({ period: kind, label: period.label, casesCounted, latency: summarise(latencies, 0, (Date.now() - started) / 1000), cpuMsMedian: median(cpu), readsMsMedian: median(reads), firstAnswerMsMedian: median(cold) });
      }
    } finally {
      await store.close();
    }
    return { cases: seeded.cases, ...history, seedMs, periods };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}
