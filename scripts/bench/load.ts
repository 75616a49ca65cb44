import { performance } from 'node:perf_hooks';
import { summarise, type LatencySummary } from './stats';

/** One request of a simulated conversation, and how to tell that the bot did what a user expects. */
export interface Step {
  readonly activity: Record<string, unknown>;
  /** Returns a problem, or undefined when the answer is right. */
  readonly check: (status: number, body: string) => string | undefined;
}

/** Requests that must go in order (one conversation's dialog answers); units run in parallel. */
export type Unit = (worker: number) => Step[];

export interface LoadResult extends LatencySummary {
  readonly problems: readonly string[];
  /** Every request's latency, so that interleaved rounds can be pooled. */
  readonly latencies: readonly number[];
}

/**
 * `concurrency` simulated conversations, each taking the next unit and posting its steps one
 * after another: a request's latency is its POST /api/messages round trip.
 */
export async function runLoad(url: string, units: readonly Unit[], concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const problems: string[] = [];
  let errors = 0;
  let next = 0;
  const worker = async (_: unknown, index: number): Promise<void> => {
    while (next < units.length) {
      const steps = units[next++]!(index);
      for (const step of steps) {
        const started = performance.now();
        let status = 0;
        let body = '';
        try {
          const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(step.activity) });
          status = res.status;
          body = await res.text();
        } catch (err) {
          body = (err as Error).message;
        }
        latencies.push(performance.now() - started);
        const problem = status === 0 ? `request failed: ${body}` : step.check(status, body);
        if (problem) {
          errors++;
          if (problems.length < 5) problems.push(problem);
        }
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return { ...summarise(latencies, errors, seconds), problems, latencies };
}
