// A what-if for scripts/bench/requestCpu.ts only, never for the bot (NODE_OPTIONS=--require=…):
// the store's fsync of its WAL (storage/sqlite/walSync.ts) completes at once without touching the
// disk, so the difference from a normal run is what waiting for durability costs a request.
// Preloaded because walSync.ts takes fs.fdatasync when it loads.
const fs = process.getBuiltinModule('node:fs');

fs.fdatasync = (fd, callback) => setImmediate(callback, null);
