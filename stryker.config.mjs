// Mutation testing of the core modules (StrykerJS, jest runner): `npm run mutate` (all four), or
// one module at a time while developing: `npm run mutate -- --mutate 'src/reconcile/**/*.ts'`.
// See README.md ("Mutation testing") for the time it takes and how to read the report.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/filing/**/*.ts', 'src/model/**/*.ts', 'src/reconcile/**/*.ts', 'src/formulas/**/*.ts'],
  testRunner: 'jest',
  jest: {
    configFile: 'jest.config.js',
    // The suites that exercise the core. Left out: the fuzz test (its cases run in worker threads
    // that load the sources afresh, outside Stryker's instrumentation), the browser, build, manifest,
    // CLI-process and LibreOffice tests (no core logic of their own, minutes of builds per run).
    config: {
      testPathIgnorePatterns: [
        '/node_modules/',
        '/test/fuzz\\.test\\.ts$',
        '/test/taskpane-browser\\.test\\.ts$',
        '/test/surface\\.test\\.ts$',
        '/test/manifest\\.test\\.ts$',
        '/test/cli\\.test\\.ts$',
        '/test/xlsx-print\\.test\\.ts$',
      ],
    },
    enableFindRelatedTests: true,
  },
  // Only the tests that reach a mutant run for it; a mutant in code run once at load (a constant
  // table, a module-level regex) would need every test: those are skipped and not counted.
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  // This machine has two cores shared by several people: one test process at a time, and a
  // generous timeout (a slow run under load is not taken for an infinite loop).
  concurrency: 1,
  timeoutMS: 30000,
  timeoutFactor: 3,
  dryRunTimeoutMinutes: 40,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 90, low: 80, break: null },
  // Stryker adds @ts-nocheck to these (a mutant need not type-check); not to the HTML fixtures.
  disableTypeChecks: '{src,test}/**/*.ts',
  ignorePatterns: ['dist', 'dist-addin', 'test-output', 'reports', '.scratch'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
