// Prints one plain closing line that any CI log reader understands:
// "N passed, N failed, N skipped". Written at process exit so that it comes after
// Jest's own summary and is the last line of the run.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
