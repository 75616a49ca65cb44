// Preloaded into the benchmarked bots (node --expose-gc --require): SIGUSR2 forces a full
// collection, so resident memory can be read without garbage the collector has not reached yet,
// then writes V8's heap figures to BENCH_HEAP_REPORT (when set), to say where the memory is.
const { writeFileSync } = process.getBuiltinModule('node:fs');
const { getHeapSpaceStatistics } = process.getBuiltinModule('node:v8');

process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  const out = process.env.BENCH_HEAP_REPORT;
  if (!out) return;
  const spaces = {};
  for (const s of getHeapSpaceStatistics()) spaces[s.space_name] = { used: s.space_used_size, committed: s.physical_space_size };
  writeFileSync(out, JSON.stringify({ memory: process.memoryUsage(), spaces }));
});
