/**
 * `npx tsx scripts/bench/compareStarts.ts <entryA.js> <entryB.js> [starts]`: start-up to a healthy
 * /healthz of two builds of the bot, interleaved (A, B, A, B, …) after an unmeasured start of each,
 * each start on a new empty DATA_DIR, with production's node flags. For changes smaller than the
 * noise of the full bench's three starts: copy `npm run build`'s dist/bot before a change, build
 * again after it, and compare (docs/benchmarks.md, start-up).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { productionNodeFlags, spawnServer } from './processes';
import { median } from './stats';

async function startOnce(entry: string): Promise<number> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'compare-starts-'));
  try {
    const child = await spawnServer(path.basename(entry), entry, { DATA_DIR: dataDir }, productionNodeFlags());
    await child.stop();
    return child.startupMs;
  } finally {
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const [a, b, count] = process.argv.slice(2);
  if (!a || !b) throw new Error('usage: compareStarts.ts <entryA.js> <entryB.js> [starts]');
  const starts = Number(count ?? 10);
  const times: Record<string, number[]> = { [a]: [], [b]: [] };
  await startOnce(a);
  await startOnce(b);
  for (let i = 0; i < starts; i++) for (const entry of [a, b]) times[entry]!.push(await startOnce(entry));
  for (const entry of [a, b]) console.log(`${entry}: median ${median(times[entry]!).toFixed(0)} ms of ${times[entry]!.map((t) => t.toFixed(0)).join(', ')}`);
  console.log(`B / A: ${(median(times[b]!) / median(times[a]!)).toFixed(3)}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
