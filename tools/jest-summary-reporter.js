// Prints one closing line that CI and people can read at a glance: "Tests: N passed, N failed".
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const suitesFailed = results.numFailedTestSuites;
    console.log(
      `\nTest suites: ${results.numPassedTestSuites} passed, ${suitesFailed} failed` +
        `\nTests: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
    );
  }
}
module.exports = SummaryReporter;
