// Preloaded into the benchmarked bots (node --expose-gc --require): SIGUSR2 forces a full
// collection, so resident memory can be read without garbage the collector has not reached yet.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
});
