// A what-if for scripts/bench/requestCpu.ts only, never for the bot (NODE_OPTIONS=--require=…):
// the store's fsync of its WAL (storage/sqlite/walSync.ts) completes at once without touching the
// disk, so the difference from a normal run is what waiting for durability costs a request.
// Preloaded because walSync.ts takes fs.fdatasync when it loads. It says at exit how many fsyncs
// it skipped: no such line means the store no longer syncs this way and the run measured nothing.
const fs = process.getBuiltinModule('node:fs');

let skipped = 0;
fs.fdatasync = (fd, callback) => {
  skipped++;
  setImmediate(callback, null);
};
// NODE_OPTIONS reaches npx and tsx's own processes too, which skip none and stay silent.
process.on('exit', () => {
  if (skipped > 0) process.stderr.write(`noWalFsync: ${skipped} fsyncs skipped\n`);
});
