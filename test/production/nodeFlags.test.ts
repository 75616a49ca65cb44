import { execFileSync } from 'node:child_process';
import { productionNodeFlags } from '../../scripts/bench/processes';

/**
 * Production starts node with --max-semi-space-size (package.json's serve script, docs/operations.md):
 * V8's young generation otherwise grows to two 16 MB semi-spaces while the bot loads its modules
 * and runs its start-up work, and keeps them for many seconds after (resident memory 152 MB with
 * 10,000 cases five seconds after start-up instead of about 136, docs/benchmarks.md).
 */

// Allocates objects that survive a scavenge or two, as module loading and the start-up work do,
// and prints the largest size the young generation reached, in MB.
const CHURN = `
const v8 = require('v8');
let keep = [];
let most = 0;
const started = Date.now();
while (Date.now() - started < 400) {
  for (let i = 0; i < 1000; i++) keep.push({ i, text: 'x' + i, pair: [i, i] });
  if (keep.length > 200000) keep = [];
  most = Math.max(most, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size);
}
console.log(most / 2 ** 20);
`;

it('production runs the bot with a young generation of at most 16 MB (two 8 MB semi-spaces)', () => {
  const flags = productionNodeFlags();
  expect(flags).toContain('--max-semi-space-size=8');
  const youngMb = Number(execFileSync(process.execPath, [...flags, '-e', CHURN], { encoding: 'utf8' }).trim());
  expect(youngMb).toBeGreaterThan(0);
  expect(youngMb).toBeLessThanOrEqual(16);
});

it('without the flag the same work grows it to 32 MB (what the flag is for)', () => {
  const youngMb = Number(execFileSync(process.execPath, ['-e', CHURN], { encoding: 'utf8' }).trim());
  expect(youngMb).toBeGreaterThan(16);
});
